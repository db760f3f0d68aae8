package io.ordergate.console.ui;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The difference between two texts, line by line, as a reader wants it: the lines only the old
 * text has ({@code -}), the lines only the new one has ({@code +}), and the common lines between
 * them. The lines come from java-diff-utils' Myers difference (the linear-space variant, so that
 * two large, wholly different versions cost no quadratic memory); this class only lays them out
 * for reading. Made for pretty-printed JSON, where one changed value is one changed line.
 */
public final class LineDiff {

    public enum Kind {
        SAME(' '),
        ADDED('+'),
        REMOVED('-'),
        SKIPPED('…');

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
            return kind == Kind.SKIPPED
                    ? "… " + skipped + " unchanged line" + (skipped == 1 ? "" : "s")
                    : kind.sign() + " " + text;
        }
    }

    private LineDiff() {}

    /** Every line of both texts, in order; texts are split at line ends ({@code \n}, {@code \r\n}). */
    public static List<Line> diff(String older, String newer) {
        return diff(lines(older), lines(newer));
    }

    public static List<Line> diff(List<String> older, List<String> newer) {
        var out = new ArrayList<Line>();
        var removed = new ArrayList<Line>();
        var added = new ArrayList<Line>();
        int next = 0; // the first line of older not yet shown
        for (var delta : DiffUtils.diff(older, newer, new MyersDiffWithLinearSpace<String>())
                .getDeltas()) {
            var source = delta.getSource();
            if (source.getPosition() > next) {
                flush(removed, added, out);
                older.subList(next, source.getPosition()).forEach(line -> out.add(Line.of(Kind.SAME, line)));
            }
            // The algorithm may report a replacement as an insertion and a deletion at the same place:
            // they are collected until common lines follow.
            source.getLines().forEach(line -> removed.add(Line.of(Kind.REMOVED, line)));
            delta.getTarget().getLines().forEach(line -> added.add(Line.of(Kind.ADDED, line)));
            next = source.getPosition() + source.size();
        }
        flush(removed, added, out);
        older.subList(next, older.size()).forEach(line -> out.add(Line.of(Kind.SAME, line)));
        return out;
    }

    /** Removals before additions: "- old / + new" reads as a replacement. */
    private static void flush(List<Line> removed, List<Line> added, List<Line> out) {
        out.addAll(removed);
        out.addAll(added);
        removed.clear();
        added.clear();
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

    static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return Collections.emptyList();
        }
        return List.of(text.split("\r?\n", -1));
    }
}
