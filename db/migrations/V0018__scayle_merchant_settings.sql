-- scayle: per-merchant settings. stock_policy decides what an item gets whose SKU has no stock
-- level (fulfilment spec §4): 'trust' (all of it) or 'strict' (none). A merchant without a row has
-- the defaults.
CREATE TABLE scayle_merchant_settings (
    merchant_key  TEXT         PRIMARY KEY,
    stock_policy  TEXT         NOT NULL CHECK (stock_policy IN ('trust', 'strict')),
    updated_at    TIMESTAMPTZ  NOT NULL,
    updated_by    TEXT         NOT NULL
);
