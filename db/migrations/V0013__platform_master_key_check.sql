-- platform: the master key's check value (module: platform). Stored at the first start, compared at
-- every later one, so that a node started with another ORDERGATE_MASTER_KEY refuses to start
-- instead of refusing every credential. An HMAC under a key derived from the master key: it tells
-- keys apart and reveals nothing about the key.
CREATE TABLE platform_master_key (
    key_id       SMALLINT     PRIMARY KEY CHECK (key_id = 1),
    check_value  BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);
