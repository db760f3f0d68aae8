-- scayle: the console dashboard counts today's and the last 7 days' deliveries and cancellations;
-- these make each count one index range scan instead of a table scan at millions of orders.
CREATE INDEX IF NOT EXISTS scayle_delivery_attempt_received_idx
    ON scayle_delivery_attempt (received_at, kind, outcome);
CREATE INDEX IF NOT EXISTS scayle_cancellation_received_idx ON scayle_cancellation (received_at);
