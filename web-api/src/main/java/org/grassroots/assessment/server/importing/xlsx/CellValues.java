package org.grassroots.assessment.server.importing.xlsx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads one cell as the bundle value of its column. What a town types the way people do (a code
 * with a trailing space, full-width digits, a date typed as text, a number stored as text, a
 * percentage) is read as meant, and said so in a warning; what cannot be read is passed on as the
 * text it is, for the bundle reader to refuse with its own message, so that the workbook and the
 * JSON bundle are judged by the same rules. Never guesses: a value is either read exactly or left
 * for the reader to refuse.
 */
public final class CellValues {

    /** Where the reading of a cell reports. */
    interface Notes {
        void warn(String message);

        void refuse(String message);
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern THOUSANDS = Pattern.compile("^[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?$");
    private static final Pattern NUMBER = Pattern.compile("^[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?$");
    private static final Pattern DATE = Pattern.compile(
            "^(\\d{4})\\s*[-./年]\\s*(\\d{1,2})\\s*[-./月]\\s*(\\d{1,2})\\s*日?$");
    private static final Pattern PERIOD = Pattern.compile(
            "^(\\d{4})\\s*年?\\s*(?:[-\\s]?(?:Q|第)\\s*([1-4])\\s*(?:季度)?)?(?:年度)?$");
    private static final Pattern ITEM = Pattern.compile("^(C\\d{2})(\\s.*)?$", Pattern.DOTALL);
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[、,，;；\\r\\n]+");
    private static final Pattern LINE_SEPARATORS = Pattern.compile("[\\r\\n]+");

    private CellValues() {
    }

    /** The value of a cell for its column, or null when the cell is empty (the field is then absent). */
    static JsonNode read(Column column, RawCell cell, Notes notes) {
        if (cell == null) {
            return null;
        }
        if (cell.formula()) {
            if (cell.text() == null) {
                notes.refuse("单元格是公式，但文件中没有保存其计算结果：请在 Excel 中打开、重新计算并保存，或改填数值");
                return null;
            }
            notes.warn("单元格是公式，已使用其计算结果“" + cell.text() + "”");
        }
        if (cell.type() == RawCell.Type.ERROR) {
            notes.refuse("单元格为错误值 " + cell.text() + "，请改填正确的值");
            return null;
        }
        if (cell.blank()) {
            return null;
        }
        return switch (column.kind()) {
            case CODE -> code(cell, notes);
            case TEXT -> NODES.stringNode(cell.text());
            case PERIOD -> period(cell, notes);
            case INTEGER, NUMBER, RATE, MONEY -> number(column.kind(), cell, notes);
            case BOOLEAN -> bool(cell);
            case CHOICE -> choice(column, cell);
            case DATE -> date(cell, notes);
            case TEXT_LIST -> list(cell.text(), LIST_SEPARATORS);
            case TEXT_LINES -> list(cell.text(), LINE_SEPARATORS);
        };
    }

    /**
     * The value of text typed into a form field of the column (a self-report), read as a text cell
     * would be: 92% for a share, full-width digits, 是/否, a choice's Chinese label. Null when blank;
     * text that is not a value of the column comes back as it is, for the bundle reader to refuse.
     */
    public static JsonNode fromText(Column column, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Notes quiet = new Notes() {
            @Override
            public void warn(String message) {
                // typing a number into a form field is not a mistake worth a word
            }

            @Override
            public void refuse(String message) {
                // a text cell is never a formula or an error value
            }
        };
        return read(column, new RawCell(0, text.strip(), RawCell.Type.STRING, false, false), quiet);
    }

