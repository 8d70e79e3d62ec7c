package io.stui.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads the JSON value at the parser's current token into a tree, straight from the streaming
 * parser: no databind context per call, which is most of what {@code readValueAsTree} costs on a
 * small parameters object. A duplicate key is an {@code InvalidRequest}; nesting depth is checked
 * by the parser.
 */
final class TreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TreeReader() {}

    /** Reads the object whose START_OBJECT is the current token; leaves the parser on its END_OBJECT. */
    static ObjectNode readObject(JsonParser p) throws IOException {
        ObjectNode node = NODES.objectNode();
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (node.replace(name, readValue(p, p.nextToken())) != null) {
                throw StuiException.invalidField(
                        name, "Duplicate key '" + StuiException.shown(name) + "' in a request object.");
            }
        }
        return node;
    }

    private static ArrayNode readArray(JsonParser p) throws IOException {
        ArrayNode node = NODES.arrayNode();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            node.add(readValue(p, t));
        }
        return node;
    }

    /** Reads the value whose first token is {@code t}. */
    static JsonNode readValue(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> readObject(p);
            case START_ARRAY -> readArray(p);
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> {
                NumberBound.check(p, t);
                yield switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                NumberBound.check(p, t);
                yield NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("Unexpected JSON token " + t);
        };
    }
}
