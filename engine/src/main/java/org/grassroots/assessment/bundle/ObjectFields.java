package org.grassroots.assessment.bundle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.grassroots.assessment.model.Period;

import tools.jackson.databind.JsonNode;

/**
 * Typed, checked access to the fields of one JSON object: the single place where the per-field
 * rules of docs/formats.md section 1 (types, required fields, ranges, patterns, lengths) live.
 *
 * <p>Every accessor reports what is wrong to the shared problem list, remembers the field as
 * invalid and returns a neutral value (null, 0, false) so that reading goes on and every problem
 * of a record is found. Cross-field rules ask {@link #valid} first so that one mistake is reported
 * once, not again by every rule that depends on it. A null value counts as absent for optional
 * fields and as a wrong type for required ones.
 */
final class ObjectFields {


    private final JsonNode object;
    private final String path;
    private final List<Problem> problems;
    /** Created on the first problem: most records have none. */
    private Set<String> invalid;

    private ObjectFields(JsonNode object, String path, List<Problem> problems) {
        this.object = object;
        this.path = path;
        this.problems = problems;
    }

    /**
     * Wraps {@code value} if it is an object, reporting its unknown fields; otherwise reports that
     * an object was expected and returns null.
     */
    static ObjectFields of(JsonNode value, String path, List<Problem> problems, KnownFields known) {
        if (value == null || !value.isObject()) {
            problems.add(new Problem(path, "must be an object, got " + ValueText.of(value)));
            return null;
        }
        for (String name : value.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(new Problem(pointer(path, name), known.unknownFieldMessage(name)));
            }
        }
        return new ObjectFields(value, path, problems);
    }

    /** The JSON Pointer of member {@code name} under {@code base}, escaped as RFC 6901 says. */
    static String pointer(String base, String name) {
        return base + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    String path(String name) {
        return pointer(path, name);
    }

    /** Reports a problem with field {@code name} and remembers it as invalid. */
    void problem(String name, String message) {
        markInvalid(name);
        problems.add(new Problem(path(name), message));
    }

    /** True when none of the named fields had a problem (absent optional fields are valid). */
    boolean valid(String... names) {
        if (invalid == null) {
            return true;
        }
        for (String name : names) {
            if (invalid.contains(name)) {
                return false;
            }
        }
        return true;
    }

    /** True when the field is there with a value other than null. */
    boolean isPresent(String name) {
        JsonNode value = object.get(name);
        return value != null && !value.isNull();
    }

    /** Reports the field if it carries a value although it must not here. */
    void forbidden(String name, String message) {
        if (isPresent(name)) {
            problem(name, message);
        }
    }

    // --- strings -------------------------------------------------------------------------------

    /** The text of the field whatever its checks said, or null when it is not a string. */
    String rawString(String name) {
        JsonNode value = object.get(name);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** A required code (organization code, memberId, visitId): {@code ^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$}. */
    String code(String name) {
        String text = string(name);
        if (text != null && !isCode(text)) {
            problem(name, "must be 1–64 letters, digits, '_' or '-', starting with a letter or digit, got "
                    + ValueText.quote(text));
            return null;
        }
        return text;
    }

    /** The code pattern by hand: codes are the most frequent checked strings of a bundle. */
    private static boolean isCode(String text) {
        if (text.isEmpty() || text.length() > 64 || !isAsciiLetterOrDigit(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** An optional code: absent and null both mean none. */
    String optionalCode(String name) {
        return isPresent(name) ? code(name) : null;
    }

    /** A required string matching {@code pattern}, which {@code expected} describes to the reader. */
    String matching(String name, Pattern pattern, String expected) {
        String text = string(name);
        if (text != null && !pattern.matcher(text).matches()) {
            problem(name, "must be " + expected + ", got " + ValueText.quote(text));
            return null;
        }
        return text;
    }

    /** A required string of {@code min}…{@code max} characters (Unicode code points). */
    String text(String name, int min, int max) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            problem(name, "must be " + min + "–" + max + " characters long, got " + length);
            return null;
        }
        return text;
    }

    /**
     * A required display name of 1…{@code max} characters, with surrounding white space removed
     * (also the ideographic space); a blank name, or one holding a control, format or line
     * separator character (which would break a line of a list or reorder the text around it), is a
     * problem.
     */
    String name(String name, int max) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            problem(name, "must not be blank");
            return null;
        }
        int hidden = stripped.codePoints().filter(ObjectFields::isHidden).findFirst().orElse(-1);
        if (hidden >= 0) {
            problem(name, "must not contain control characters, got U+" + String.format("%04X", hidden));
            return null;
        }
        int length = stripped.codePointCount(0, stripped.length());
        if (length > max) {
            problem(name, "must be 1–" + max + " characters long, got " + length);
            return null;
        }
        return stripped;
    }

    private static boolean isHidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** An optional string of at most {@code max} characters. */
    String optionalText(String name, int max) {
        return isPresent(name) ? text(name, 0, max) : null;
    }

    /** A required period, {@code YYYY} or {@code YYYY-Qn}. */
    String period(String name) {
        String text = string(name);
        if (text != null && !Period.isValid(text)) {
            problem(name, "must be a period YYYY or YYYY-Qn (n 1–4), got " + ValueText.quote(text));
            return null;
        }
        return text;
    }

    /** A required ISO date {@code yyyy-MM-dd}. */
    LocalDate date(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        LocalDate date = isoDate(text);
        if (date != null) {
            return date;
        }
        problem(name, "must be a date yyyy-MM-dd, got " + ValueText.quote(text));
        return null;
    }

    /**
     * {@code yyyy-MM-dd} read exactly as {@link LocalDate#parse} reads it (strict: no 2026-02-30),
     * without its formatter: a large bundle holds millions of dates. Null when it is not a date.
     */
    static LocalDate isoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The ASCII digits from {@code from} to {@code to} as a number, or -1 if one is not a digit. */
    static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    LocalDate optionalDate(String name) {
        return isPresent(name) ? date(name) : null;
    }

    private String string(String name) {
        JsonNode value = required(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            problem(name, "must be a string, got " + ValueText.of(value));
            return null;
        }
        return value.stringValue();
    }

    // --- enums ---------------------------------------------------------------------------------

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        return enumValue(name, EnumSet.allOf(type));
    }

    /** A required enum constant, by name, among {@code allowed}. */
    <E extends Enum<E>> E enumValue(String name, EnumSet<E> allowed) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        for (E constant : allowed) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        String names = allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
        problem(name, "must be one of " + names + ", got " + ValueText.quote(text));
        return null;
    }

    <E extends Enum<E>> E optionalEnum(String name, Class<E> type) {
        return isPresent(name) ? enumValue(name, type) : null;
    }

    // --- numbers and booleans ------------------------------------------------------------------

    /** A required JSON integer (no fraction, no exponent, not a string) in {@code min}…{@code max}. */
    int integer(String name, int min, int max) {
        JsonNode value = required(name);
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber()) {
            problem(name, "must be an integer, got " + ValueText.of(value));
            return 0;
        }
        boolean belowMin;
        if (value.canConvertToInt()) {
            int number = value.intValue();
            if (number >= min && number <= max) {
                return number;
            }
            belowMin = number < min;
        } else {
            // an integer that an int cannot hold is outside every int range
            belowMin = value.bigIntegerValue().signum() < 0;
        }
        // Integer.MAX_VALUE is the model's limit, not the format's: name it only when it is hit.
        BigDecimal upper = belowMin && max == Integer.MAX_VALUE ? null : BigDecimal.valueOf(max);
        problem(name, rangeMessage(BigDecimal.valueOf(min), upper, ValueText.of(value)));
        return 0;
    }

    /** A required JSON number in {@code min}…{@code max}, bounds that are exact doubles (integers). */
    double number(String name, double min, double max) {
        JsonNode value = numeric(name);
        if (value == null) {
            return 0;
        }
        // Rounding to double is monotonic, so a double strictly inside exact bounds comes from a value
        // inside them; only a value rounding onto a bound needs the exact comparison.
        double number = value.doubleValue();
        if (number > min && number < max) {
            return number;
        }
        BigDecimal exact = value.decimalValue();
        BigDecimal lower = BigDecimal.valueOf(min);
        BigDecimal upper = BigDecimal.valueOf(max);
        if (exact.compareTo(lower) < 0 || exact.compareTo(upper) > 0) {
            problem(name, rangeMessage(lower, upper, ValueText.of(value)));
            return 0;
        }
        return number;
    }

    /** A required amount of yuan: a number ≥ 0 with at most 2 decimals. */
    double yuan(String name) {
        JsonNode value = numeric(name);
        if (value == null) {
            return 0;
        }
        BigDecimal amount = value.decimalValue();
        if (amount.signum() < 0) {
            problem(name, rangeMessage(BigDecimal.ZERO, null, ValueText.of(value)));
            return 0;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            problem(name, "must have at most 2 decimals, got " + ValueText.of(value));
            return 0;
        }
        if (Double.isInfinite(amount.doubleValue())) {
            problem(name, "is too large, got " + ValueText.of(value));
            return 0;
        }
        return amount.doubleValue();
    }

    private JsonNode numeric(String name) {
        JsonNode value = required(name);
        if (value != null && !value.isNumber()) {
            problem(name, "must be a number, got " + ValueText.of(value));
            return null;
        }
        return value;
    }

    private static String rangeMessage(BigDecimal min, BigDecimal max, String actual) {
        String bounds = max == null
                ? "at least " + min.stripTrailingZeros().toPlainString()
                : "between " + min.stripTrailingZeros().toPlainString() + " and "
                        + max.stripTrailingZeros().toPlainString();
        return "must be " + bounds + ", got " + actual;
    }

    boolean bool(String name) {
        JsonNode value = required(name);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            problem(name, "must be true or false, got " + ValueText.of(value));
            return false;
        }
        return value.booleanValue();
    }

    boolean optionalBool(String name, boolean absent) {
        return isPresent(name) ? bool(name) : absent;
    }

    // --- nested values -------------------------------------------------------------------------

    /** An optional nested object; null when absent, null or not an object (then reported). */
    ObjectFields object(String name, KnownFields known) {
        if (!isPresent(name)) {
            return null;
        }
        ObjectFields nested = of(object.get(name), path(name), problems, known);
        if (nested == null) {
            markInvalid(name);
        }
        return nested;
    }

    /** A required array of {@code min}…{@code max} objects; the elements that are objects. */
    List<ObjectFields> objects(String name, int min, int max, KnownFields known) {
        JsonNode array = array(name, min, max);
        if (array == null) {
            return List.of();
        }
        List<ObjectFields> elements = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            ObjectFields element = of(array.get(i), path(name) + "/" + i, problems, known);
            if (element == null) {
                markInvalid(name);
            } else {
                elements.add(element);
            }
        }
        return elements;
    }

    /** A required array of {@code min}…{@code max} strings, each non-blank if asked. */
    List<String> strings(String name, int min, int max, boolean nonBlank) {
        JsonNode array = array(name, min, max);
        if (array == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            String elementPath = path(name) + "/" + i;
            if (!element.isString()) {
                markInvalid(name);
                problems.add(new Problem(elementPath, "must be a string, got " + ValueText.of(element)));
            } else if (nonBlank && element.stringValue().isBlank()) {
                markInvalid(name);
                problems.add(new Problem(elementPath, "must not be blank"));
            } else {
                strings.add(element.stringValue());
            }
        }
        return valid(name) ? strings : List.of();
    }

    List<String> optionalStrings(String name, int max) {
        return isPresent(name) ? strings(name, 0, max, false) : List.of();
    }

    private JsonNode array(String name, int min, int max) {
        JsonNode value = required(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            problem(name, "must be an array, got " + ValueText.of(value));
            return null;
        }
        if (value.size() < min || value.size() > max) {
            String bounds = min == 0 ? "at most " + max : min + "–" + max;
            problem(name, "must have " + bounds + " entries, got " + value.size());
            return null;
        }
        return value;
    }

    private void markInvalid(String name) {
        if (invalid == null) {
            invalid = new HashSet<>(4);
        }
        invalid.add(name);
    }

    /** The value of a required field, or null after reporting that it is missing. */
    private JsonNode required(String name) {
        JsonNode value = object.get(name);
        if (value == null) {
            problem(name, "is required");
        }
        return value;
    }
}
