package io.ordergate.stock.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StockCsvTest {

    static StockCsv.Preview parse(String text) {
        return StockCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static StockReport.Level level(String sku, String warehouse, int onHand) {
        return new StockReport.Level(sku, warehouse, onHand);
    }

    /** Each line as "n: level" or "n! error". */
    static String[] described(StockCsv.Preview preview) {
        return preview.lines().stream()
                .map(line -> line.ok()
                        ? line.number() + ": " + line.level().sku() + "/"
                                + line.level().warehouse() + "=" + line.level().onHand()
                        : line.number() + "! " + line.error())
                .toArray(String[]::new);
    }

    @Test
    void aGoodFileBecomesAReportOfItsLevelsAnEmptyWarehouseBeingTheSkuAsAWhole() {
        var preview = parse("sku,warehouse,onHand\nSKU-1,WH1,5\nSKU-1,,12\r\nSKU-2,WH1,0\n");

        assertThat(preview.problem()).isNull();
        assertThat(described(preview)).containsExactly("2: SKU-1/WH1=5", "3: SKU-1/null=12", "4: SKU-2/WH1=0");
        assertThat(preview.levels()).isEqualTo(3);
        assertThat(preview.errors()).isZero();
        assertThat(preview.applicable()).isTrue();
        var asOf = Instant.parse("2026-12-07T06:00:00Z");
        var report = preview.report(asOf);
        assertThat(report.asOf()).isEqualTo(asOf);
        assertThat(report.levels())
                .containsExactly(level("SKU-1", "WH1", 5), level("SKU-1", null, 12), level("SKU-2", "WH1", 0));
    }

    @Test
    void theWarehouseColumnMayBeLeftOutAndTheColumnsComeInAnyOrderAndCase() {
        assertThat(described(parse("SKU,onhand\nA,1\n"))).containsExactly("2: A/null=1");
        assertThat(described(parse("OnHand,Warehouse,Sku\n3,WH2,B\n"))).containsExactly("2: B/WH2=3");
    }

    @Test
    void semicolonsSeparateWhenTheHeaderHasThemAndNoComma() {
        var preview = parse("sku;warehouse;onHand\n\"A,1\";WH1;4\nB;;2\n");
        assertThat(described(preview)).containsExactly("2: A,1/WH1=4", "3: B/null=2");
        // a header with commas keeps the comma, and a semicolon is then part of a value
        assertThat(described(parse("sku,onHand\nA;1,2\n"))).containsExactly("2: A;1/null=2");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheHeader() {
        var bytes = ("\uFEFFsku,warehouse,onHand\nÄ-1,Lager Süd,7\n").getBytes(StandardCharsets.UTF_8);
        var preview = StockCsv.parse(bytes);
        assertThat(preview.problem()).isNull();
        assertThat(described(preview)).containsExactly("2: Ä-1/Lager Süd=7");
    }

    @Test
    void quotedFieldsKeepSeparatorsAndDoubledQuotesAndBlanksAreDroppedOnlyOutsideQuotes() {
        var preview = parse("sku,warehouse,onHand\n\"A \"\"big\"\" one\",\" WH 1 \",\"5\"\n  B  ,  , 6 \n");
        assertThat(described(preview)).containsExactly("2: A \"big\" one/ WH 1 =5", "3: B/null=6");
    }

    @Test
    void aLineBreakInsideQuotesIsAControlCharacterAndTheLinesAfterItKeepTheirNumbers() {
        var preview = parse("sku,warehouse,onHand\n\"A\nB\",WH1,1\nC,WH1,2\n");
        assertThat(described(preview)).containsExactly("2! 'sku' contains control characters.", "4: C/WH1=2");
        assertThat(preview.applicable()).isFalse();
    }

    @Test
    void blankLinesAreSkippedAndDoNotCountAsLevels() {
        var preview = parse("\nsku,onHand\n\nA,1\n   \nB,2");
        assertThat(described(preview)).containsExactly("4: A/null=1", "6: B/null=2");
    }

    @Test
    void eachBadLineSaysWhatIsWrongAndTheFileCannotBeApplied() {
        var preview = parse(String.join(
                "\n",
                "sku,warehouse,onHand",
                "A,WH1,5",
                ",WH1,5",
                "B,WH1,-1",
                "C,WH1,1.5",
                "D,WH1,",
                "E,WH1,99999999999",
                "F,WH1",
                "G,WH1,1,extra",
                "H\u0007,WH1,1",
                "I,\" \",1",
                "x".repeat(129) + ",WH1,1",
                "A,WH1,6",
                "A,,6",
                "J,\"WH\"1,3",
                "K,WH1,abc"));

        assertThat(described(preview))
                .containsExactly(
                        "2: A/WH1=5",
                        "3! 'sku' is required.",
                        "4! 'onHand' must be 0 or more.",
                        "5! 'onHand' must be a whole number of units, not '1.5'.",
                        "6! 'onHand' is required: a whole number of units.",
                        "7! 'onHand' must be at most 2147483647.",
                        "8! Has 2 fields; the header has 3.",
                        "9! Has 4 fields; the header has 3.",
                        "10! 'sku' contains control characters.",
                        "11! 'warehouse' must not be empty (leave it out for the SKU as a whole).",
                        "12! 'sku' has more than 128 characters.",
                        "13! Repeats the SKU and warehouse of line 2.",
                        "14: A/null=6",
                        "15! Text follows a closing quote; a quote inside a quoted field is written twice (\"\").",
                        "16! 'onHand' must be a whole number of units, not 'abc'.");
        assertThat(preview.problem()).isNull();
        assertThat(preview.levels()).isEqualTo(2);
        assertThat(preview.errors()).isEqualTo(13);
        assertThat(preview.applicable()).isFalse();
        assertThatThrownBy(() -> preview.report(Instant.now())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyProblemIsSaidBeforeAnOnHandProblemAsTheApiSaysIt() {
        assertThat(described(parse("sku,onHand\n,x\n"))).containsExactly("2! 'sku' is required.");
    }

    @Test
    void aLongBadValueIsQuotedShortAndWithoutControlCharacters() {
        assertThat(described(parse("sku,onHand\nA,\"12\t" + "9".repeat(40) + "\"\n")))
                .containsExactly("2! 'onHand' must be a whole number of units, not '12?99999999999999999…'.");
    }

    @Test
    void aQuoteThatIsNeverClosedNamesTheLineItOpenedOn() {
        var preview = parse("sku,onHand\nA,1\nB,\"2\nC,3\n");
        assertThat(described(preview)).containsExactly("2: A/null=1", "3! The quote opened on line 3 is never closed.");
        assertThat(preview.applicable()).isFalse();
    }

    @Test
    void theHeaderMustNameSkuAndOnHandAndNothingElse() {
        assertThat(parse("").problem()).contains("empty");
        assertThat(parse("\n\n").problem()).contains("empty");
        assertThat(parse("sku,warehouse\nA,WH1\n").problem()).contains("must name the columns sku and onHand");
        assertThat(parse("sku,onHand,price\nA,1,9.99\n").problem())
                .contains("names a column 'price'")
                .contains("line 1");
        assertThat(parse("sku,onHand,sku\nA,1,B\n").problem()).contains("'sku' twice");
        assertThat(parse("sku,onHand\n").problem()).contains("no levels");
        assertThat(parse("sku,onHand\n").applicable()).isFalse();
        // a file of data without a header says which header it lacks
        assertThat(parse("A,WH1,5\n").problem()).contains("names a column 'A'");
    }

    @Test
    void aFileThatIsNotUtf8NamesTheLine() {
        var bytes = "sku,onHand\nA,1\nB".getBytes(StandardCharsets.UTF_8);
        var latin1 = Arrays.copyOf(bytes, bytes.length + 4);
        latin1[bytes.length] = (byte) 0xC4; // Ä in ISO-8859-1
        latin1[bytes.length + 1] = ',';
        latin1[bytes.length + 2] = '2';
        latin1[bytes.length + 3] = '\n';
        var preview = StockCsv.parse(latin1);
        assertThat(preview.problem()).startsWith("Line 3 is not UTF-8 text");
        assertThat(preview.lines()).isEmpty();
        assertThat(preview.applicable()).isFalse();
    }

    @Test
    void atMostMaxLevelsLevelsAreRead() {
        var exactly = new StringBuilder("sku,onHand\n");
        for (int i = 0; i < Stock.MAX_LEVELS; i++) {
            exactly.append("SKU-").append(i).append(",1\n");
        }
        var full = parse(exactly.toString());
        assertThat(full.problem()).isNull();
        assertThat(full.levels()).isEqualTo(Stock.MAX_LEVELS);

        var tooMany = parse(exactly + "SKU-x,1\n");
        assertThat(tooMany.problem())
                .contains("more than " + Stock.MAX_LEVELS + " levels")
                .contains("line " + (Stock.MAX_LEVELS + 2));
        assertThat(tooMany.applicable()).isFalse();
    }

    @Test
    void aFileLargerThanTheLimitIsNotRead() {
        var big = new byte[StockCsv.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        var preview = StockCsv.parse(big);
        assertThat(preview.problem()).contains("larger than 4 MiB (" + StockCsv.MAX_BYTES + " bytes)");
        assertThat(preview.lines()).isEmpty();
        var limit = new byte[StockCsv.MAX_BYTES];
        Arrays.fill(limit, (byte) ' ');
        assertThat(StockCsv.parse(limit).problem()).contains("empty");
    }

    @Test
    void theApiAndTheCsvHoldALevelToTheSameRules() {
        var asOf = Instant.parse("2026-12-07T06:00:00Z");
        var bad = new StockReport(asOf, java.util.List.of(level("A", "WH1", 1), level("B", "", 1)));
        assertThatThrownBy(() -> Stock.check(bad, asOf))
                .hasMessageContaining("'levels[1].warehouse' must not be empty (leave it out for the SKU as a whole).");
        var repeated = new StockReport(asOf, java.util.List.of(level("A", null, 1), level("A", null, 2)));
        assertThatThrownBy(() -> Stock.check(repeated, asOf))
                .hasMessageContaining("'levels[1]' repeats the SKU and warehouse of 'levels[0]'.");
        assertThat(Stock.problem(level("A", null, -1), field -> "'" + field + "'"))
                .isEqualTo("'onHand' must be 0 or more.");
        assertThat(Stock.problem(level("A", "WH1", 0), field -> field)).isNull();
    }

    @Test
    void aPrefixFilterEscapesTheWildcardsOfLike() {
        assertThat(Stock.like("SKU_1%!")).isEqualTo("SKU!_1!%!!%");
    }
}
