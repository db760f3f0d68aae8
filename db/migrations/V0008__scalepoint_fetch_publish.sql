-- scalepoint: the outbound side (module: scalepoint). The connection to Scalepoint's
-- Authorization Server, our client certificates, Order Data snapshots and every fetch,
-- events we publish back, and the long-poll cursor.

-- One row: who we are at Scalepoint. URLs are NULL when they come from configuration.
CREATE TABLE sp_connection (
    connection_id         SMALLINT     PRIMARY KEY CHECK (connection_id = 1),
    client_id             TEXT         NOT NULL,
    scopes                TEXT         NOT NULL,   -- space separated, as sent to the token endpoint
    tenant                TEXT         NOT NULL,
    country               TEXT         NOT NULL,
    token_url             TEXT,
    order_data_url        TEXT,
    event_api_url         TEXT,
    client_secret_sealed  BYTEA,                   -- NULL: private_key_jwt with the active certificate
    updated_at            TIMESTAMPTZ  NOT NULL,
    updated_by            TEXT         NOT NULL
);

-- Client certificates for private_key_jwt. Scalepoint keeps the public certificate; the private
-- key is sealed with the master key and never leaves the server. Retiring wipes the key.
CREATE TABLE sp_certificate (
    thumbprint          TEXT         PRIMARY KEY,  -- upper-case hex SHA-1 of the DER certificate
    x5t                 TEXT         NOT NULL,
    certificate_der     BYTEA        NOT NULL,
    private_key_sealed  BYTEA,
    subject             TEXT         NOT NULL,
    not_before          TIMESTAMPTZ  NOT NULL,
    not_after           TIMESTAMPTZ  NOT NULL,
    origin              TEXT         NOT NULL CHECK (origin IN ('generated', 'uploaded')),
    active              BOOLEAN      NOT NULL DEFAULT false,
    created_at          TIMESTAMPTZ  NOT NULL,
    created_by          TEXT         NOT NULL,
    retired_at          TIMESTAMPTZ,
    CHECK (NOT (active AND retired_at IS NOT NULL)),
    CHECK ((retired_at IS NULL) = (private_key_sealed IS NOT NULL))
);
-- At most one active certificate.
CREATE UNIQUE INDEX sp_certificate_active_idx ON sp_certificate ((true)) WHERE active;

-- What we recognised in the latest snapshot, for listing (the snapshot itself stays authoritative).
ALTER TABLE sp_order
    ADD COLUMN order_number       TEXT,
    ADD COLUMN order_status       TEXT,
    ADD COLUMN currency           TEXT,
    ADD COLUMN total              NUMERIC,
    ADD COLUMN line_count         INTEGER,
    ADD COLUMN delivery_name      TEXT,
    ADD COLUMN delivery_city      TEXT,
    ADD COLUMN delivery_country   TEXT,
    ADD COLUMN contact_email      TEXT,
    ADD COLUMN snapshot_version   INTEGER,
    ADD COLUMN fetched_at         TIMESTAMPTZ,
    ADD COLUMN last_error         TEXT;

-- Order Data responses as received: a new version only when the content changed.
CREATE TABLE sp_snapshot (
    order_token   TEXT         NOT NULL REFERENCES sp_order (order_token),
    version       INTEGER      NOT NULL,
    sha256        TEXT         NOT NULL,
    body          TEXT         NOT NULL,
    fetched_at    TIMESTAMPTZ  NOT NULL,   -- first time this content was seen
    last_seen_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (order_token, version)
);

-- Every fetch, successful or not.
CREATE TABLE sp_fetch (
    fetch_id          BIGSERIAL    PRIMARY KEY,
    order_token       TEXT         NOT NULL REFERENCES sp_order (order_token),
    job_id            BIGINT,
    attempt           INTEGER,
    started_at        TIMESTAMPTZ  NOT NULL,
    finished_at       TIMESTAMPTZ  NOT NULL,
    outcome           TEXT         NOT NULL CHECK (outcome IN ('new-version', 'unchanged', 'failed')),
    http_status       INTEGER,
    error             TEXT,
    snapshot_version  INTEGER
);
CREATE INDEX sp_fetch_order_idx ON sp_fetch (order_token, fetch_id DESC);

-- Events we publish to Scalepoint's Event API: an outbox on the job queue.
CREATE TABLE sp_publication (
    publication_id  BIGSERIAL    PRIMARY KEY,
    order_token     TEXT         REFERENCES sp_order (order_token),
    event_type      TEXT         NOT NULL,
    correlation_id  TEXT         NOT NULL UNIQUE,
    body            TEXT         NOT NULL,   -- the envelope exactly as sent on every try
    job_id          BIGINT,
    status          TEXT         NOT NULL CHECK (status IN ('pending', 'sent', 'failing', 'dead')),
    http_status     INTEGER,
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    created_by      TEXT         NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX sp_publication_order_idx ON sp_publication (order_token, publication_id DESC);
CREATE INDEX sp_publication_status_idx ON sp_publication (status, created_at DESC);

-- Long-poll mode: one poller across all nodes (a lease), and the cursor.
CREATE TABLE sp_poller (
    poller_id       SMALLINT     PRIMARY KEY CHECK (poller_id = 1),
    last_event_id   TEXT,
    holder          TEXT,
    lease_until     TIMESTAMPTZ,
    last_polled_at  TIMESTAMPTZ,
    last_error      TEXT,
    events_received BIGINT       NOT NULL DEFAULT 0
);
INSERT INTO sp_poller (poller_id) VALUES (1);
