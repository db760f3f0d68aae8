-- scalepoint: events received from Scalepoint's Event API and the orders they announce
-- (module: scalepoint). Order Data snapshots and fetch records follow with the fetch.
CREATE TABLE sp_event (
    event_id         BIGSERIAL    PRIMARY KEY,
    dedupe_key       TEXT         NOT NULL UNIQUE,  -- the event's id, or the hash of its content
    event_type       TEXT         NOT NULL,
    payload_version  TEXT,
    supported        BOOLEAN      NOT NULL,         -- false: payload version other than 1.x, stored and flagged
    correlation_id   TEXT,
    event_time       TIMESTAMPTZ,
    event_time_raw   TEXT,
    order_token      TEXT,                          -- lower case
    case_number      TEXT,
    source           TEXT         NOT NULL,         -- 'webhook' or 'long-poll'
    client_id        TEXT,
    received_at      TIMESTAMPTZ  NOT NULL,
    raw_body         BYTEA        NOT NULL
);
CREATE INDEX sp_event_received_idx ON sp_event (received_at DESC, event_id DESC);
CREATE INDEX sp_event_order_idx ON sp_event (order_token);
CREATE INDEX sp_event_type_idx ON sp_event (event_type, received_at DESC);

CREATE TABLE sp_order (
    order_token        TEXT         PRIMARY KEY,    -- lower case GUID
    status             TEXT         NOT NULL CHECK (status IN ('pending', 'fetched', 'failed', 'dead')),
    case_uuid          TEXT,
    case_number        TEXT,
    case_token         TEXT,
    case_type          TEXT,
    external_claim_id  TEXT,
    first_event_id     BIGINT       NOT NULL REFERENCES sp_event (event_id),
    fetch_job_id       BIGINT,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sp_order_created_idx ON sp_order (created_at DESC);
CREATE INDEX sp_order_status_idx ON sp_order (status, created_at DESC);
CREATE INDEX sp_order_case_idx ON sp_order (case_number);
