-- jobs: a durable job queue / outbox any module can use (module: jobs).
-- States: pending (due at run_at; a pending job with attempts > 0 is failing and backing off),
-- running (claimed by a worker until locked_until; an expired lease is claimed again), succeeded,
-- dead (gave up: attempt or time limit reached, or a permanent failure; retried only by a person).
CREATE TABLE job (
    job_id        BIGSERIAL    PRIMARY KEY,
    job_type      TEXT         NOT NULL,
    dedupe_key    TEXT,
    payload       TEXT         NOT NULL,
    state         TEXT         NOT NULL CHECK (state IN ('pending', 'running', 'succeeded', 'dead')),
    attempts      INTEGER      NOT NULL DEFAULT 0,
    max_attempts  INTEGER      NOT NULL,
    give_up_at    TIMESTAMPTZ  NOT NULL,
    run_at        TIMESTAMPTZ  NOT NULL,
    locked_by     TEXT,
    locked_until  TIMESTAMPTZ,
    last_status   INTEGER,
    last_error    TEXT,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    finished_at   TIMESTAMPTZ
);
CREATE INDEX job_due_idx ON job (run_at) WHERE state = 'pending';
CREATE INDEX job_lease_idx ON job (locked_until) WHERE state = 'running';
CREATE INDEX job_state_idx ON job (state, updated_at DESC);
-- At most one live job per (type, dedupe key): a redelivered event enqueues nothing new.
CREATE UNIQUE INDEX job_dedupe_idx ON job (job_type, dedupe_key)
    WHERE dedupe_key IS NOT NULL AND state IN ('pending', 'running');

CREATE TABLE job_attempt (
    job_id       BIGINT       NOT NULL REFERENCES job (job_id),
    attempt      INTEGER      NOT NULL,
    node         TEXT         NOT NULL,
    started_at   TIMESTAMPTZ  NOT NULL,
    finished_at  TIMESTAMPTZ  NOT NULL,
    outcome      TEXT         NOT NULL CHECK (outcome IN ('succeeded', 'retry', 'dead')),
    http_status  INTEGER,
    error        TEXT,
    PRIMARY KEY (job_id, attempt)
);
