package io.stui.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Typed, strict access to one request's parameters object. Absent and JSON null both mean "not
 * given"; a value of the wrong JSON type is an {@code InvalidRequest} naming the parameter. No
 * coercion: {@code "1"} is not a number and {@code 1} is not a boolean.
 */
final class ParamReader {
    private final Params params;
    private final String command;

    ParamReader(Params params, String command) {
        this.params = params;
        this.command = command;
    }

    private JsonNode get(String name) {
        if (params == null) {
            return null;
        }
        JsonNode n = params.get(name);
        return n == null || n.isNull() ? null : n;
    }

    boolean has(String name) {
        return get(name) != null;
    }

    String string(String name) {
        return string(name, get(name));
    }

    String string(String name, JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw wrongType(name, "a string", n);
        }
        return n.textValue();
    }

    String requiredString(String name) {
        String s = string(name);
        if (s == null) {
            throw missing(name);
        }
        return s;
    }

    boolean bool(String name, boolean dflt) {
        JsonNode n = get(name);
        if (n == null) {
            return dflt;
        }
        if (!n.isBoolean()) {
            throw wrongType(name, "true or false", n);
        }
        return n.booleanValue();
    }

    Integer integer(String name) {
        return integer(name, get(name));
    }

    Integer integer(String name, JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber()) {
            throw wrongType(name, "an integer", n);
        }
        if (!n.canConvertToInt()) {
            throw StuiException.invalidField(
                    name, "Parameter '" + name + "' of " + command + " is out of range: " + n.asText() + ".");
        }
        return n.intValue();
    }

    int integer(String name, int dflt) {
        Integer v = integer(name);
        return v == null ? dflt : v;
    }

    ObjectNode object(String name) {
        JsonNode n = get(name);
        if (n == null) {
            return null;
        }
        if (!n.isObject()) {
            throw wrongType(name, "a JSON object", n);
        }
        return (ObjectNode) n;
    }

    JsonNode raw(String name) {
        return get(name);
    }

    StuiException missing(String name) {
        return StuiException.invalidField(name, "Missing required parameter '" + name + "' for " + command + ".");
    }

    StuiException wrongType(String name, String expected, JsonNode got) {
        return StuiException.invalidField(
                name,
                "Parameter '" + name + "' of " + command + " must be " + expected + ", got " + typeName(got) + ".");
    }

    static String typeName(JsonNode n) {
        return switch (n.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NULL, MISSING -> "null";
            case BINARY -> "binary data";
        };
    }
}
