package io.ordergate.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.audit.boundary.AuditView;
import io.ordergate.platform.boundary.Jsons;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

class AuditExportTest {

    static AuditView record(String actor, String subjectKey) {
        return new AuditView(
                7,
                Instant.parse("2026-12-07T09:00:00Z"),
                "anonymous",
                actor,
                "admin.login.rejected",
                "rejected",
                "user",
                subjectKey,
                "10.0.0.1",
                null,
                null,
                Jsons.createObjectBuilder().add("reason", "unknown-user").build(),
                3L);
    }

    static String csv(AuditView... records) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var export = AuditExport.csv(out)) {
            for (var r : records) {
                export.write(r);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreWrittenAsText() {
        for (var formula :
                new String[] {"=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}) {
            assertThat(AuditExport.cell(formula)).as(formula).isEqualTo("'" + formula);
        }
        assertThat(AuditExport.cell("admin")).isEqualTo("admin");
        assertThat(AuditExport.cell("a=b")).isEqualTo("a=b");
        assertThat(AuditExport.cell("")).isEmpty();
        assertThat(AuditExport.cell(null)).isNull();
    }

    @Test
    void theExportedCsvCarriesTheNeutralisedCellAndStaysParseable() throws Exception {
        var text = csv(record("=HYPERLINK(\"http://x\",\"y\")", "-1"), record("admin", "acme"));

        var rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text))
                .getRecords();

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("actor")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(rows.get(0).get("subjectKey")).isEqualTo("'-1");
        assertThat(rows.get(0).get("id")).isEqualTo("7");
        assertThat(rows.get(0).get("detail")).isEqualTo("{\"reason\":\"unknown-user\"}");
        assertThat(rows.get(1).get("actor")).isEqualTo("admin");
        for (var row : rows) {
            for (var value : row.values()) {
                assertThat(value)
                        .as("no cell a spreadsheet would evaluate")
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("-")
                        .doesNotStartWith("@");
            }
        }
    }
}
