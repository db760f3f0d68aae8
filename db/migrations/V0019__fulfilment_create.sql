-- fulfilment: one order model for both platforms (fulfilment spec §2) and the feed of its changes.
CREATE TABLE ful_order (
    order_id           TEXT         PRIMARY KEY,   -- scayle:{merchantKey}:{referenceKey} | scalepoint:{orderToken}
    source             TEXT         NOT NULL CHECK (source IN ('scayle', 'scalepoint')),
    merchant_key       TEXT,
    reference          TEXT         NOT NULL,
    platform_order_id  TEXT,
    status             TEXT         NOT NULL CHECK (status IN ('open', 'partially_shipped', 'shipped', 'cancelled')),
    received_at        TIMESTAMPTZ  NOT NULL,
    version            INTEGER      NOT NULL,
    carrier            TEXT,
    ship_to            TEXT,        -- JSON object, as the order document carries it
    customer           TEXT,        -- JSON object
    -- why staff should look at the order (e.g. cancelled by the platform after items shipped); null when fine
    attention          TEXT,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ful_order_received_idx ON ful_order (received_at DESC);

CREATE TABLE ful_order_item (
    -- checked at commit: JPA writes the items and their order in no particular order
    order_id     TEXT     NOT NULL REFERENCES ful_order (order_id) DEFERRABLE INITIALLY DEFERRED,
    position     INTEGER  NOT NULL,
    item_id      TEXT     NOT NULL,
    sku          TEXT,
    name         TEXT,
    warehouse    TEXT,
    ordered      INTEGER  NOT NULL CHECK (ordered >= 0),
    deliverable  INTEGER  NOT NULL CHECK (deliverable >= 0 AND deliverable <= ordered),
    shipped      INTEGER  NOT NULL DEFAULT 0,
    -- includes the units answered as not deliverable (ordered - deliverable), counted from the start
    cancelled    INTEGER  NOT NULL DEFAULT 0,
    returned     INTEGER  NOT NULL DEFAULT 0,
    unit_price   BIGINT,
    currency     TEXT,
    PRIMARY KEY (order_id, position),
    CHECK (shipped >= 0 AND cancelled >= 0 AND shipped + cancelled <= ordered),
    CHECK (returned >= 0 AND returned <= shipped)
);
CREATE INDEX ful_order_item_sku_idx ON ful_order_item (sku);

-- The feed. A writer only inserts a change (position null) in the transaction that changes the
-- order; positions are given after commit, by the sequencer (Feed.sequence), one sweep at a time
-- under the lock of ful_feed_head, to the changes that are visible then. So a position is never
-- given to a change that a reader could not already see, and every later position is larger:
-- a reader that follows 'next' never skips one. docs/fulfilment.md says why in full.
CREATE TABLE ful_feed_change (
    change_id     BIGSERIAL    PRIMARY KEY,
    position      BIGINT       UNIQUE,
    order_id      TEXT         NOT NULL,
    kind          TEXT         NOT NULL CHECK (kind IN ('order.created', 'order.updated', 'order.cancelled')),
    version       INTEGER      NOT NULL,
    document      TEXT         NOT NULL,   -- the order document as it was at this change, as served
    created_at    TIMESTAMPTZ  NOT NULL,
    sequenced_at  TIMESTAMPTZ
);
CREATE INDEX ful_feed_change_unsequenced_idx ON ful_feed_change (change_id) WHERE position IS NULL;
CREATE INDEX ful_feed_change_order_idx ON ful_feed_change (order_id, version);

CREATE TABLE ful_feed_head (
    singleton      BOOLEAN  PRIMARY KEY DEFAULT true CHECK (singleton),
    last_position  BIGINT   NOT NULL
);
INSERT INTO ful_feed_head (singleton, last_position) VALUES (true, 0);

-- What the warehouse reported (fulfilment spec §3): shipments, cancellations and returns, each
-- under the caller's own key (unique per kind), with the items it names. A shipment item keeps the
-- return key OrderGate gives it for SCAYLE (fulfilment spec §3 / scayle.md §7).
CREATE TABLE ful_report (
    report_id    BIGSERIAL    PRIMARY KEY,
    kind         TEXT         NOT NULL CHECK (kind IN ('shipment', 'cancellation', 'return')),
    report_key   TEXT         NOT NULL,
    order_id     TEXT         NOT NULL REFERENCES ful_order (order_id),
    client_id    TEXT         NOT NULL,
    body         TEXT         NOT NULL,   -- the report as received (JSON)
    received_at  TIMESTAMPTZ  NOT NULL,
    UNIQUE (kind, report_key)
);
CREATE INDEX ful_report_order_idx ON ful_report (order_id, report_id);

CREATE TABLE ful_report_item (
    report_id   BIGINT   NOT NULL REFERENCES ful_report (report_id) DEFERRABLE INITIALLY DEFERRED,
    item_id     TEXT     NOT NULL,
    quantity    INTEGER  NOT NULL CHECK (quantity > 0),
    return_key  TEXT,
    PRIMARY KEY (report_id, item_id)
);

-- What the platforms must hear of a report, written in the report's transaction so that nothing
-- reported can be lost before it is sent (the sending is fulfilment part 2).
CREATE TABLE ful_outbound (
    outbound_id  BIGSERIAL    PRIMARY KEY,
    order_id     TEXT         NOT NULL,
    platform     TEXT         NOT NULL CHECK (platform IN ('scayle', 'scalepoint')),
    kind         TEXT         NOT NULL CHECK (kind IN ('shipment', 'cancellation', 'return')),
    report_id    BIGINT       NOT NULL REFERENCES ful_report (report_id) DEFERRABLE INITIALLY DEFERRED,
    status       TEXT         NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ful_outbound_pending_idx ON ful_outbound (outbound_id) WHERE status = 'pending';

-- The optional push of the feed (fulfilment spec §2, ordergate.fulfilment.webhook-url): how far the
-- receiver has taken it (one row; the node that pushes holds it with FOR UPDATE SKIP LOCKED, so one
-- node pushes at a time, in position order) and the secrets it is signed with (sealed by the master
-- key; a rotated one keeps signing until valid_until, so the receiver can switch without a gap).
CREATE TABLE ful_push (
    singleton        BOOLEAN      PRIMARY KEY DEFAULT true CHECK (singleton),
    last_position    BIGINT       NOT NULL,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    last_status      INTEGER,
    last_error       TEXT,
    updated_at       TIMESTAMPTZ
);
INSERT INTO ful_push (singleton, last_position) VALUES (true, 0);

CREATE TABLE ful_webhook_secret (
    secret_id    BIGSERIAL    PRIMARY KEY,
    sealed       BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   TEXT         NOT NULL,
    valid_until  TIMESTAMPTZ              -- null while it is the current secret
);
