package io.stui.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helpers: JSON written with single quotes for readability, and parsing answers. */
final class Json {
    private Json() {}

    /** {@code {'a': 'b'}} to {@code {"a": "b"}} as UTF-8 bytes (no single quotes inside values, please). */
    static byte[] q(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode tree(byte[] json) {
        try {
            return ProtocolJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Decoded.Ok ok(byte[] frame) {
        Decoded d = ProtocolCodec.INSTANCE.decode(frame);
        if (d instanceof Decoded.Ok ok) {
            return ok;
        }
        throw new AssertionError("expected a valid request, got " + d);
    }

    static Decoded.Failed failed(byte[] frame) {
        Decoded d = ProtocolCodec.INSTANCE.decode(frame);
        if (d instanceof Decoded.Failed f) {
            return f;
        }
        throw new AssertionError("expected a failed decode, got " + d);
    }
}
