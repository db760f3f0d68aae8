package io.ordergate.credentials.boundary;

/** A webhook call authenticated by a bearer token of ours: the client it was issued to. */
public record WebhookCaller(String clientId, String scope) {}
