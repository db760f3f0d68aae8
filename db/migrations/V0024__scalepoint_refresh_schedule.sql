-- Scalepoint orders stay current: each open order is fetched again on a schedule.
-- next_refresh_at: when the schedule queues the order's next fetch (null: not on the schedule:
-- never fetched yet, the schedule is off, or the order is no longer open); refresh_stopped: why the
-- schedule no longer fetches it (Scalepoint closed it, or fulfilment finished it).
ALTER TABLE sp_order
    ADD COLUMN next_refresh_at TIMESTAMPTZ,
    ADD COLUMN refresh_stopped TEXT;

-- The scheduler's query (due orders, earliest first) reads only the orders on the schedule.
CREATE INDEX sp_order_refresh_due ON sp_order (next_refresh_at) WHERE next_refresh_at IS NOT NULL;

-- Orders fetched before the schedule existed join it, spread over the next hour; the scheduler
-- takes at most a batch per tick in any case. Which of them are finished is not the scalepoint
-- module's knowledge: the fulfilment module tells it when an order ships or is cancelled.
UPDATE sp_order SET next_refresh_at = now() + random() * interval '1 hour' WHERE status = 'fetched';
