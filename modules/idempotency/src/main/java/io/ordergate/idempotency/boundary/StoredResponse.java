package io.ordergate.idempotency.boundary;

/** A response exactly as it was (or will be) sent: status, content type and body bytes. */
public record StoredResponse(int status, String contentType, byte[] body) {}
