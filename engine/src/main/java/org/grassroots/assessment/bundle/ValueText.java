package org.grassroots.assessment.bundle;

import tools.jackson.databind.JsonNode;

/** How a JSON value is shown inside a message: short, and never the whole of a long value. */
final class ValueText {

    private static final int MAX_CODE_POINTS = 40;

    private ValueText() {
    }

    static String of(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isString()) {
            return quote(value.stringValue());
        }
        if (value.isIntegralNumber()) {
            return truncate(value.bigIntegerValue().toString());
        }
        if (value.isNumber()) {
            return truncate(value.decimalValue().toString());
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        return value.isArray() ? "an array" : "an object";
    }

    static String quote(String text) {
        return "\"" + truncate(text) + "\"";
    }

    private static String truncate(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_CODE_POINTS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CODE_POINTS)) + "…";
    }
}
