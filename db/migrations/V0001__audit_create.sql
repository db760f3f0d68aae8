-- audit: the append-only trail of everything that happened (module: audit).
-- Rows are only ever inserted by the application. The seal_* columns are filled later by the
-- sealer (hash chain in commit order); they are nullable so that ingest never waits for sealing.
CREATE TABLE audit_record (
    audit_id        BIGINT       PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    actor_type      TEXT         NOT NULL,          -- 'scayle', 'user', 'system', 'anonymous'
    actor           TEXT         NOT NULL,          -- username, merchant key or source address
    action          TEXT         NOT NULL,          -- e.g. 'scayle.delegation.received'
    outcome         TEXT         NOT NULL,          -- e.g. 'created', 'replayed', 'rejected'
    subject_type    TEXT,                           -- e.g. 'scayle-order'
    subject_key     TEXT,                           -- e.g. 'acme/fa-10001-99110901'
    source          TEXT,                           -- remote address
    request_id      TEXT,
    payload_ref     TEXT,                           -- e.g. 'scayle_delivery_attempt:42'
    detail          JSONB        NOT NULL DEFAULT '{}'::jsonb,
    seal_seq        BIGINT       UNIQUE,
    seal_hash       BYTEA,
    seal_prev_hash  BYTEA,
    sealed_at       TIMESTAMPTZ
);
-- EclipseLink reads each value as the top of a block of 50 ids, hence START WITH 50.
CREATE SEQUENCE audit_record_seq START WITH 50 INCREMENT BY 50;
CREATE INDEX audit_record_occurred_idx ON audit_record (occurred_at DESC);
CREATE INDEX audit_record_subject_idx ON audit_record (subject_type, subject_key, occurred_at);
CREATE INDEX audit_record_unsealed_idx ON audit_record (audit_id) WHERE seal_seq IS NULL;
