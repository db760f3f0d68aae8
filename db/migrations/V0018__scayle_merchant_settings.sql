-- scayle: per-merchant settings. stock_policy decides what an item gets whose SKU has no stock
-- level (fulfilment spec §4): 'trust' (all of it) or 'strict' (none). A merchant without a row has
-- the defaults. warehouse_map maps SCAYLE's numeric warehouse ids to the warehouseReferenceKeys of the
-- merchant's items (JSON object, e.g. {"7": "WH1"}): a cancellation that names warehouses cancels
-- the items of those (fulfilment spec §5); with an empty map, every item.
CREATE TABLE scayle_merchant_settings (
    merchant_key  TEXT         PRIMARY KEY,
    stock_policy  TEXT         NOT NULL CHECK (stock_policy IN ('trust', 'strict')),
    warehouse_map TEXT         NOT NULL DEFAULT '{}',
    updated_at    TIMESTAMPTZ  NOT NULL,
    updated_by    TEXT         NOT NULL
);
