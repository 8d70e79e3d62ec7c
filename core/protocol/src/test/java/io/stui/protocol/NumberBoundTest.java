package io.stui.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbers are refused before they are converted when they are longer than any 64-bit integer or
 * double: a frame of a million digits is answered at once with a short error that does not echo it.
 */
class NumberBoundTest {
    private static final ProtocolCodec CODEC = ProtocolCodec.INSTANCE;
    /** A million digits: about the 1 MiB frame limit, and tens of seconds to convert to a BigInteger. */
    static final String MILLION_DIGITS = "9".repeat(1_000_000);

    static Stream<Arguments> hugeNumbers() {
        String n = MILLION_DIGITS;
        return Stream.of(
                Arguments.of("command id", "{\"id\":" + n + ",\"command\":\"ping\"}"),
                Arguments.of(
                        "command parameter the command reads",
                        "{\"id\":\"a\",\"command\":\"inspect\"," + "\"parameters\":{\"object_id\":\"o\",\"depth\":" + n
                                + "}}"),
                Arguments.of(
                        "command parameter nobody reads",
                        "{\"id\":\"b\",\"command\":\"ping\"," + "\"parameters\":{\"ignored\":" + n + "}}"),
                Arguments.of(
                        "negative number in an ignored top-level field",
                        "{\"id\":\"c\",\"command\":\"ping\"," + "\"extra\":[1,2,{\"x\":-" + n + "}]}"),
                Arguments.of(
                        "fraction digits", "{\"id\":\"d\",\"command\":\"ping\",\"parameters\":{\"f\":1." + n + "}}"),
                Arguments.of(
                        "inside state_data",
                        "{\"id\":\"e\",\"command\":\"update_session_state\","
                                + "\"parameters\":{\"session_id\":\"s\",\"state_data\":{\"deep\":[[{\"k\":" + n
                                + "}]]}}}"),
                Arguments.of(
                        "envelope id",
                        "{\"id\":" + n + ",\"version\":\"1.0.0\",\"payload\":{\"type\":"
                                + "\"Request\",\"data\":{\"request_type\":\"Ping\",\"params\":{}}}}"),
                Arguments.of(
                        "envelope params field nobody reads",
                        "{\"id\":\"f\",\"version\":\"1.0.0\","
                                + "\"payload\":{\"type\":\"Request\",\"data\":{\"request_type\":\"Ping\","
                                + "\"params\":{\"ignored\":" + n + "}}}}"),
                Arguments.of(
                        "25 digits",
                        "{\"id\":\"g\",\"command\":\"ping\",\"parameters\":{\"x\":" + "1".repeat(25) + "}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeNumbers")
    void aNumberLongerThanAnyLongOrDoubleIsRefusedWithAShortAnswer(String where, String frame) {
        Decoded d = CODEC.decode(frame.getBytes(StandardCharsets.UTF_8));
        Decoded.Failed failed = assertInstanceOf(Decoded.Failed.class, d, where);
        assertEquals(ErrorCode.INVALID_REQUEST, failed.error().code());
        assertEquals(NumberBound.MESSAGE, failed.error().getMessage());
        byte[] answer = CODEC.encodeError(failed.meta(), failed.error());
        assertTrue(answer.length < 600, "the answer does not echo the number: " + answer.length + " bytes");
    }

    @Test
    void anIdBeyond64BitsIsRefusedWithoutEchoingIt() {
        Decoded d = CODEC.decode(q("{'id': 99999999999999999999, 'command': 'ping'}"));
        Decoded.Failed failed = assertInstanceOf(Decoded.Failed.class, d);
        assertEquals(ErrorCode.INVALID_REQUEST, failed.error().code());
        assertEquals("id", failed.error().field());
        assertTrue(
                failed.error().getMessage().contains("64-bit"), failed.error().getMessage());
        assertTrue(!failed.error().getMessage().contains("9999"), failed.error().getMessage());
    }

    @Test
    void every64BitIdAndAPreciseDoubleAreStillAccepted() {
        for (long id : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0}) {
            Decoded d = CODEC.decode(q("{'id': " + id + ", 'command': 'ping'}"));
            assertEquals(id, assertInstanceOf(Decoded.Ok.class, d).meta().id());
        }
        Decoded d = CODEC.decode(
                q(
                        "{'id': 'p', 'command': 'ping', 'parameters': {'x': -1.2345678901234567E-308, 'y': 12345678901234567890}}"));
        assertInstanceOf(Decoded.Ok.class, d);
    }

    private static byte[] q(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }
}
