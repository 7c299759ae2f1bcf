package org.grassroots.assessment.server.export;

/**
 * Neutralizes text that a spreadsheet would read as a formula (CSV/formula injection): text whose
 * first character other than white space is {@code = + - @} or their full-width forms
 * {@code ＝ ＋ － ＠} (spreadsheets with East Asian input read those as formulas too), and text
 * beginning with a tab, a carriage return or a line feed, gets a leading apostrophe. Leading
 * spaces do not hide a formula: {@code "  =1+1"} is neutralized like {@code "=1+1"}. Numbers never
 * pass through here; they are written as numbers.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    public static boolean isDangerous(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return isFormulaStart(c);
            }
        }
        return false;
    }

    private static boolean isFormulaStart(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '＝', '＋', '－', '＠' -> true;
            default -> false;
        };
    }

    public static String neutralize(String text) {
        return isDangerous(text) ? "'" + text : text;
    }
}
