-- The Stock view's journal filtered by what a change belongs to (an order id or a report key),
-- newest first: without it the filter reads the whole journal.
CREATE INDEX stock_journal_reference_idx ON stock_journal (reference, journal_id) WHERE reference IS NOT NULL;
