package io.stui.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * JSON text to trees and back with the protocol's streaming factory, for the JSON the server keeps
 * (client state, context metadata) and reads (a configuration file). It does what an
 * {@code ObjectMapper}'s {@code readTree} and {@code writeValueAsString} did there without building
 * one, which would load the mapper's classes into a server that otherwise never needs them
 * ({@link ResultWriter} says why that matters).
 */
public final class JsonText {
    private JsonText() {}

    /**
     * Parses one JSON value; only whitespace may follow it.
     *
     * @throws IOException saying what is wrong and where (Jackson's message), or naming a duplicate key
     */
    public static JsonNode parse(String json) throws IOException {
        try (JsonParser p = ProtocolJson.factory().createParser(json)) {
            return parse(p);
        }
    }

    /** As {@link #parse(String)}, from UTF-8 bytes (an answer frame). */
    public static JsonNode parse(byte[] json) throws IOException {
        try (JsonParser p = ProtocolJson.factory().createParser(json)) {
            return parse(p);
        }
    }

    private static JsonNode parse(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new IOException("No JSON value (the text is empty)");
        }
        JsonNode value;
        try {
            value = TreeReader.readValue(p, first);
        } catch (StuiException e) {
            Object field = e.details().get("field");
            throw new IOException(field == null ? e.getMessage() : "Duplicate key '" + field + "'", e);
        }
        if (p.nextToken() != null) {
            JsonLocation at = p.currentTokenLocation();
            throw new IOException(
                    "More after the JSON value (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        return value;
    }

    /** {@code value} as compact JSON text: a JSON tree, or strings, numbers, booleans, lists and maps of them. */
    public static String write(Object value) {
        return write(value, false);
    }

    /** As {@link #write(Object)}, indented as Jackson's default pretty printer does ({@code stui call}'s output). */
    public static String writePretty(Object value) {
        return write(value, true);
    }

    private static String write(Object value, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = ProtocolJson.factory().createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            ResultWriter.write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write JSON", e); // a string writer does not fail
        }
        return out.toString();
    }
}
