-- credentials: OAuth2 clients that call our webhooks with a bearer token from /oauth/token
-- (Scalepoint's Event API). Like SCAYLE credentials: generated, keyed hash at rest, rotated with a
-- grace period, revocable at once.
CREATE TABLE cred_webhook_client (
    client_id    TEXT         PRIMARY KEY,
    platform     TEXT         NOT NULL,
    scope        TEXT         NOT NULL,
    secret_hmac  BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   TEXT         NOT NULL,
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    revoked_by   TEXT
);
CREATE INDEX cred_webhook_client_platform_idx ON cred_webhook_client (platform, created_at);
