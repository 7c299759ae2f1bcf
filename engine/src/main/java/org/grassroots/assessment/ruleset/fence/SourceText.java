package org.grassroots.assessment.ruleset.fence;

import java.util.ArrayList;
import java.util.List;

/** A rule file's text with its line starts: turns a character offset into a line and a column (both from 1). */
final class SourceText {

    private final String file;
    private final String text;
    private final int[] lineStarts;

    SourceText(String file, String text) {
        this.file = file;
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    String file() {
        return file;
    }

    String text() {
        return text;
    }

    /** Line (from 1) of a character offset. */
    int line(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** Column (from 1, in characters) of a character offset. */
    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** The offset of a line and column (both from 1). */
    int offset(int line, int column) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)] + column - 1;
    }

    /** Where {@code snippet} occurs at or after {@code from}, else anywhere, else -1. */
    int find(String snippet, int from) {
        if (snippet == null || snippet.isEmpty()) {
            return -1;
        }
        int at = text.indexOf(snippet, Math.max(0, from));
        return at >= 0 ? at : text.indexOf(snippet);
    }
}
