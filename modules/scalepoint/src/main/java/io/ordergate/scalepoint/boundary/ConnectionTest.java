package io.ordergate.scalepoint.boundary;

import java.time.Instant;

/** What "test connection" found: a token was issued, or the exact reason it was not. */
public record ConnectionTest(
        boolean ok,
        String tokenUrl,
        String authentication,
        String scope,
        Long expiresIn,
        String error,
        Instant testedAt) {}
