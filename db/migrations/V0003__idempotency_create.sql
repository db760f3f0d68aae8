-- idempotency: the permanent memory of every idempotent delivery and the response it got
-- (module: idempotency). The primary key decides who is first: INSERT ... ON CONFLICT DO NOTHING.
CREATE TABLE idem_record (
    scope                  TEXT         NOT NULL,   -- e.g. 'scayle.delegation'
    idem_key               TEXT         NOT NULL,   -- e.g. '["acme","fa-10001-99110901"]'
    request_sha256         BYTEA        NOT NULL,   -- hash of the canonical request content
    response_status        INTEGER      NOT NULL,
    response_content_type  TEXT         NOT NULL,
    response_body          BYTEA        NOT NULL,   -- exactly the bytes sent
    created_at             TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
