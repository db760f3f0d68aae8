-- fulfilment: what the console's Orders view filters on, and staff's handling of an order's flag.

-- The list is ordered by (received_at, order_id), either way, and mostly filtered by one of these:
-- each index gives the filtered rows already in that order (read forwards or backwards), so a page
-- is read off an index and never sorts the matching rows. ("Not shipped after N days" is status IN
-- ('open', 'partially_shipped') AND received_at < ...: two ranges of the status index.)
CREATE INDEX ful_order_status_received_idx ON ful_order (status, received_at, order_id);
CREATE INDEX ful_order_source_received_idx ON ful_order (source, received_at, order_id);
CREATE INDEX ful_order_merchant_received_idx ON ful_order (merchant_key, received_at, order_id);
-- few orders need staff: a partial index keeps those alone
CREATE INDEX ful_order_attention_idx ON ful_order (received_at, order_id) WHERE attention IS NOT NULL;
-- an order page reads its outbound rows
CREATE INDEX ful_outbound_order_idx ON ful_outbound (order_id, outbound_id);

-- Staff marked an order's attention flag as handled: which text they cleared, why, who and when.
-- One row per handling, so a flag raised again and handled again keeps both on the order's timeline
-- (ful_order.attention only holds the flag that is open now).
CREATE TABLE ful_attention_handled (
    handled_id  BIGSERIAL    PRIMARY KEY,
    order_id    TEXT         NOT NULL REFERENCES ful_order (order_id),
    attention   TEXT         NOT NULL,
    note        TEXT         NOT NULL,
    handled_by  TEXT         NOT NULL,
    handled_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ful_attention_handled_order_idx ON ful_attention_handled (order_id, handled_id);
