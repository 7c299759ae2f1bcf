package org.grassroots.assessment.server.selfreport;

import java.math.BigDecimal;
import org.grassroots.assessment.server.importing.xlsx.Column;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A fact's value as a self-report stores it (the bundle's JSON scalar as text: {@code 12},
 * {@code true}, {@code 0.92}, {@code NONE}), as the bundle record needs it, and as people read it
 * (是/否, a choice's Chinese label).
 */
final class FactValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FactValues() {
    }

    /**
     * The stored text of a value (read from a form field, or from the facts on record): numbers in
     * plain notation without trailing zeros, so that 0.0 on record and 0 typed are the same value.
     */
    static String stored(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return value.asString();
    }

    /** The bundle value of a stored text (checked when it was stored). */
    static JsonNode node(Column column, String stored) {
        return switch (column.kind()) {
            case INTEGER, NUMBER, RATE, MONEY -> NODES.numberNode(new BigDecimal(stored));
            case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(stored));
            default -> NODES.stringNode(stored);
        };
    }

    /** How people read a stored value; empty for none. */
    static String shown(Column column, String stored) {
        if (stored == null) {
            return "";
        }
        return switch (column.kind()) {
            case BOOLEAN -> Boolean.parseBoolean(stored) ? "是" : "否";
            case CHOICE -> column.labelOf(stored);
            default -> stored;
        };
    }
}
