package dev.switchboard.prompts;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence: what a reader of two versions wants to see (lines kept,
 * removed, added, in order). Quadratic in the number of lines, so inputs past {@link #MAX_LINES} are
 * shown as everything removed and everything added.
 */
public final class LineDiff {

    static final int MAX_LINES = 3_000;

    private LineDiff() {}

    public static List<DiffLine> of(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            List<DiffLine> all = new ArrayList<>();
            a.forEach(line -> all.add(new DiffLine(DiffLine.Op.REMOVED, line)));
            b.forEach(line -> all.add(new DiffLine(DiffLine.Op.ADDED, line)));
            return all;
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<DiffLine> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                diff.add(new DiffLine(DiffLine.Op.SAME, a.get(i)));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                diff.add(new DiffLine(DiffLine.Op.REMOVED, a.get(i++)));
            } else {
                diff.add(new DiffLine(DiffLine.Op.ADDED, b.get(j++)));
            }
        }
        while (i < a.size()) {
            diff.add(new DiffLine(DiffLine.Op.REMOVED, a.get(i++)));
        }
        while (j < b.size()) {
            diff.add(new DiffLine(DiffLine.Op.ADDED, b.get(j++)));
        }
        return diff;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : text.lines().toList();
    }
}
