package io.ordergate.console.credentials;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SCAYLE merchant's warehouse map as the settings form holds it, row by row, with the admin
 * API's rules: a SCAYLE warehouse id is a number, mapped once; our warehouse (the items'
 * {@code warehouseReferenceKey}) is 1 to 128 characters. A row left wholly empty is no row.
 */
final class WarehouseMap {

    static final int MAX_REFERENCE = 128;

    private WarehouseMap() {}

    /** One row of the form, as typed. */
    record Row(String scayleId, String reference) {

        boolean empty() {
            return blank(scayleId) && blank(reference);
        }
    }

    /** What is wrong with one row (null where nothing is). */
    record Problem(String scayleId, String reference) {

        boolean any() {
            return scayleId != null || reference != null;
        }
    }

    /** The rows of a stored map, in the order of their ids. */
    static List<Row> rows(Map<String, String> stored) {
        var sorted = new TreeMap<Long, String>();
        stored.forEach((id, reference) -> sorted.put(Long.valueOf(id), reference));
        var rows = new ArrayList<Row>();
        sorted.forEach((id, reference) -> rows.add(new Row(String.valueOf(id), reference)));
        return rows;
    }

    /** One problem per row, in the rows' order; a duplicate id is marked on its later rows. */
    static List<Problem> problems(List<Row> rows) {
        var seen = new HashMap<Long, Integer>();
        var problems = new ArrayList<Problem>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (row.empty()) {
                problems.add(new Problem(null, null));
                continue;
            }
            String idProblem = null;
            if (blank(row.scayleId())) {
                idProblem = "Enter SCAYLE's warehouse id.";
            } else {
                var id = id(row.scayleId());
                if (id == null) {
                    idProblem = "A SCAYLE warehouse id is a number, e.g. 7.";
                } else {
                    var first = seen.putIfAbsent(id, i);
                    if (first != null) {
                        idProblem = "Warehouse " + id + " is already mapped in row " + (first + 1) + ".";
                    }
                }
            }
            String referenceProblem = null;
            if (blank(row.reference())) {
                referenceProblem = "Enter our warehouse (its warehouseReferenceKey).";
            } else if (row.reference().strip().length() > MAX_REFERENCE) {
                referenceProblem = "At most " + MAX_REFERENCE + " characters.";
            }
            problems.add(new Problem(idProblem, referenceProblem));
        }
        return problems;
    }

    /** The map to save; only for rows without {@link #problems}. */
    static Map<Long, String> map(List<Row> rows) {
        var map = new TreeMap<Long, String>();
        rows.stream()
                .filter(row -> !row.empty())
                .forEach(row -> map.put(id(row.scayleId()), row.reference().strip()));
        return map;
    }

    /** The id as the admin API reads it, or null when it is not one. */
    static Long id(String text) {
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
