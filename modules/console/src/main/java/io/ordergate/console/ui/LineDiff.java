package io.ordergate.console.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The difference between two texts, line by line, as a reader wants it: the lines only the old
 * text has ({@code -}), the lines only the new one has ({@code +}), and the common lines between
 * them, from a longest common subsequence of lines. Made for pretty-printed JSON, where one
 * changed value is one changed line.
 */
public final class LineDiff {

    /**
     * The longest-common-subsequence table is quadratic: above this many cells (after the common
     * head and tail are taken off) the changed middle is shown as removed and added as a whole.
     */
    static final long MAX_CELLS = 4_000_000L;

    public enum Kind {
        SAME(' '), ADDED('+'), REMOVED('-'), SKIPPED('…');

        final char sign;

        Kind(char sign) {
            this.sign = sign;
        }

        public char sign() {
            return sign;
        }
    }

    /** One line of the difference; {@link Kind#SKIPPED} stands for {@code skipped} common lines left out. */
    public record Line(Kind kind, String text, int skipped) {

        static Line of(Kind kind, String text) {
            return new Line(kind, text, 0);
        }

        /** {@code + text}, {@code - text}, {@code   text} or {@code … 12 unchanged lines}. */
        @Override
        public String toString() {
            return kind == Kind.SKIPPED ? "… " + skipped + " unchanged line" + (skipped == 1 ? "" : "s")
                    : kind.sign() + " " + text;
        }
    }

    private LineDiff() {
    }

    /** Every line of both texts, in order; texts are split at line ends ({@code \n}, {@code \r\n}). */
    public static List<Line> diff(String older, String newer) {
        return diff(lines(older), lines(newer));
    }

    public static List<Line> diff(List<String> older, List<String> newer) {
        int head = 0;
        while (head < older.size() && head < newer.size() && older.get(head).equals(newer.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < older.size() - head && tail < newer.size() - head
                && older.get(older.size() - 1 - tail).equals(newer.get(newer.size() - 1 - tail))) {
            tail++;
        }
        var out = new ArrayList<Line>();
        older.subList(0, head).forEach(line -> out.add(Line.of(Kind.SAME, line)));
        middle(older.subList(head, older.size() - tail), newer.subList(head, newer.size() - tail), out);
        older.subList(older.size() - tail, older.size()).forEach(line -> out.add(Line.of(Kind.SAME, line)));
        return out;
    }

    /**
     * The difference with long runs of common lines cut down to {@code context} lines on either
     * side of each change (a {@link Kind#SKIPPED} line says how many were left out). Texts without
     * a change come out as one skipped line.
     */
    public static List<Line> compact(List<Line> diff, int context) {
        var out = new ArrayList<Line>();
        int i = 0;
        while (i < diff.size()) {
            if (diff.get(i).kind() != Kind.SAME) {
                out.add(diff.get(i++));
                continue;
            }
            int end = i;
            while (end < diff.size() && diff.get(end).kind() == Kind.SAME) {
                end++;
            }
            int keepBefore = i == 0 ? 0 : context; // after a change
            int keepAfter = end == diff.size() ? 0 : context; // before a change
            if (end - i <= keepBefore + keepAfter + 1) {
                out.addAll(diff.subList(i, end));
            } else {
                out.addAll(diff.subList(i, i + keepBefore));
                out.add(new Line(Kind.SKIPPED, "", end - i - keepBefore - keepAfter));
                out.addAll(diff.subList(end - keepAfter, end));
            }
            i = end;
        }
        return out;
    }

    /** Whether the two texts differ at all. */
    public static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(line -> line.kind() == Kind.ADDED || line.kind() == Kind.REMOVED);
    }

    static void middle(List<String> older, List<String> newer, List<Line> out) {
        if (older.isEmpty() || newer.isEmpty() || (long) older.size() * newer.size() > MAX_CELLS) {
            older.forEach(line -> out.add(Line.of(Kind.REMOVED, line)));
            newer.forEach(line -> out.add(Line.of(Kind.ADDED, line)));
            return;
        }
        int n = older.size();
        int m = newer.size();
        // common[i][j]: length of the longest common subsequence of older[i..] and newer[j..]
        var common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = older.get(i).equals(newer.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (older.get(i).equals(newer.get(j))) {
                out.add(Line.of(Kind.SAME, older.get(i)));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                // removals before additions: "- old / + new" reads as a replacement
                out.add(Line.of(Kind.REMOVED, older.get(i++)));
            } else {
                out.add(Line.of(Kind.ADDED, newer.get(j++)));
            }
        }
        while (i < n) {
            out.add(Line.of(Kind.REMOVED, older.get(i++)));
        }
        while (j < m) {
            out.add(Line.of(Kind.ADDED, newer.get(j++)));
        }
    }

    static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return Collections.emptyList();
        }
        return List.of(text.split("\r?\n", -1));
    }
}
