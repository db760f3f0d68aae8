-- scayle: delegated orders, their items and addresses, every delivery attempt, cancellations
-- (module: scayle).
-- EclipseLink reads each value as the top of a block of 50 ids, hence START WITH 50.
CREATE SEQUENCE scayle_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE scayle_delegation (
    delegation_id           BIGINT       PRIMARY KEY,
    merchant_key            TEXT         NOT NULL,
    reference_key           TEXT         NOT NULL,
    order_reference_key     TEXT,
    scayle_order_id         BIGINT,
    scayle_id               BIGINT,
    company_id              BIGINT,
    shop_id                 BIGINT,
    shop_key                TEXT,
    country_code            TEXT,
    language_code           TEXT,
    payment_method          TEXT,
    carrier_key             TEXT,
    customer_reference_key  TEXT,
    customer_email          TEXT,
    total_with_tax          BIGINT,
    currency_code           TEXT,
    item_count              INTEGER      NOT NULL,
    status                  TEXT         NOT NULL CHECK (status IN ('acknowledged', 'cancelled')),
    conflict                BOOLEAN      NOT NULL DEFAULT FALSE,
    received_at             TIMESTAMPTZ  NOT NULL,
    cancelled_at            TIMESTAMPTZ,
    CONSTRAINT scayle_delegation_identity UNIQUE (merchant_key, reference_key)
);
CREATE INDEX scayle_delegation_received_idx ON scayle_delegation (received_at DESC, delegation_id DESC);
CREATE INDEX scayle_delegation_order_ref_idx ON scayle_delegation (merchant_key, order_reference_key);

CREATE TABLE scayle_delegation_item (
    delegation_id           BIGINT       NOT NULL REFERENCES scayle_delegation (delegation_id),
    position                INTEGER      NOT NULL,
    reference_key           TEXT         NOT NULL,
    merchant_key            TEXT         NOT NULL,
    quantity                INTEGER      NOT NULL,
    deliverable_quantity    INTEGER      NOT NULL,
    order_item_id           BIGINT,
    sku                     TEXT,
    name                    TEXT,
    currency_code           TEXT,
    price                   BIGINT,
    warehouse_reference_key TEXT,
    PRIMARY KEY (delegation_id, position)
);
CREATE INDEX scayle_delegation_item_sku_idx ON scayle_delegation_item (sku);

CREATE TABLE scayle_delegation_address (
    delegation_id   BIGINT  NOT NULL REFERENCES scayle_delegation (delegation_id),
    kind            TEXT    NOT NULL CHECK (kind IN ('billing', 'shipping')),
    first_name      TEXT,
    last_name       TEXT,
    street          TEXT,
    house_number    TEXT,
    additional      TEXT,
    zip_code        TEXT,
    city            TEXT,
    country_code    TEXT,
    phone_number    TEXT,
    PRIMARY KEY (delegation_id, kind)
);

-- Every delivery of a delegation or cancellation that passed authentication and validation,
-- with the raw body exactly as received and the headers without Authorization.
CREATE TABLE scayle_delivery_attempt (
    attempt_id       BIGINT       PRIMARY KEY,
    kind             TEXT         NOT NULL CHECK (kind IN ('delegation', 'cancellation')),
    merchant_key     TEXT         NOT NULL,
    reference_key    TEXT         NOT NULL,   -- referenceKey or orderReferenceKey of the request
    delegation_id    BIGINT       REFERENCES scayle_delegation (delegation_id),
    cancellation_id  BIGINT,
    request_id       TEXT,
    received_at      TIMESTAMPTZ  NOT NULL,
    payload_sha256   TEXT         NOT NULL,
    raw_body         BYTEA        NOT NULL,
    headers          JSONB        NOT NULL,
    credential       TEXT         NOT NULL,   -- username of the credential used (never the secret)
    outcome          TEXT         NOT NULL CHECK (outcome IN ('created', 'replayed', 'conflict')),
    response_status  INTEGER      NOT NULL
);
CREATE INDEX scayle_delivery_attempt_delegation_idx ON scayle_delivery_attempt (delegation_id, received_at);
CREATE INDEX scayle_delivery_attempt_cancellation_idx ON scayle_delivery_attempt (cancellation_id, received_at);

CREATE TABLE scayle_cancellation (
    cancellation_id      BIGINT       PRIMARY KEY,
    merchant_key         TEXT         NOT NULL,
    order_reference_key  TEXT         NOT NULL,
    warehouse_ids        TEXT         NOT NULL,   -- canonical, sorted JSON array
    company_id           BIGINT,
    delegation_id        BIGINT       REFERENCES scayle_delegation (delegation_id),
    unknown_order        BOOLEAN      NOT NULL,
    conflict             BOOLEAN      NOT NULL DEFAULT FALSE,
    received_at          TIMESTAMPTZ  NOT NULL,
    CONSTRAINT scayle_cancellation_identity UNIQUE (merchant_key, order_reference_key, warehouse_ids)
);
CREATE INDEX scayle_cancellation_delegation_idx ON scayle_cancellation (delegation_id);
