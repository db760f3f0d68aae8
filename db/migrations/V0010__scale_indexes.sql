-- scayle + audit: indexes for the console's lists at a million delegations and a million audit
-- records (measured with ./ordergate generate; figures in the README). Every filtered page is an
-- index range in the list's order, and counting a filter reads an index, not the table.
CREATE INDEX IF NOT EXISTS scayle_delegation_merchant_received_idx
    ON scayle_delegation (merchant_key, received_at DESC, delegation_id DESC);
CREATE INDEX IF NOT EXISTS scayle_delegation_status_received_idx
    ON scayle_delegation (status, received_at DESC, delegation_id DESC);
CREATE INDEX IF NOT EXISTS scayle_delegation_conflict_idx
    ON scayle_delegation (received_at DESC, delegation_id DESC) WHERE conflict;
CREATE INDEX IF NOT EXISTS scayle_delegation_reference_idx ON scayle_delegation (reference_key);
CREATE INDEX IF NOT EXISTS scayle_delegation_order_reference_idx ON scayle_delegation (order_reference_key);
CREATE INDEX IF NOT EXISTS scayle_delegation_email_idx ON scayle_delegation (lower(customer_email));

CREATE INDEX IF NOT EXISTS audit_record_actor_idx ON audit_record (actor, occurred_at DESC, audit_id DESC);
CREATE INDEX IF NOT EXISTS audit_record_action_idx ON audit_record (action, occurred_at DESC, audit_id DESC);
