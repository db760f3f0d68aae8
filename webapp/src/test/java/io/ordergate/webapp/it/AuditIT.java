package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The audit trail for auditors: filtered pages, one order's whole history in order, exports as CSV
 * and JSON. And it is tamper-evident: records cannot be changed through the database (not even by
 * its owner), the sealer chains every record moments after it is written, and verification finds
 * a single altered byte and says where.
 */
class AuditIT extends OrderGateIT {

    JsonObject verify() {
        var response = post("api/admin/audit/verify", admin(), null, new byte[0]);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        return Json.object(response.body());
    }

    @Test
    void everyRecordIsSealedAndTheChainVerifies() {
        newMerchant();
        newMerchant();
        awaitAllSealed();

        var result = verify();

        assertThat(result.getBoolean("intact")).as(result.toString()).isTrue();
        long sealed = count("SELECT count(*) FROM audit_seal");
        assertThat(result.getJsonNumber("verifiedUpTo").longValue()).isEqualTo(sealed);
        assertThat(count("SELECT count(*) FROM audit_record r WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE "
                        + "s.audit_id = r.audit_id) AND NOT EXISTS (SELECT 1 FROM audit_unsealed u WHERE u.audit_id = "
                        + "r.audit_id)"))
                .as("every record sealed or waiting for the sealer")
                .isZero();
        assertThat(count("SELECT count(*) FROM audit_seal WHERE seal_seq <> (SELECT count(*) FROM audit_seal s2 "
                        + "WHERE s2.seal_seq <= audit_seal.seal_seq)"))
                .as("seal_seq has no gaps")
                .isZero();
        assertThat(result.getString("headHash")).hasSize(64);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRecords() {
        newMerchant();
        var id = count("SELECT max(audit_id) FROM audit_record");

        assertThatThrownBy(() -> execute("UPDATE audit_record SET actor = 'someone else' WHERE audit_id = " + id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM audit_record WHERE audit_id = " + id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("TRUNCATE audit_record CASCADE")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM audit_seal")).hasMessageContaining("append-only");
    }

    @Test
    void oneAlteredByteIsFoundAndNamed() throws Exception {
        for (int i = 0; i < 3; i++) {
            newMerchant();
        }
        awaitAllSealed();
        var total = count("SELECT max(seal_seq) FROM audit_seal");
        var victimSeal = total - 3;
        var victim = count("SELECT audit_id FROM audit_seal WHERE seal_seq = ?", victimSeal);
        var original = (String) rows("SELECT actor FROM audit_record WHERE audit_id = ?", victim)
                .get(0)
                .get("actor");
        // Someone with full power over the database (triggers switched off) changes one character.
        tamper("UPDATE audit_record SET actor = overlay(actor PLACING 'X' FROM 1 FOR 1) WHERE audit_id = " + victim);
        try {
            var result = verify();

            assertThat(result.getBoolean("intact")).isFalse();
            assertThat(result.getJsonNumber("firstBrokenRecord").longValue()).isEqualTo(victim);
            assertThat(result.getJsonNumber("firstBrokenSeal").longValue()).isEqualTo(victimSeal);
            assertThat(result.getJsonNumber("verifiedUpTo").longValue()).isEqualTo(victimSeal - 1);
            assertThat(result.getString("problem")).contains("differs from what was sealed");
        } finally {
            tamper("UPDATE audit_record SET actor = '" + original.replace("'", "''") + "' WHERE audit_id = " + victim);
        }
        assertThat(verify().getBoolean("intact")).isTrue();
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'audit.verified' AND outcome = 'broken'"))
                .isPositive();
    }

    @Test
    void anOrdersHistoryListsEveryRequestAndStaffActionInOrder() {
        var merchant = newMerchant();
        var reference = Orders.newReference();
        var body = Orders.delegation(merchant.key(), reference);
        assertThat(delegate(merchant, body, "req-1").statusCode()).isEqualTo(201);
        assertThat(delegate(merchant, body, "req-2").statusCode()).isEqualTo(201);
        assertThat(get("api/admin/scayle/delegations/" + merchant.key() + "/" + reference, admin())
                        .statusCode())
                .isEqualTo(200);

        var history = Json.array(get(
                                "api/admin/audit/history?subjectType=scayle-order&subjectKey=" + merchant.key() + "/"
                                        + reference,
                                admin())
                        .body())
                .getValuesAs(JsonObject.class);

        assertThat(history)
                .extracting(r -> r.getString("action") + ":" + r.getString("outcome"))
                .containsExactly(
                        "scayle.delegation.received:created",
                        "scayle.delegation.received:replayed",
                        "scayle.delegation.viewed:done");
        assertThat(history.get(0).getString("requestId")).isEqualTo("req-1");
        assertThat(history.get(2).getString("actor")).isEqualTo("admin");
        assertThat(get("api/admin/audit/history?subjectType=scayle-order", admin())
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theTrailIsFilteredAndPagedNewestFirst() {
        var merchant = newMerchant();
        post("api/admin/scayle/merchants/" + merchant.key() + "/credentials", admin(), null, new byte[0]);

        var expected = rows(
                        "SELECT action FROM audit_record WHERE subject_key = ? AND action LIKE 'scayle.%' "
                                + "ORDER BY occurred_at DESC, audit_id DESC",
                        merchant.key())
                .stream()
                .map(row -> (String) row.get("action"))
                .toList();
        assertThat(expected)
                .hasSizeGreaterThanOrEqualTo(2)
                .contains("scayle.merchant.created", "scayle.credentials.rotated");

        var first = Json.object(get("api/admin/audit?action=scayle.*&subjectKey=" + merchant.key() + "&size=1", admin())
                .body());
        var second = Json.object(
                get("api/admin/audit?action=scayle.*&subjectKey=" + merchant.key() + "&size=1&page=1", admin())
                        .body());

        assertThat(first.getJsonNumber("total").longValue()).isEqualTo(expected.size());
        assertThat(first.getJsonArray("items")).hasSize(1);
        assertThat(first.getJsonArray("items").getJsonObject(0).getString("action"))
                .isEqualTo(expected.get(0));
        assertThat(second.getJsonArray("items").getJsonObject(0).getString("action"))
                .isEqualTo(expected.get(1));
        assertThat(Json.object(get(
                                        "api/admin/audit?action=scayle.merchant.created&subjectKey=" + merchant.key(),
                                        admin())
                                .body())
                        .getJsonNumber("total")
                        .longValue())
                .isEqualTo(1);
        assertThat(get("api/admin/audit?from=yesterday", admin()).statusCode()).isEqualTo(400);
        assertThat(get("api/admin/audit", null).statusCode()).isEqualTo(401);
    }

    @Test
    void exportsAreCompleteCsvAndJsonDownloads() throws Exception {
        var merchant = newMerchant();
        post("api/admin/scayle/merchants/" + merchant.key() + "/credentials", admin(), null, new byte[0]);
        var filter = "subjectKey=" + merchant.key();

        var csv = get("api/admin/audit/export?format=csv&" + filter, admin());
        var json = get("api/admin/audit/export?format=json&" + filter, admin());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=")
                .endsWith(".csv\"");
        var records = org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new java.io.StringReader(text(csv)))
                .getRecords();
        var expected = count("SELECT count(*) FROM audit_record WHERE subject_key = ?", merchant.key());
        assertThat(records).hasSize((int) expected);
        var newest = rows(
                        "SELECT audit_id FROM audit_record WHERE subject_key = ? ORDER BY occurred_at DESC, "
                                + "audit_id DESC LIMIT 1",
                        merchant.key())
                .get(0)
                .get("audit_id")
                .toString();
        assertThat(records.get(0).get("id")).isEqualTo(newest);
        assertThat(records.get(0).get("actor")).isEqualTo("admin");
        var array = Json.array(json.body());
        assertThat(array).hasSize((int) expected);
        assertThat(String.valueOf(array.getJsonObject(0).getJsonNumber("id").longValue()))
                .isEqualTo(newest);
        assertThat(text(csv) + text(json)).doesNotContain(merchant.password());
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'audit.exported' AND actor = 'admin'"))
                .isGreaterThanOrEqualTo(2);
        assertThat(get("api/admin/audit/export?format=xml", admin()).statusCode())
                .isEqualTo(400);
    }

    static void execute(String sql) throws SQLException {
        try (var connection = ItEnvironment.connect();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static void tamper(String sql) throws SQLException {
        try (var connection = ItEnvironment.connect();
                var statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute(sql);
        }
    }
}
