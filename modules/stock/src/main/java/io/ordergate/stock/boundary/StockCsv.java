package io.ordergate.stock.boundary;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads stock levels from a CSV file as staff upload it in the console, into a preview that says
 * per line either the level it reads or what is wrong with it, before anything is applied.
 *
 * <p>The format: a header naming the columns {@code sku}, {@code onHand} and, optionally,
 * {@code warehouse} (any order, any case), then one level per line; an empty warehouse is the SKU
 * as a whole. Fields are separated by {@code ,} or, when the header has semicolons and no comma
 * (as spreadsheets write it where the comma is the decimal separator), by {@code ;}. Quoted fields
 * follow RFC 4180 ({@code "a ""quoted"" value"}, separators and line breaks inside quotes); blanks
 * around unquoted fields are dropped; blank lines are skipped. UTF-8, with or without a byte order
 * mark. Each level is held to the same rules as the API's ({@link Stock#problem}), a SKU and
 * warehouse may appear once, and a file has at most {@link Stock#MAX_LEVELS} levels and
 * {@link #MAX_BYTES} bytes.
 */
public final class StockCsv {

    /** The largest file read: 10,000 levels with long keys fit in well under this. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");
    static final int MAX_QUOTED_VALUE = 20;

    private StockCsv() {}

    /**
     * One line of the file: a level, or what is wrong with it.
     *
     * @param number the line number in the file (the header is line 1), where the record starts
     */
    public record Line(int number, StockReport.Level level, String error) {

        public boolean ok() {
            return error == null;
        }
    }

    /**
     * What the file says: its lines, and {@code problem} when the file as a whole cannot be used
     * (not UTF-8, too large, no usable header, too many levels).
     */
    public record Preview(List<Line> lines, String problem) {

        public long levels() {
            return lines.stream().filter(Line::ok).count();
        }

        public long errors() {
            return lines.stream().filter(line -> !line.ok()).count();
        }

        /** Whether the file may be applied: it has levels, and nothing in it is wrong. */
        public boolean applicable() {
            return problem == null && errors() == 0 && levels() > 0;
        }

        /** The levels as a report counted at {@code asOf}; only for an {@link #applicable()} preview. */
        public StockReport report(Instant asOf) {
            if (!applicable()) {
                throw new IllegalStateException("The file has errors: " + problem);
            }
            return new StockReport(asOf, lines.stream().map(Line::level).toList());
        }
    }

    /** A record of the file: its fields, or why they could not be read. */
    record Row(int line, List<String> fields, String error) {

        boolean blank() {
            return error == null && fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    public static Preview parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return failed("The file is larger than 4 MiB (" + MAX_BYTES
                    + " bytes), the most that is read. Split it into several files.");
        }
        String text;
        try {
            text = decode(bytes);
        } catch (NotUtf8 e) {
            return failed("Line " + e.line + " is not UTF-8 text. Save the file as UTF-8 (in Excel: \"CSV UTF-8\").");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        var rows = rows(text, delimiter(text));
        int next = 0;
        while (next < rows.size() && rows.get(next).blank()) {
            next++;
        }
        if (next == rows.size()) {
            return failed("The file is empty. Its first line is the header: sku,warehouse,onHand.");
        }
        var header = rows.get(next++);
        if (header.error() != null) {
            return failed("The header (line " + header.line() + ") cannot be read: " + header.error());
        }
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < header.fields().size(); i++) {
            var name = header.fields().get(i).toLowerCase(Locale.ROOT);
            if (!List.of("sku", "warehouse", "onhand").contains(name)) {
                return failed("The header (line " + header.line() + ") names a column '"
                        + shown(header.fields().get(i))
                        + "'; the columns are sku, warehouse (may be left out) and onHand.");
            }
            if (columns.put(name, i) != null) {
                return failed("The header (line " + header.line() + ") names the column '" + name + "' twice.");
            }
        }
        if (!columns.containsKey("sku") || !columns.containsKey("onhand")) {
            return failed("The header (line " + header.line() + ") must name the columns sku and onHand (and may name"
                    + " warehouse), e.g. sku,warehouse,onHand.");
        }
        var lines = new ArrayList<Line>();
        var seen = new HashMap<String, Integer>();
        for (; next < rows.size(); next++) {
            var row = rows.get(next);
            if (row.blank()) {
                continue;
            }
            if (lines.size() == Stock.MAX_LEVELS) {
                return new Preview(
                        List.copyOf(lines),
                        "The file has more than " + Stock.MAX_LEVELS + " levels (line " + row.line()
                                + " is one too many). Split it into several files.");
            }
            lines.add(line(row, header.fields().size(), columns, seen));
        }
        if (lines.isEmpty()) {
            return failed("The file has a header but no levels.");
        }
        return new Preview(List.copyOf(lines), null);
    }

    static Line line(Row row, int width, HashMap<String, Integer> columns, HashMap<String, Integer> seen) {
        if (row.error() != null) {
            return new Line(row.line(), null, row.error());
        }
        if (row.fields().size() != width) {
            return new Line(row.line(), null, "Has " + row.fields().size() + " fields; the header has " + width + ".");
        }
        var sku = emptyToNull(row.fields().get(columns.get("sku")));
        var warehouse =
                columns.containsKey("warehouse") ? emptyToNull(row.fields().get(columns.get("warehouse"))) : null;
        var onHandText = row.fields().get(columns.get("onhand"));
        int onHand = 0;
        String onHandProblem = null;
        if (onHandText.isEmpty()) {
            onHandProblem = "'onHand' is required: a whole number of units.";
        } else if (!WHOLE_NUMBER.matcher(onHandText).matches()) {
            onHandProblem = "'onHand' must be a whole number of units, not '" + shown(onHandText) + "'.";
        } else {
            var number = new BigInteger(onHandText);
            if (number.signum() < 0) {
                onHand = -1; // the shared rule says what is wrong with it
            } else if (number.bitLength() > 31) {
                onHandProblem = "'onHand' must be at most " + Integer.MAX_VALUE + ".";
            } else {
                onHand = number.intValue();
            }
        }
        var level = new StockReport.Level(sku, warehouse, onHand);
        var problem = Stock.problem(level, field -> "'" + field + "'");
        if (problem == null) {
            problem = onHandProblem;
        }
        if (problem != null) {
            return new Line(row.line(), null, problem);
        }
        var earlier = seen.putIfAbsent(Stock.key(level), row.line());
        if (earlier != null) {
            return new Line(row.line(), null, "Repeats the SKU and warehouse of line " + earlier + ".");
        }
        return new Line(row.line(), level, null);
    }

    static Preview failed(String problem) {
        return new Preview(List.of(), problem);
    }

    /** {@code ;} when the header line has semicolons and no comma, else {@code ,}. */
    static char delimiter(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        var header = text.substring(0, end);
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }

    /** The file's records (RFC 4180), each with the line it starts on. */
    static List<Row> rows(String text, char delimiter) {
        var rows = new ArrayList<Row>();
        int n = text.length();
        int i = 0;
        int line = 1;
        while (i < n) {
            int start = line;
            var fields = new ArrayList<String>();
            String error = null;
            while (true) {
                var field = new StringBuilder();
                if (i < n && text.charAt(i) == '"') {
                    int opened = line;
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                            line++;
                        }
                        field.append(c);
                        i++;
                    }
                    if (!closed) {
                        rows.add(new Row(start, List.of(), "The quote opened on line " + opened + " is never closed."));
                        return rows;
                    }
                    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                        i++;
                    }
                    if (i < n && !end(text.charAt(i), delimiter) && error == null) {
                        error = "Text follows a closing quote; a quote inside a quoted field is written twice (\"\").";
                    }
                    // what follows a closing quote up to the next separator is not read
                    while (i < n && !end(text.charAt(i), delimiter)) {
                        i++;
                    }
                    fields.add(field.toString());
                } else {
                    while (i < n && !end(text.charAt(i), delimiter)) {
                        field.append(text.charAt(i++));
                    }
                    fields.add(field.toString().strip());
                }
                if (i >= n) {
                    break;
                }
                char c = text.charAt(i++);
                if (c == delimiter) {
                    if (i >= n) {
                        fields.add(""); // a separator at the very end is followed by an empty field
                        break;
                    }
                    continue;
                }
                if (c == '\r' && i < n && text.charAt(i) == '\n') {
                    i++;
                }
                line++;
                break;
            }
            rows.add(new Row(start, error == null ? List.copyOf(fields) : List.of(), error));
        }
        return rows;
    }

    static boolean end(char c, char delimiter) {
        return c == delimiter || c == '\n' || c == '\r';
    }

    static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** A value as a message may quote it: short, without control characters. */
    static String shown(String value) {
        var printable = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() <= MAX_QUOTED_VALUE ? printable : printable.substring(0, MAX_QUOTED_VALUE) + "…";
    }

    static final class NotUtf8 extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        NotUtf8(int line) {
            super(null, null, false, false);
            this.line = line;
        }
    }

    /** Strict UTF-8: a byte sequence that is not UTF-8 is an error naming its line, never replaced. */
    static String decode(byte[] bytes) throws NotUtf8 {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes);
        var out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new NotUtf8(line);
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
