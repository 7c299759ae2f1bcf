package org.grassroots.assessment.server.ruleset;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines (longest common subsequence after trimming the common head
 * and tail), with three lines of context, in the usual {@code @@ -a,n +b,m @@} form. Written here
 * because no diff library is on the classpath.
 */
final class LineDiff {

    private static final int CONTEXT = 3;

    private LineDiff() {
    }

    /** One line of the edit script: ' ' kept, '-' removed, '+' added. */
    private record Edit(char op, String text, int oldLine, int newLine) {
    }

    static String unified(String oldName, String newName, String before, String after) {
        List<Edit> edits = edits(lines(before), lines(after));
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while the next change is within 2 × context lines
            int last = i;
            for (int j = i; j < edits.size(); j++) {
                if (edits.get(j).op() != ' ') {
                    if (j - last > 2 * CONTEXT) {
                        break;
                    }
                    last = j;
                }
            }
            end = Math.min(edits.size(), last + CONTEXT + 1);
            hunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> hunk) {
        int oldStart = 0;
        int newStart = 0;
        int oldCount = 0;
        int newCount = 0;
        for (Edit e : hunk) {
            if (e.op() != '+') {
                if (oldCount++ == 0) {
                    oldStart = e.oldLine();
                }
            }
            if (e.op() != '-') {
                if (newCount++ == 0) {
                    newStart = e.newLine();
                }
            }
        }
        if (oldCount == 0) {
            oldStart = hunk.get(0).oldLine() - 1;
        }
        if (newCount == 0) {
            newStart = hunk.get(0).newLine() - 1;
        }
        out.append("@@ -").append(oldStart).append(',').append(oldCount).append(" +").append(newStart).append(',')
                .append(newCount).append(" @@\n");
        for (Edit e : hunk) {
            out.append(e.op()).append(e.text()).append('\n');
        }
    }

    static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The edit script; oldLine/newLine are 1-based and, for an added (removed) line, the next old (new) line. */
    private static List<Edit> edits(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        int n = a.size() - head - tail;
        int m = b.size() - head - tail;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(head + i).equals(b.get(head + j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            edits.add(new Edit(' ', a.get(k), k + 1, k + 1));
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            int oi = head + i;
            int nj = head + j;
            if (i < n && j < m && a.get(oi).equals(b.get(nj))) {
                edits.add(new Edit(' ', a.get(oi), oi + 1, nj + 1));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(new Edit('-', a.get(oi), oi + 1, nj + 1));
                i++;
            } else {
                edits.add(new Edit('+', b.get(nj), oi + 1, nj + 1));
                j++;
            }
        }
        for (int k = 0; k < tail; k++) {
            int oi = a.size() - tail + k;
            int nj = b.size() - tail + k;
            edits.add(new Edit(' ', a.get(oi), oi + 1, nj + 1));
        }
        return edits;
    }
}
