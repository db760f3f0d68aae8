-- audit: tamper evidence (module: audit). audit_record becomes append-only for every database
-- role, the owner and superusers included: a trigger refuses UPDATE, DELETE and TRUNCATE. The
-- sealer chains records in the order it finds them committed; each seal carries the hash of the
-- record's content and the chain hash over its predecessor. Seals live in their own append-only
-- table, so sealing never updates a record.
ALTER TABLE audit_record DROP COLUMN seal_seq, DROP COLUMN seal_hash, DROP COLUMN seal_prev_hash,
    DROP COLUMN sealed_at;

-- Records waiting for the sealer; filled by a trigger in the inserting transaction.
CREATE TABLE audit_unsealed (
    audit_id  BIGINT  PRIMARY KEY
);
INSERT INTO audit_unsealed SELECT audit_id FROM audit_record;

CREATE TABLE audit_seal (
    seal_seq      BIGINT       PRIMARY KEY,   -- 1, 2, 3, ... without gaps: a fork cannot commit
    audit_id      BIGINT       NOT NULL UNIQUE REFERENCES audit_record (audit_id),
    content_hash  BYTEA        NOT NULL,      -- SHA-256 of the record's canonical content
    chain_hash    BYTEA        NOT NULL,      -- SHA-256(previous chain_hash | seal_seq | content_hash)
    sealed_at     TIMESTAMPTZ  NOT NULL
);

CREATE FUNCTION audit_record_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_unsealed (audit_id) VALUES (NEW.audit_id);
    RETURN NEW;
END $$;
CREATE TRIGGER audit_record_queued AFTER INSERT ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_queued();

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- Roles other than the owner get no way to change history either.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_record, audit_seal FROM PUBLIC;
