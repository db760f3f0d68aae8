package io.ordergate.idempotency.boundary;

/** What is kept of an identity: the hash of the first request's content and the response it got. */
public record IdempotencyRecord(byte[] requestSha256, StoredResponse response) {}
