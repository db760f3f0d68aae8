package io.ordergate.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    static List<String> shown(List<LineDiff.Line> diff) {
        return diff.stream().map(LineDiff.Line::toString).toList();
    }

    static String pretty(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return PrettyJson.format(reader.readValue());
        }
    }

    @Test
    void aChangedValueInPrettyJsonIsOneLineRemovedAndOneAdded() {
        var v1 = pretty("{\"orderNumber\": \"7001234\", \"status\": \"Created\", \"lines\": [{\"quantity\": 1}]}");
        var v2 = pretty("{\"orderNumber\": \"7001234\", \"status\": \"Shipped\", \"lines\": [{\"quantity\": 1}]}");

        var diff = LineDiff.diff(v1, v2);

        assertThat(shown(diff))
                .containsExactly(
                        "  {",
                        "    \"orderNumber\": \"7001234\",",
                        "-   \"status\": \"Created\",",
                        "+   \"status\": \"Shipped\",",
                        "    \"lines\": [",
                        "      {",
                        "        \"quantity\": 1",
                        "      }",
                        "    ]",
                        "  }");
        assertThat(LineDiff.changed(diff)).isTrue();
    }

    @Test
    void insertedAndDeletedLinesKeepTheCommonOnesBetweenThem() {
        var diff = LineDiff.diff(List.of("a", "b", "c", "d", "e"), List.of("a", "c", "d", "x", "e", "f"));

        assertThat(shown(diff)).containsExactly("  a", "- b", "  c", "  d", "+ x", "  e", "+ f");
    }

    @Test
    void theLongestCommonSubsequenceIsKeptWhenLinesMove() {
        var diff = LineDiff.diff(List.of("x", "a", "b", "c"), List.of("a", "b", "c", "x"));

        assertThat(shown(diff)).containsExactly("- x", "  a", "  b", "  c", "+ x");
    }

    @Test
    void equalTextsHaveNoChangeAndEmptyTextsAreAllAddedOrRemoved() {
        assertThat(LineDiff.changed(LineDiff.diff("{\n}", "{\n}"))).isFalse();
        assertThat(shown(LineDiff.diff("", "a\nb"))).containsExactly("+ a", "+ b");
        assertThat(shown(LineDiff.diff("a\r\nb", null))).containsExactly("- a", "- b");
        assertThat(LineDiff.diff((String) null, null)).isEmpty();
    }

    @Test
    void longUnchangedRunsAreCutToTheContextAroundEachChange() {
        var older = new ArrayList<String>();
        for (int i = 1; i <= 20; i++) {
            older.add("line " + i);
        }
        var newer = new ArrayList<>(older);
        newer.set(9, "line ten");

        var compact = LineDiff.compact(LineDiff.diff(older, newer), 2);

        assertThat(shown(compact))
                .containsExactly(
                        "… 7 unchanged lines",
                        "  line 8",
                        "  line 9",
                        "- line 10",
                        "+ line ten",
                        "  line 11",
                        "  line 12",
                        "… 8 unchanged lines");
    }

    @Test
    void aShortUnchangedRunBetweenChangesIsKeptWhole() {
        var diff = LineDiff.diff(List.of("a", "1", "2", "3", "b"), List.of("A", "1", "2", "3", "B"));

        assertThat(shown(LineDiff.compact(diff, 1))).containsExactly("- a", "+ A", "  1", "  2", "  3", "- b", "+ B");
        // one unchanged line is shown rather than a line saying so
        assertThat(shown(LineDiff.compact(LineDiff.diff("same", "same"), 0))).containsExactly("  same");
        assertThat(shown(LineDiff.compact(LineDiff.diff("a\nb", "a\nb"), 0))).containsExactly("… 2 unchanged lines");
    }

    @Test
    void aHugeChangedMiddleIsShownAsRemovedAndAddedAsAWhole() {
        var older = new ArrayList<String>();
        var newer = new ArrayList<String>();
        for (int i = 0; i < 2100; i++) {
            older.add("old " + i);
            newer.add("new " + i);
        }
        older.add("end");
        newer.add("end");

        var diff = LineDiff.diff(older, newer);

        assertThat(diff).hasSize(4201);
        assertThat(diff.get(0).kind()).isEqualTo(LineDiff.Kind.REMOVED);
        assertThat(diff.get(2100).kind()).isEqualTo(LineDiff.Kind.ADDED);
        assertThat(diff.get(4200)).hasToString("  end");
    }
}
