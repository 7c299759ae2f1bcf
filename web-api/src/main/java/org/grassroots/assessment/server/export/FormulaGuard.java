package org.grassroots.assessment.server.export;

/**
 * Neutralizes text that a spreadsheet would read as a formula (CSV/formula injection): text
 * beginning with {@code = + - @}, a tab, a carriage return or a line feed gets a leading
 * apostrophe. Numbers never pass through here; they are written as numbers.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    public static boolean isDangerous(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n';
    }

    public static String neutralize(String text) {
        return isDangerous(text) ? "'" + text : text;
    }
}
