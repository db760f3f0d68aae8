package io.ordergate.credentials.boundary;

/** An authenticated SCAYLE webhook call: the merchant the credential belongs to and its user name. */
public record ScayleCaller(String merchantKey, String username) {}
