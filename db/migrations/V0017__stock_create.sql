-- stock: absolute levels by SKU and warehouse as the warehouse/ERP reports them, what orders have
-- reserved of them, and a journal of every change. A level without a warehouse is stored with
-- warehouse '' (a primary key column cannot be null); the API shows it as null.
CREATE TABLE stock_level (
    sku         TEXT         NOT NULL CHECK (length(sku) BETWEEN 1 AND 128),
    warehouse   TEXT         NOT NULL CHECK (length(warehouse) <= 128),
    on_hand     INTEGER      NOT NULL CHECK (on_hand >= 0),
    reserved    INTEGER      NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    -- when the ERP counted: a report older than this is ignored
    as_of       TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (sku, warehouse)
);

-- One row per change of a level: a report of the ERP or staff ('level'), and later reservations,
-- releases and consumption by orders. Never updated, never deleted.
CREATE TABLE stock_journal (
    journal_id       BIGSERIAL    PRIMARY KEY,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    sku              TEXT         NOT NULL,
    warehouse        TEXT         NOT NULL,
    cause            TEXT         NOT NULL CHECK (cause IN ('level', 'reserved', 'released', 'consumed')),
    actor_type       TEXT         NOT NULL,
    actor            TEXT         NOT NULL,
    -- what the change belongs to: an order id or a report key; null for a level report
    reference        TEXT,
    on_hand_before   INTEGER,
    on_hand_after    INTEGER      NOT NULL,
    reserved_before  INTEGER,
    reserved_after   INTEGER      NOT NULL
);
CREATE INDEX stock_journal_sku_idx ON stock_journal (sku, warehouse, journal_id);

-- What each order item holds of a level: taken when the order is accepted, released by a
-- cancellation, consumed by a shipment. 'quantity' is what is still held.
CREATE TABLE stock_reservation (
    order_id    TEXT         NOT NULL,
    item_id     TEXT         NOT NULL,
    sku         TEXT         NOT NULL,
    warehouse   TEXT         NOT NULL,
    quantity    INTEGER      NOT NULL CHECK (quantity >= 0),
    created_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (order_id, item_id),
    FOREIGN KEY (sku, warehouse) REFERENCES stock_level (sku, warehouse)
);
CREATE INDEX stock_reservation_level_idx ON stock_reservation (sku, warehouse);