    static String halfWidth(String text) {
        return normalForm(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /**
     * Whether NFKC leaves the text as it is, told without normalizing it for the text of nearly
     * every cell: ASCII and the CJK Unified Ideographs (U+4E00–U+9FFF) have no decomposition and
     * compose with nothing (the compatibility ideographs, U+F900 on, are outside the range).
     */
    private static boolean normalForm(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && (c < 0x4E00 || c > 0x9FFF)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode code(RawCell cell, Notes notes) {
        if (cell.type() == RawCell.Type.NUMBER) {
            notes.warn("编码以数字形式存储，已读作“" + cell.text() + "”；如原编码有前导零，请把该列设为文本后重填");
            return NODES.stringNode(cell.text());
        }
        String original = cell.text();
        String normalised = halfWidth(original).strip();
        if (!normalised.equals(original)) {
            notes.warn("编码“" + original + "”已读作“" + normalised + "”（" + what(original, normalised) + "）");
        }
        return NODES.stringNode(normalised);
    }

    private static String what(String original, String normalised) {
        boolean spaces = !original.strip().equals(original);
        boolean wide = !halfWidth(original.strip()).equals(original.strip());
        if (spaces && wide) {
            return "去掉了首尾空格，全角字符改为半角";
        }
        return spaces ? "去掉了首尾空格" : "全角字符改为半角";
    }

    private static JsonNode period(RawCell cell, Notes notes) {
        if (cell.type() == RawCell.Type.NUMBER) {
            return NODES.stringNode(cell.text());
        }
        String original = cell.text();
        if (canonicalPeriod(original)) {
            return NODES.stringNode(original); // what the pattern below reads as itself
        }
        String text = halfWidth(original).strip().toUpperCase(Locale.ROOT);
        Matcher m = PERIOD.matcher(text);
        if (!m.matches()) {
            return NODES.stringNode(original);
        }
        String period = m.group(1) + (m.group(2) == null ? "" : "-Q" + m.group(2));
        if (!period.equals(original)) {
            notes.warn("期间“" + original + "”已读作“" + period + "”");
        }
        return NODES.stringNode(period);
    }

    /** {@code 2026} or {@code 2026-Q3}, as the bundle writes a period. */
    private static boolean canonicalPeriod(String text) {
        int length = text.length();
        if (length != 4 && length != 7) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return length == 4 || (text.charAt(4) == '-' && text.charAt(5) == 'Q' && text.charAt(6) >= '1' && text.charAt(6) <= '4');
    }

    private static JsonNode number(ColumnKind kind, RawCell cell, Notes notes) {
        switch (cell.type()) {
            case NUMBER -> {
                return numeric(kind, new BigDecimal(cell.text()), notes);
            }
            case STRING -> {
                String original = cell.text();
                String text = halfWidth(original).strip();
                boolean percent = kind == ColumnKind.RATE && text.endsWith("%");
                if (percent) {
                    text = text.substring(0, text.length() - 1).strip();
                }
                if (THOUSANDS.matcher(text).matches()) {
                    text = text.replace(",", "");
                }
                if (!NUMBER.matcher(text).matches()) {
                    return NODES.stringNode(original);
                }
                BigDecimal value = new BigDecimal(text);
                if (percent) {
                    value = value.movePointLeft(2);
                }
                notes.warn("数字以文本形式存储“" + original + "”，已读作 " + plain(value)
                        + (halfWidth(original).equals(original) ? "" : "（全角字符改为半角）"));
                return numeric(kind, value, notes);
            }
            default -> {
                return NODES.stringNode(cell.type() == RawCell.Type.DATE ? "日期 " + cell.text() : cell.text());
            }
        }
    }

    private static JsonNode numeric(ColumnKind kind, BigDecimal value, Notes notes) {
        BigDecimal v = value;
        if (kind == ColumnKind.MONEY && v.stripTrailingZeros().scale() > 2) {
            BigDecimal cents = v.setScale(2, RoundingMode.HALF_UP);
            // a calculated amount carries binary noise (0.1 + 0.2); anything more is a real third decimal
            if (v.subtract(cents).abs().compareTo(new BigDecimal("0.000001")) < 0) {
                notes.warn("金额 " + plain(v) + " 带有计算误差，已读作 " + plain(cents));
                v = cents;
            }
        }
        BigDecimal stripped = v.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return NODES.numberNode(stripped.toBigIntegerExact());
        }
        return NODES.numberNode(stripped); // a positive scale: its plain text has exactly those decimals
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static JsonNode bool(RawCell cell) {
        String text = halfWidth(cell.text()).strip();
        if (text.equals("是") || text.equalsIgnoreCase("TRUE")) {
            return NODES.booleanNode(true);
        }
        if (text.equals("否") || text.equalsIgnoreCase("FALSE")) {
            return NODES.booleanNode(false);
        }
        return NODES.stringNode(cell.text());
    }

    private static JsonNode choice(Column column, RawCell cell) {
        String text = halfWidth(cell.text()).strip();
        for (Choice c : column.choices()) {
            if (halfWidth(c.label()).equals(text) || c.value().equalsIgnoreCase(text)) {
                return NODES.stringNode(c.value());
            }
        }
        Matcher item = ITEM.matcher(text.toUpperCase(Locale.ROOT));
        if (item.matches()) {
            for (Choice c : column.choices()) {
                if (c.value().equals(item.group(1))) {
                    return NODES.stringNode(c.value());
                }
            }
        }
        return NODES.stringNode(cell.text());
    }

    private static JsonNode date(RawCell cell, Notes notes) {
        switch (cell.type()) {
            case DATE -> {
                if (cell.timeOfDay()) {
                    notes.warn("日期带有时间，只取日期 " + cell.text());
                }
                return NODES.stringNode(cell.text());
            }
            case STRING -> {
                String original = cell.text();
                Matcher m = DATE.matcher(halfWidth(original).strip());
                if (!m.matches()) {
                    return NODES.stringNode(original);
                }
                try {
                    LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                    notes.warn("日期以文本形式填写“" + original + "”，已读作 " + date);
                    return NODES.stringNode(date.toString());
                } catch (DateTimeException e) {
                    return NODES.stringNode(original);
                }
            }
            default -> {
                return NODES.stringNode(cell.text());
            }
        }
    }

    private static JsonNode list(String text, Pattern separators) {
        ArrayNode list = NODES.arrayNode();
        for (String part : separators.split(text)) {
            if (!part.isBlank()) {
                list.add(part.strip());
            }
        }
        return list;
    }
}
