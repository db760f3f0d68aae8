-- The console's "what is stuck" and hourly charts (issue 13). A call to a platform now records when
-- it was settled (sent or dead), so failures can be counted per hour; a retried call is pending
-- again and loses the time.
ALTER TABLE ful_outbound ADD COLUMN settled_at TIMESTAMPTZ;
UPDATE ful_outbound SET settled_at = created_at WHERE status <> 'pending';

-- Dead calls: counted on the dashboard and per hour of their death.
CREATE INDEX ful_outbound_dead_idx ON ful_outbound (settled_at) WHERE status = 'dead';
-- Shipments per hour.
CREATE INDEX ful_report_kind_received_idx ON ful_report (kind, received_at);
