package io.stui.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * The decoder's fast path for the common request shape, {@code {"id":..,"command":"..","parameters":{..}}}
 * in the command encoding: reads it without creating a Jackson parser (which costs about a dozen
 * objects per request). It accepts only a strict subset (top-level keys id, command and parameters,
 * each at most once; strings without escapes or control characters; integers of up to 18 digits;
 * true, false, null; objects and arrays nested at most {@link #MAX_DEPTH} deep, without duplicate
 * keys) and fills the frame exactly as the Jackson path would. Anything else, valid or not,
 * returns false and the caller decodes the whole frame with Jackson, which owns every error message.
 * The input must already be valid UTF-8.
 */
final class SimpleRequestScanner {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;
    private static final byte[] ID = {'i', 'd'};
    private static final byte[] COMMAND = "command".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PARAMETERS = "parameters".getBytes(StandardCharsets.US_ASCII);

    /** "Not in the subset": one shared instance without a stack trace, so a fallback costs no allocation. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    private final byte[] b;
    private final int end;
    private int i;

    private SimpleRequestScanner(byte[] buf, int off, int len) {
        this.b = buf;
        this.i = off;
        this.end = off + len;
    }

    /** Fills {@code f} from the frame and returns true, or returns false (f then holds partial data: discard it). */
    static boolean scan(byte[] buf, int off, int len, ProtocolCodec.Frame f) {
        try {
            return new SimpleRequestScanner(buf, off, len).top(f);
        } catch (Unsupported e) {
            return false;
        }
    }

    private boolean top(ProtocolCodec.Frame f) {
        ws();
        expect('{');
        ws();
        if (peek() == '}') {
            i++;
        } else {
            while (true) {
                int keyStart = stringBody();
                int keyEnd = i - 1;
                ws();
                expect(':');
                ws();
                if (is(keyStart, keyEnd, ID)) {
                    once(f, 1);
                    f.id = switch (peek()) {
                        case '"' -> string();
                        case 'n' -> {
                            literal("null");
                            yield null;
                        }
                        default -> integer(); // Jackson's path reads INT and LONG ids as a Long too
                    };
                } else if (is(keyStart, keyEnd, COMMAND)) {
                    once(f, 2);
                    if (peek() != '"') {
                        throw UNSUPPORTED;
                    }
                    f.sawCommand = true;
                    f.command = string();
                } else if (is(keyStart, keyEnd, PARAMETERS)) {
                    once(f, 4);
                    if (peek() != '{') {
                        throw UNSUPPORTED;
                    }
                    f.parameters = object(1);
                } else {
                    throw UNSUPPORTED;
                }
                ws();
                byte c = next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw UNSUPPORTED;
                }
                ws();
            }
        }
        ws();
        return i == end;
    }

    private static void once(ProtocolCodec.Frame f, int bit) {
        if ((f.seen & bit) != 0) {
            throw UNSUPPORTED;
        }
        f.seen |= bit;
    }

    private ObjectNode object(int depth) {
        if (depth > MAX_DEPTH) {
            throw UNSUPPORTED;
        }
        expect('{');
        ObjectNode node = NODES.objectNode();
        ws();
        if (peek() == '}') {
            i++;
            return node;
        }
        while (true) {
            String name = string();
            ws();
            expect(':');
            ws();
            if (node.replace(name, value(depth)) != null) {
                throw UNSUPPORTED; // duplicate key: Jackson's path words the error
            }
            ws();
            byte c = next();
            if (c == '}') {
                return node;
            }
            if (c != ',') {
                throw UNSUPPORTED;
            }
            ws();
        }
    }

    private ArrayNode array(int depth) {
        if (depth > MAX_DEPTH) {
            throw UNSUPPORTED;
        }
        expect('[');
        ArrayNode node = NODES.arrayNode();
        ws();
        if (peek() == ']') {
            i++;
            return node;
        }
        while (true) {
            node.add(value(depth));
            ws();
            byte c = next();
            if (c == ']') {
                return node;
            }
            if (c != ',') {
                throw UNSUPPORTED;
            }
            ws();
        }
    }

    private JsonNode value(int depth) {
        return switch (peek()) {
            case '"' -> NODES.textNode(string());
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case 't' -> {
                literal("true");
                yield NODES.booleanNode(true);
            }
            case 'f' -> {
                literal("false");
                yield NODES.booleanNode(false);
            }
            case 'n' -> {
                literal("null");
                yield NODES.nullNode();
            }
            default -> {
                long v = integer();
                // as Jackson's number type: INT when the value fits an int, else LONG
                yield v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
            }
        };
    }

    /** An integer of 1 to 18 digits, optionally negative, no leading zero, followed by a delimiter. */
    private long integer() {
        boolean negative = peek() == '-';
        if (negative) {
            i++;
        }
        int start = i;
        long v = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            v = v * 10 + (b[i] - '0');
            i++;
        }
        int digits = i - start;
        if (digits == 0 || digits > 18 || (digits > 1 && b[start] == '0')) {
            throw UNSUPPORTED;
        }
        delimiter();
        return negative ? -v : v;
    }

    /** Skips the literal (followed by a delimiter); anything else is not in the subset. */
    private void literal(String word) {
        int n = word.length();
        if (end - i < n) {
            throw UNSUPPORTED;
        }
        for (int k = 0; k < n; k++) {
            if (b[i + k] != word.charAt(k)) {
                throw UNSUPPORTED;
            }
        }
        i += n;
        delimiter();
    }

    /** After a number or literal: whitespace, ',', '}', ']' or the end (Jackson rejects e.g. {@code 12x} or {@code 1.5}). */
    private void delimiter() {
        if (i < end) {
            byte c = b[i];
            if (!(c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
                throw UNSUPPORTED;
            }
        }
    }

    private String string() {
        int start = stringBody();
        return new String(b, start, i - 1 - start, StandardCharsets.UTF_8);
    }

    /** Skips a string without escapes or control characters; returns where its content starts (i is past the closing quote). */
    private int stringBody() {
        expect('"');
        int start = i;
        while (true) {
            if (i >= end) {
                throw UNSUPPORTED;
            }
            byte c = b[i++];
            if (c == '"') {
                return start;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                throw UNSUPPORTED;
            }
        }
    }

    private boolean is(int start, int stop, byte[] word) {
        if (stop - start != word.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (b[start + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    private void ws() {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }

    private byte peek() {
        if (i >= end) {
            throw UNSUPPORTED;
        }
        return b[i];
    }

    private byte next() {
        byte c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw UNSUPPORTED;
        }
    }
}
