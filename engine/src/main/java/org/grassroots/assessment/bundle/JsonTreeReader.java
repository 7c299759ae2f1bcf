package org.grassroots.assessment.bundle;

import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads one JSON value (one record) from a streaming parser into a small tree.
 *
 * <p>Hand-rolled instead of {@code ObjectMapper.readTree} for two reasons: a duplicate key must
 * become a problem (Jackson either keeps the last value silently or aborts the whole stream), and
 * numbers must keep their JSON form exactly (integer token or not, every decimal digit) so that
 * "must be an integer" and "at most 2 decimals" are decided on what was written.
 */
final class JsonTreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonParser parser;

    JsonTreeReader(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Reads the value whose first token is the parser's current token, leaving the parser on its
     * last token. Duplicate keys are added to {@code problems}; the first occurrence is kept.
     */
    JsonNode read(List<Problem> problems) {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readObject(problems);
            case START_ARRAY:
                return readArray(problems);
            case VALUE_STRING:
                return StringNode.valueOf(parser.getString());
            case VALUE_NUMBER_INT:
                return readInteger();
            case VALUE_NUMBER_FLOAT:
                return DecimalNode.valueOf(parser.getDecimalValue());
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NULL:
                return NullNode.getInstance();
            default:
                throw new IllegalStateException("unexpected token " + token);
        }
    }

    private ObjectNode readObject(List<Problem> problems) {
        // fields in two small arrays instead of ObjectNode's LinkedHashMap (RecordFields says why)
        RecordFields fields = new RecordFields();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            if (fields.containsKey(name)) {
                // Taken on the name token: there the context path ends with this very name.
                String path = parser.streamReadContext().pathAsPointer().toString();
                problems.add(new Problem(path, "duplicate key " + ValueText.quote(name)));
                parser.nextToken();
                parser.skipChildren();
            } else {
                parser.nextToken();
                fields.append(name, read(problems));
            }
        }
        return new ObjectNode(NODES, fields);
    }

    private ArrayNode readArray(List<Problem> problems) {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(read(problems));
        }
        return array;
    }

    private JsonNode readInteger() {
        switch (parser.getNumberType()) {
            case INT:
                return IntNode.valueOf(parser.getIntValue());
            case LONG:
                return LongNode.valueOf(parser.getLongValue());
            default:
                return BigIntegerNode.valueOf(parser.getBigIntegerValue());
        }
    }
}
