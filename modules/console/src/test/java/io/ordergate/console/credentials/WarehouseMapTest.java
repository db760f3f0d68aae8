package io.ordergate.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.console.credentials.WarehouseMap.Problem;
import io.ordergate.console.credentials.WarehouseMap.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarehouseMapTest {

    @Test
    void aGoodMapHasNoProblemsAndIsSavedTrimmedWithoutItsEmptyRows() {
        var rows = List.of(new Row(" 7 ", " WH1 "), new Row("", " "), new Row("12", "WH-2"));
        assertThat(WarehouseMap.problems(rows)).noneMatch(Problem::any);
        assertThat(WarehouseMap.map(rows)).containsExactly(Map.entry(7L, "WH1"), Map.entry(12L, "WH-2"));
    }

    @Test
    void anEmptyIdOrReferenceIsNamedOnItsRow() {
        var problems = WarehouseMap.problems(List.of(new Row("", "WH1"), new Row("8", "  ")));
        assertThat(problems.get(0).scayleId()).isEqualTo("Enter SCAYLE's warehouse id.");
        assertThat(problems.get(0).reference()).isNull();
        assertThat(problems.get(1).scayleId()).isNull();
        assertThat(problems.get(1).reference()).startsWith("Enter our warehouse");
    }

    @Test
    void anIdIsANumberAsTheAdminApiReadsIt() {
        var problems = WarehouseMap.problems(List.of(new Row("WH7", "WH1"), new Row("7.5", "WH1")));
        assertThat(problems).allSatisfy(p -> assertThat(p.scayleId()).contains("is a number"));
    }

    @Test
    void aDuplicateIdIsMarkedOnTheLaterRowWithTheRowItRepeats() {
        var problems = WarehouseMap.problems(
                List.of(new Row("7", "WH1"), new Row("8", "WH2"), new Row("07", "WH3"), new Row("7", "WH4")));
        assertThat(problems.get(0).any()).isFalse();
        assertThat(problems.get(1).any()).isFalse();
        assertThat(problems.get(2).scayleId()).isEqualTo("Warehouse 7 is already mapped in row 1.");
        assertThat(problems.get(3).scayleId()).isEqualTo("Warehouse 7 is already mapped in row 1.");
    }

    @Test
    void aReferenceHasAtMost128Characters() {
        assertThat(WarehouseMap.problems(List.of(new Row("1", "x".repeat(128))))
                        .get(0)
                        .any())
                .isFalse();
        assertThat(WarehouseMap.problems(List.of(new Row("1", "x".repeat(129))))
                        .get(0)
                        .reference())
                .isEqualTo("At most 128 characters.");
    }

    @Test
    void storedRowsComeInTheOrderOfTheirIds() {
        assertThat(WarehouseMap.rows(Map.of("12", "B", "7", "A", "100", "C")))
                .containsExactly(new Row("7", "A"), new Row("12", "B"), new Row("100", "C"));
    }
}
