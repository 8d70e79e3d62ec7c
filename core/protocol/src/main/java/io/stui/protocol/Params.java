package io.stui.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A request's parameters object as read from the stream: its members in order, each value a tree
 * node. Looked up by linear scan, because a parameters object has a handful of members; that saves
 * the hash map an {@code ObjectNode} builds per request, on the path every request takes. A duplicate
 * key is an {@code InvalidRequest}, found with a hash set once an object is large enough for scans to cost.
 */
final class Params {
    /** Above this many members, duplicates are found through a hash map rather than by scanning. */
    private static final int SCAN_LIMIT = 8;

    private String[] names = new String[4];
    private JsonNode[] values = new JsonNode[4];
    private int size;
    private Map<String, Integer> index;

    private Params() {}

    /** Reads the object whose START_OBJECT is the current token; leaves the parser on its END_OBJECT. */
    static Params read(JsonParser p) throws IOException {
        Params params = new Params();
        String name;
        while ((name = p.nextFieldName()) != null) {
            params.add(name, TreeReader.readValue(p, p.nextToken()));
        }
        return params;
    }

    private void add(String name, JsonNode value) {
        if (indexOf(name) >= 0) {
            throw StuiException.invalidField(
                    name, "Duplicate key '" + StuiException.shown(name) + "' in a request object.");
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        if (index != null) {
            index.put(name, size);
        } else if (size == SCAN_LIMIT) {
            index = new HashMap<>();
            for (int i = 0; i <= size; i++) {
                index.put(names[i], i);
            }
        }
        size++;
    }

    private int indexOf(String name) {
        if (index != null) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The value of member {@code name} (JSON null included), or null when absent. */
    JsonNode get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }
}
