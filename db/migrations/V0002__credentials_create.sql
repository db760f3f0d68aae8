-- credentials: console/admin users and SCAYLE merchant credentials (module: credentials).
CREATE TABLE cred_user (
    username       TEXT         PRIMARY KEY,
    password_hash  TEXT         NOT NULL,          -- Pbkdf2PasswordHash format
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE TABLE cred_user_role (
    username  TEXT NOT NULL REFERENCES cred_user (username) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'auditor')),
    PRIMARY KEY (username, role)
);

CREATE TABLE cred_scayle_merchant (
    merchant_key  TEXT         PRIMARY KEY,
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    TEXT         NOT NULL
);

-- A generated Basic Auth credential of one merchant. The password is high-entropy, so it is stored
-- as HMAC-SHA256 keyed with a key derived from the master key (cheap to check, useless if stolen
-- without the master key).
CREATE TABLE cred_scayle_credential (
    username      TEXT         PRIMARY KEY,
    merchant_key  TEXT         NOT NULL REFERENCES cred_scayle_merchant (merchant_key),
    secret_hmac   BYTEA        NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    TEXT         NOT NULL,
    expires_at    TIMESTAMPTZ,                      -- set when rotated: end of the grace period
    revoked_at    TIMESTAMPTZ,
    revoked_by    TEXT
);
CREATE INDEX cred_scayle_credential_merchant_idx ON cred_scayle_credential (merchant_key);

-- Failed authentication counters per source and fixed time window, shared by all nodes.
CREATE TABLE cred_auth_failure (
    bucket        TEXT         NOT NULL,
    window_start  TIMESTAMPTZ  NOT NULL,
    failures      INTEGER      NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
