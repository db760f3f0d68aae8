package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.audit.control.AuditChain;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the keyed chain, the sealer's queue check and checkpoints catch when somebody with the
 * database owner's rights (triggers switched off) rewrites history, and that exported CSV cells
 * cannot become spreadsheet formulas. Every test puts the database back as it was, holding the
 * sealer's lock meanwhile, so that nothing is sealed onto a tampered chain.
 */
class AuditIntegrityIT extends OrderGateIT {

    /** The sealer's advisory lock ({@code SealStore.SEALER_LOCK}). */
    static final long SEALER_LOCK = 0x4F47_4155_4449_54L;

    JsonObject verify(String checkpoint) {
        var response = checkpoint == null
                ? post("api/admin/audit/verify", admin(), null, new byte[0])
                : post(
                        "api/admin/audit/verify",
                        admin(),
                        "application/json",
                        checkpoint.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        return Json.object(response.body());
    }

    /** A session of the database owner that holds the sealer's lock and may switch triggers off. */
    static Connection owner() throws SQLException {
        var connection = ItEnvironment.connect();
        try (var statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + SEALER_LOCK + ")");
            statement.execute("SET session_replication_role = replica");
        }
        return connection;
    }

    static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** Recomputes every seal from the records as they are now with plain SHA-256, as before V0014. */
    static void recomputeThePlainChain(Connection connection) throws SQLException {
        var previous = AuditChain.GENESIS;
        try (var select = connection.prepareStatement("SELECT s.seal_seq, r.audit_id, "
                        + "(extract(epoch FROM r.occurred_at) * 1000000)::bigint AS micros, r.actor_type, r.actor, r.action, "
                        + "r.outcome, r.subject_type, r.subject_key, r.source, r.request_id, r.payload_ref, "
                        + "r.detail::text AS detail FROM audit_seal s JOIN audit_record r USING (audit_id) "
                        + "ORDER BY s.seal_seq");
                var rows = select.executeQuery();
                var update = connection.prepareStatement("UPDATE audit_seal SET content_hash = ?, chain_hash = ?, "
                        + "chain_algorithm = 'sha256' WHERE seal_seq = ?")) {
            while (rows.next()) {
                var content = new AuditChain.Content(
                        rows.getLong("audit_id"),
                        rows.getLong("micros"),
                        rows.getString("actor_type"),
                        rows.getString("actor"),
                        rows.getString("action"),
                        rows.getString("outcome"),
                        rows.getString("subject_type"),
                        rows.getString("subject_key"),
                        rows.getString("source"),
                        rows.getString("request_id"),
                        rows.getString("payload_ref"),
                        rows.getString("detail"));
                var contentHash = AuditChain.contentHash(content);
                previous = AuditChain.chainHash(previous, rows.getLong("seal_seq"), contentHash);
                update.setBytes(1, contentHash);
                update.setBytes(2, previous);
                update.setLong(3, rows.getLong("seal_seq"));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    @Test
    void editingARecordAndRecomputingThePlainChainTheOldWayIsFound() throws Exception {
        newMerchant();
        newMerchant();
        awaitAllSealed();
        var victim = count(
                "SELECT audit_id FROM audit_seal WHERE seal_seq = (SELECT max(seal_seq) - 2 FROM " + "audit_seal)");
        try (var owner = owner()) {
            execute(owner, "CREATE TEMP TABLE kept_seal AS SELECT * FROM audit_seal");
            execute(owner, "CREATE TEMP TABLE kept_record AS SELECT * FROM audit_record WHERE audit_id = ?", victim);
            try {
                execute(owner, "UPDATE audit_record SET actor = 'someone else' WHERE audit_id = ?", victim);
                recomputeThePlainChain(owner);

                var result = verify(null);

                assertThat(result.getBoolean("intact")).as(result.toString()).isFalse();
                assertThat(result.getJsonNumber("firstBrokenSeal").longValue()).isEqualTo(1);
                assertThat(result.getString("problem"))
                        .contains("unkeyed (plain SHA-256)")
                        .contains("every seal after seal 0 is keyed");
            } finally {
                execute(
                        owner,
                        "UPDATE audit_record r SET actor = k.actor FROM kept_record k "
                                + "WHERE r.audit_id = k.audit_id");
                execute(
                        owner,
                        "UPDATE audit_seal s SET content_hash = k.content_hash, chain_hash = k.chain_hash, "
                                + "chain_algorithm = k.chain_algorithm FROM kept_seal k WHERE s.seal_seq = k.seal_seq");
            }
        }
        awaitAllSealed();
        var restored = verify(null);
        assertThat(restored.getBoolean("intact")).as(restored.toString()).isTrue();
        assertThat(restored.getJsonNumber("keyedFrom").longValue()).isEqualTo(1);
    }

    @Test
    void aRecordTakenOffTheSealersQueueIsReported() throws Exception {
        awaitAllSealed();
        long removed;
        try (var owner = owner()) {
            newMerchant();
            removed = count("SELECT max(audit_id) FROM audit_unsealed");
            execute(owner, "DELETE FROM audit_unsealed WHERE audit_id = ?", removed);
            try {
                var result = verify(null);

                assertThat(result.getBoolean("intact")).as(result.toString()).isFalse();
                assertThat(result.getJsonNumber("unqueuedRecords").longValue()).isEqualTo(1);
                assertThat(result.getJsonArray("unqueuedRecordIds")
                                .getJsonNumber(0)
                                .longValue())
                        .isEqualTo(removed);
                assertThat(result.getString("problem")).contains("neither sealed nor queued");
                assertThat(result.containsKey("firstBrokenSeal"))
                        .as("the chain itself is fine")
                        .isFalse();
            } finally {
                execute(owner, "INSERT INTO audit_unsealed (audit_id) VALUES (?)", removed);
            }
        }
        awaitAllSealed();
        assertThat(count("SELECT count(*) FROM audit_seal WHERE audit_id = ?", removed))
                .isEqualTo(1);
        assertThat(verify(null).getBoolean("intact")).isTrue();
    }

    @Test
    void aCheckpointProvesTheHistoryUpToItWasNeitherRewrittenNorCutOff() throws Exception {
        newMerchant();
        awaitAllSealed();
        var issued = post("api/admin/audit/checkpoint", admin(), null, new byte[0]);
        assertThat(issued.statusCode()).as(text(issued)).isEqualTo(200);
        var checkpoint = Json.object(issued.body());
        var seal = checkpoint.getJsonNumber("sealSeq").longValue();
        assertThat(checkpoint.getString("format")).isEqualTo("ordergate-audit-checkpoint/1");
        assertThat(checkpoint.getString("headHash"))
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(
                                rows("SELECT chain_hash FROM audit_seal WHERE seal_seq = ?", seal)
                                                        .get(0)
                                                        .get("chain_hash")
                                                instanceof byte[] head
                                        ? head
                                        : new byte[0]));
        var file = Files.createTempFile("checkpoint", ".json");
        Files.writeString(file, text(issued));

        var good = verify(text(issued));
        assertThat(good.getBoolean("intact")).as(good.toString()).isTrue();
        assertThat(good.getBoolean("checkpointReached")).isTrue();
        assertThat(good.getJsonNumber("checkpointSeal").longValue()).isEqualTo(seal);
        assertThat(verifyAudit("--checkpoint", file.toString()))
                .startsWith("0:")
                .contains("still reaches the checkpoint");
        var saved = Files.createTempFile("checkpoint", ".json");
        assertThat(verifyAudit("--save-checkpoint", saved.toString()))
                .startsWith("0:")
                .contains("Checkpoint saved");
        assertThat(verify(Files.readString(saved)).getBoolean("checkpointReached"))
                .isTrue();

        var forged = text(issued).replace(checkpoint.getString("headHash"), "00".repeat(32));
        var refused =
                post("api/admin/audit/verify", admin(), "application/json", forged.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(text(refused)).contains("mac does not verify");

        // Somebody removes the newest records and their seals, checkpoint's seal included.
        try (var owner = owner()) {
            execute(owner, "CREATE TEMP TABLE kept_seal AS SELECT * FROM audit_seal WHERE seal_seq >= ?", seal);
            execute(
                    owner,
                    "CREATE TEMP TABLE kept_record AS SELECT * FROM audit_record WHERE audit_id IN "
                            + "(SELECT audit_id FROM kept_seal)");
            execute(owner, "DELETE FROM audit_seal WHERE seal_seq >= ?", seal);
            execute(owner, "DELETE FROM audit_record WHERE audit_id IN (SELECT audit_id FROM kept_record)");
            try {
                var cutOff = verify(text(issued));

                assertThat(cutOff.getBoolean("intact")).as(cutOff.toString()).isFalse();
                assertThat(cutOff.getBoolean("checkpointReached")).isFalse();
                assertThat(cutOff.getString("problem")).contains("no longer reaches seal " + seal);
                assertThat(verifyAudit("--checkpoint", file.toString()))
                        .startsWith("1:")
                        .contains("BROKEN");
            } finally {
                execute(owner, "INSERT INTO audit_record SELECT * FROM kept_record");
                execute(owner, "INSERT INTO audit_seal SELECT * FROM kept_seal");
            }
        }
        awaitAllSealed();
        assertThat(verify(text(issued)).getBoolean("intact")).isTrue();
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'audit.checkpoint.issued'"))
                .isPositive();
    }

    @Test
    void auditorsAndAdminsMayIssueCheckpointsStaffMayNot() {
        newMerchant();
        awaitAllSealed();

        assertThat(post("api/admin/audit/checkpoint", user("auditor"), null, new byte[0])
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("api/admin/audit/checkpoint", user("staff"), null, new byte[0])
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("api/admin/audit/checkpoint", null, null, new byte[0]).statusCode())
                .isEqualTo(401);
    }

    /** Basic credentials of a new user with {@code role}. */
    String user(String role) {
        var name = role + "-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        var response = post(
                "api/admin/users",
                admin(),
                "application/json",
                ("{\"username\": \"" + name + "\", \"roles\": [\"" + role + "\"]}").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(201);
        return basic(name, Json.object(response.body()).getString("password"));
    }

    @Test
    void aFormulaInAUserNameIsExportedAsText() throws Exception {
        // Staff user names cannot start with a formula character any more (they are refused unread),
        // but a SCAYLE user name may start with "-": a wrong one is audited as its actor. A source of
        // its own keeps the test within the individually audited rejections of its window.
        var name = "-" + (1000 + new java.util.Random().nextInt(9000)) + "-1";
        assertThat(post(
                                "api/scayle/order-delegations",
                                basic(name, "wrong"),
                                "application/json",
                                "{}".getBytes(StandardCharsets.UTF_8),
                                "X-Forwarded-For",
                                "198.51.100." + (1 + new java.util.Random().nextInt(250)))
                        .statusCode())
                .isEqualTo(401);

        var csv = get(
                "api/admin/audit/export?format=csv&actor=" + URLEncoder.encode(name, StandardCharsets.UTF_8), admin());

        assertThat(csv.statusCode()).isEqualTo(200);
        var records = org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new java.io.StringReader(text(csv)))
                .getRecords();
        assertThat(records).isNotEmpty();
        assertThat(records).allSatisfy(r -> assertThat(r.get("actor")).isEqualTo("'" + name));
        assertThat(text(csv)).doesNotContain("," + name).doesNotContain("\n" + name);
    }

    /** {@code ./ordergate verify-audit OPTION FILE URL}: "exit code:" followed by what it printed. */
    String verifyAudit(String option, String file) throws IOException, InterruptedException {
        var launcher = Path.of(System.getProperty("it.root"), "ordergate")
                .toAbsolutePath()
                .normalize();
        var process = new ProcessBuilder(
                        List.of("bash", launcher.toString(), "verify-audit", option, file, base.toString()))
                .redirectErrorStream(true);
        process.environment().put("ORDERGATE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        var started = process.start();
        var output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        started.waitFor();
        return started.exitValue() + ":" + output;
    }
}
