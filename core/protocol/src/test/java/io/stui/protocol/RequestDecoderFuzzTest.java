package io.stui.protocol;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * The request decoder against arbitrary frames (Jazzer). Whatever arrives, decoding answers a request or an error
 * (never throws), the error text stays short whatever the request held, and the answer encodes to one JSON
 * object. In the normal test run only the committed inputs under {@code RequestDecoderFuzzTestInputs/} are replayed;
 * {@code JAZZER_FUZZ=1} fuzzes (./test.sh does for a few seconds, {@code bench/fuzz.sh} for longer).
 */
class RequestDecoderFuzzTest {

    private static final ProtocolCodec CODEC = ProtocolCodec.INSTANCE;
    /** Error texts name a field or a reason; a request can be 1 MiB, its error must not be. */
    private static final int MAX_ERROR_TEXT = 1024;

    @FuzzTest(maxDuration = "5s")
    void anyFrameGetsOneBoundedAnswer(byte[] frame) {
        answerIsBounded(frame);
    }

    /**
     * Frames shaped like requests of either encoding, with fuzzed commands, parameter names and values, so the
     * fuzzer spends its time past the JSON syntax, in the parameter readers.
     */
    @FuzzTest(maxDuration = "5s")
    void requestShapedFramesGetOneBoundedAnswer(FuzzedDataProvider data) {
        Command[] commands = Command.values();
        Command command = commands[data.consumeInt(0, commands.length - 1)];
        boolean envelope = data.consumeBoolean();
        StringBuilder params = new StringBuilder("{");
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            if (i > 0) params.append(',');
            params.append('"').append(jsonEscape(data.consumeString(24))).append("\":");
            params.append(value(data, 3));
        }
        params.append('}');
        String frame = envelope
                ? "{\"id\":\"" + jsonEscape(data.consumeString(40)) + "\",\"version\":\"1.0\",\"timestamp\":\"t\","
                        + "\"payload\":{\"type\":\"Request\",\"data\":{\"request_type\":\""
                        + command.pascalName() + "\",\"params\":" + params + "}}}"
                : "{\"id\":" + value(data, 0) + ",\"command\":\"" + command.snakeName() + "\",\"parameters\":" + params
                        + "}";
        answerIsBounded(frame.getBytes(StandardCharsets.UTF_8));
    }

    private static void answerIsBounded(byte[] frame) {
        Decoded decoded = CODEC.decode(frame);
        assertNotNull(decoded.meta());
        if (decoded instanceof Decoded.Failed failed) {
            String text = failed.error().getMessage();
            assertTrue(text.length() <= MAX_ERROR_TEXT, () -> "error text of " + text.length() + " characters");
            JsonNode answer = Json.tree(CODEC.encodeError(failed.meta(), failed.error()));
            assertTrue(answer.isObject(), answer::toString);
        }
    }

    /** A JSON value: scalars of every type, long numbers included, and nested objects and arrays. */
    private static String value(FuzzedDataProvider data, int depth) {
        switch (data.consumeInt(0, depth > 0 ? 7 : 5)) {
            case 0:
                return Long.toString(data.consumeLong());
            case 1:
                return "\"" + jsonEscape(data.consumeString(64)) + "\"";
            case 2:
                return data.consumeBoolean() ? "true" : "null";
            case 3:
                return Double.toString(data.consumeDouble());
            case 4:
                return "1" + "0".repeat(data.consumeInt(0, 4000));
            case 5:
                return "-" + data.consumeInt(0, 9) + "." + data.consumeInt(0, Integer.MAX_VALUE) + "e"
                        + data.consumeInt(-400, 400);
            case 6: {
                StringBuilder a = new StringBuilder("[");
                int n = data.consumeInt(0, 4);
                for (int i = 0; i < n; i++) a.append(i > 0 ? "," : "").append(value(data, depth - 1));
                return a.append(']').toString();
            }
            default: {
                StringBuilder o = new StringBuilder("{");
                int n = data.consumeInt(0, 4);
                for (int i = 0; i < n; i++) {
                    o.append(i > 0 ? "," : "")
                            .append('"')
                            .append(jsonEscape(data.consumeString(12)))
                            .append("\":");
                    o.append(value(data, depth - 1));
                }
                return o.append('}').toString();
            }
        }
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }
}
