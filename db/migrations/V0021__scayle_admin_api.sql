-- scayle: the connection to SCAYLE's Admin API (fulfilment spec §6) and the calls made through it
-- (scayle.md §7). One connection: base URL, access token sealed by the master key (never shown
-- again), optional company id.
CREATE TABLE scayle_admin_api (
    singleton         BOOLEAN      PRIMARY KEY DEFAULT true CHECK (singleton),
    base_url          TEXT         NOT NULL,
    token_sealed      BYTEA        NOT NULL,
    company_id        TEXT,
    token_changed_at  TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    updated_by        TEXT         NOT NULL
);

-- One row per call OrderGate owes SCAYLE (a shipment, a cancellation, a return), under the
-- caller's key (fulfilment: ful_outbound:{outbound_id}). SCAYLE has no idempotency key, so
-- in_doubt is set (and committed) before every POST and cleared only by an answer that settles
-- it; while it is set, the next attempt reads the order first and posts only when the call's
-- effect is not there. claimed_until: an attempt holds the call while it talks to SCAYLE, so two
-- attempts (a job run twice, a job requested again) never post at once. errors: SCAYLE's errors[]
-- of the last refusal (JSON array), for staff.
CREATE TABLE scayle_admin_call (
    call_key         TEXT         PRIMARY KEY,
    merchant_key     TEXT         NOT NULL,
    reference_key    TEXT         NOT NULL,
    kind             TEXT         NOT NULL CHECK (kind IN ('shipment', 'cancellation', 'return')),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    in_doubt         BOOLEAN      NOT NULL DEFAULT false,
    claimed_until    TIMESTAMPTZ,
    outcome          TEXT         CHECK (outcome IN ('sent', 'found', 'rejected')),
    last_status      INTEGER,
    last_error       TEXT,
    errors           TEXT,
    created_at       TIMESTAMPTZ  NOT NULL,
    last_attempt_at  TIMESTAMPTZ,
    done_at          TIMESTAMPTZ
);
CREATE INDEX scayle_admin_call_order_idx ON scayle_admin_call (merchant_key, reference_key);
