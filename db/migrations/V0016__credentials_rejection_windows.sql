-- credentials: rejected unauthenticated requests counted per source and one-minute window. The first
-- few of a window are audited one by one, the rest only counted here; when the window is over, one
-- audit record summarises them and the row is deleted, so the table holds at most the windows of the
-- last minutes.
CREATE TABLE cred_rejection_window (
    source_key    TEXT         NOT NULL,
    window_start  TIMESTAMPTZ  NOT NULL,
    rejections    INTEGER      NOT NULL,
    first_at      TIMESTAMPTZ  NOT NULL,
    last_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (source_key, window_start)
);

CREATE INDEX cred_rejection_window_start_idx ON cred_rejection_window (window_start);
