-- audit: a keyed chain (module: audit). Plain SHA-256 links can be recomputed by whoever can switch
-- the triggers off; from now on every link is HMAC-SHA256 under a key derived from the master key,
-- which the database never sees. Each seal records its algorithm; the seals made before stay
-- 'sha256' and remain verifiable.
ALTER TABLE audit_seal ADD COLUMN chain_algorithm TEXT NOT NULL DEFAULT 'sha256'
    CHECK (chain_algorithm IN ('sha256', 'hmac-sha256'));
-- No default from now on: a sealer that does not name its algorithm (an older node during an
-- upgrade) cannot add plain seals after keyed ones.
ALTER TABLE audit_seal ALTER COLUMN chain_algorithm DROP DEFAULT;

-- Written once by the first sealer run after this migration, with a MAC under a key derived from
-- the master key: seals 1..plain_up_to are the plain ones and the last of them has plain_head. A
-- plain seal after it, or plain seals without a valid anchor, mean the chain was recomputed the
-- old way.
CREATE TABLE audit_chain_anchor (
    anchor_id    SMALLINT     PRIMARY KEY CHECK (anchor_id = 1),
    plain_up_to  BIGINT       NOT NULL,   -- the last plain seal; 0 when there was none
    plain_head   BYTEA        NOT NULL,   -- its chain_hash; 32 zero bytes when there was none
    mac          BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE TRIGGER audit_chain_anchor_append_only BEFORE UPDATE OR DELETE ON audit_chain_anchor
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_chain_anchor_no_truncate BEFORE TRUNCATE ON audit_chain_anchor
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_chain_anchor FROM PUBLIC;
