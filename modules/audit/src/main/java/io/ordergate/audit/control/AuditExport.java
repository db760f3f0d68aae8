package io.ordergate.audit.control;

import io.ordergate.audit.boundary.AuditView;
import io.ordergate.platform.boundary.Jsons;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes audit records as CSV (RFC 4180, with a header) or as a JSON array, record by record.
 *
 * <p>CSV cells hold what outsiders sent (a user name at a failed login, a merchant key, a request
 * id), and auditors open exports in spreadsheets, which run a cell beginning with {@code =},
 * {@code +}, {@code -} or {@code @} (or a tab or carriage return before one) as a formula. Such a
 * cell gets a leading {@code '} (OWASP "CSV Injection"), so it is shown as the text it was. JSON
 * is left as it is: no program evaluates it.
 */
public final class AuditExport implements AutoCloseable {

    static final String[] HEADER = {
        "id",
        "occurredAt",
        "actorType",
        "actor",
        "action",
        "outcome",
        "subjectType",
        "subjectKey",
        "source",
        "requestId",
        "payloadRef",
        "detail",
        "sealSeq"
    };

    private final Writer writer;
    private final CSVPrinter csv;
    private final JsonGenerator json;

    private AuditExport(OutputStream out, boolean asCsv) throws IOException {
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (asCsv) {
            this.csv = new CSVPrinter(
                    writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
            this.json = null;
        } else {
            this.csv = null;
            this.json = Jsons.createGenerator(writer);
            json.writeStartArray();
        }
    }

    public static AuditExport csv(OutputStream out) throws IOException {
        return new AuditExport(out, true);
    }

    public static AuditExport json(OutputStream out) throws IOException {
        return new AuditExport(out, false);
    }

    /** A sink for {@code AuditSearch.stream}. */
    public Consumer<AuditView> sink() {
        return this::write;
    }

    public void write(AuditView r) {
        try {
            if (csv != null) {
                csv.printRecord(
                        r.id(),
                        r.occurredAt(),
                        cell(r.actorType()),
                        cell(r.actor()),
                        cell(r.action()),
                        cell(r.outcome()),
                        cell(r.subjectType()),
                        cell(r.subjectKey()),
                        cell(r.source()),
                        cell(r.requestId()),
                        cell(r.payloadRef()),
                        cell(r.detail().toString()),
                        r.sealSeq());
            } else {
                json.writeStartObject()
                        .write("id", r.id())
                        .write("occurredAt", r.occurredAt().toString())
                        .write("actorType", r.actorType())
                        .write("actor", r.actor())
                        .write("action", r.action())
                        .write("outcome", r.outcome());
                optional("subjectType", r.subjectType());
                optional("subjectKey", r.subjectKey());
                optional("source", r.source());
                optional("requestId", r.requestId());
                optional("payloadRef", r.payloadRef());
                json.write("detail", r.detail());
                if (r.sealSeq() != null) {
                    json.write("sealSeq", r.sealSeq());
                }
                json.writeEnd();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text cell as a spreadsheet must show it: never as a formula. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    private void optional(String name, String value) {
        if (value != null) {
            json.write(name, value);
        }
    }

    /** Finishes the document and flushes it; the stream itself belongs to the caller and stays open. */
    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.flush();
        } else {
            json.writeEnd();
            json.flush();
        }
        writer.flush();
    }
}
