package io.stui.protocol;

import static io.stui.protocol.Json.failed;
import static io.stui.protocol.Json.ok;
import static io.stui.protocol.Json.q;
import static io.stui.protocol.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Frames that are not valid requests still decode to an error answer, echoing what could be recovered. */
class BadInputTest {
    private static final ProtocolCodec CODEC = ProtocolCodec.INSTANCE;

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    /** A command-encoding ping whose message contains these raw bytes. */
    private static byte[] pingWithRawBytes(int... raw) {
        byte[] head =
                "{\"id\":\"u8\",\"command\":\"ping\",\"parameters\":{\"message\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + raw.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = 0; i < raw.length; i++) {
            out[head.length + i] = (byte) raw[i];
        }
        System.arraycopy(tail, 0, out, head.length + raw.length, tail.length);
        return out;
    }

    /** An evaluate with {@code count} extra parameters p0, p1, ... and then {@code repeated} once more. */
    private static byte[] manyParameters(int count, String repeated) {
        StringBuilder json =
                new StringBuilder("{\"id\":\"d5\",\"command\":\"evaluate\",\"parameters\":{\"code\":\"1\"");
        for (int i = 0; i < count; i++) {
            json.append(",\"p").append(i).append("\":").append(i);
        }
        json.append(",\"").append(repeated).append("\":true}}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** frame, expected field named (or null), expected echoed id (or null), expected answer encoding. */
    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("empty frame", new byte[0], null, null, Encoding.COMMAND),
                Arguments.of("whitespace only", q("  \n "), null, null, Encoding.COMMAND),
                Arguments.of("not JSON", q("hello"), null, null, Encoding.COMMAND),
                Arguments.of(
                        "truncated JSON keeps the id",
                        q("{'id': 'k1', 'command': 'ping', "),
                        null,
                        "k1",
                        Encoding.COMMAND),
                Arguments.of("array", q("[{'id': 'a'}]"), null, null, Encoding.COMMAND),
                Arguments.of("string", q("'ping'"), null, null, Encoding.COMMAND),
                Arguments.of("number", q("42"), null, null, Encoding.COMMAND),
                Arguments.of("trailing data", q("{'id': 't', 'command': 'ping'} {}"), null, "t", Encoding.COMMAND),
                Arguments.of(
                        "duplicate command",
                        q("{'id': 'd', 'command': 'ping', 'command': 'evaluate'}"),
                        "command",
                        "d",
                        Encoding.COMMAND),
                Arguments.of(
                        "duplicate parameter",
                        q("{'id': 'd2', 'command': 'evaluate', 'parameters': " + "{'code': '1', 'code': '2'}}"),
                        "code",
                        "d2",
                        Encoding.COMMAND),
                Arguments.of("duplicate among many parameters", manyParameters(40, "p3"), "p3", "d5", Encoding.COMMAND),
                Arguments.of(
                        "duplicate of the first of many", manyParameters(40, "code"), "code", "d5", Encoding.COMMAND),
                Arguments.of(
                        "duplicate nested key",
                        q("{'id': 'd3', 'command': 'update_session_state', 'parameters': "
                                + "{'session_id': 's', 'state_data': {'a': 1, 'a': 2}}}"),
                        "a",
                        "d3",
                        Encoding.COMMAND),
                Arguments.of(
                        "duplicate envelope params",
                        q("{'id': 'd4', 'version': '1.0.0', 'payload': {'type': "
                                + "'Request', 'data': {'request_type': 'Ping', 'params': {}, 'params': {}}}}"),
                        "params",
                        "d4",
                        Encoding.ENVELOPE),
                Arguments.of(
                        "UTF-16 text",
                        "{\"command\":\"ping\"}".getBytes(StandardCharsets.UTF_16LE),
                        null,
                        null,
                        Encoding.COMMAND),
                Arguments.of("lone continuation byte", pingWithRawBytes(0x80), null, "u8", Encoding.COMMAND),
                Arguments.of("overlong slash", pingWithRawBytes(0xC0, 0xAF), null, "u8", Encoding.COMMAND),
                Arguments.of("overlong 3-byte", pingWithRawBytes(0xE0, 0x80, 0xAF), null, "u8", Encoding.COMMAND),
                Arguments.of("UTF-16 surrogate", pingWithRawBytes(0xED, 0xA0, 0x80), null, "u8", Encoding.COMMAND),
                Arguments.of("above U+10FFFF", pingWithRawBytes(0xF4, 0x90, 0x80, 0x80), null, "u8", Encoding.COMMAND),
                Arguments.of("byte 0xFF", pingWithRawBytes(0xFF), null, "u8", Encoding.COMMAND),
                Arguments.of(
                        "truncated sequence at end",
                        bytes('{', '"', 'a', '"', ':', '"', 0xE2, 0x82),
                        null,
                        null,
                        Encoding.COMMAND),
                Arguments.of(
                        "no command at all", q("{'id': 'n1', 'parameters': {}}"), "command", "n1", Encoding.COMMAND),
                Arguments.of(
                        "unknown command",
                        q("{'id': 'x1', 'command': 'frobnicate'}"),
                        "command",
                        "x1",
                        Encoding.COMMAND),
                Arguments.of(
                        "unknown envelope request_type",
                        q("{'id': 'x2', 'version': '1.0.0', 'payload': {'type': "
                                + "'Request', 'data': {'request_type': 'Frobnicate'}}}"),
                        "request_type",
                        "x2",
                        Encoding.ENVELOPE),
                Arguments.of("command is a number", q("{'id': 'c', 'command': 5}"), "command", "c", Encoding.COMMAND),
                Arguments.of(
                        "parameters is an array",
                        q("{'id': 'p', 'command': 'ping', 'parameters': []}"),
                        "parameters",
                        "p",
                        Encoding.COMMAND),
                Arguments.of("id is an object", q("{'id': {'a': 1}, 'command': 'ping'}"), "id", null, Encoding.COMMAND),
                Arguments.of("id is fractional", q("{'id': 1.5, 'command': 'ping'}"), "id", null, Encoding.COMMAND),
                Arguments.of(
                        "code is a number",
                        q("{'id': 'e1', 'command': 'evaluate', 'parameters': {'code': 5}}"),
                        "code",
                        "e1",
                        Encoding.COMMAND),
                Arguments.of(
                        "code missing",
                        q("{'id': 'e2', 'command': 'evaluate', 'parameters': {}}"),
                        "code",
                        "e2",
                        Encoding.COMMAND),
                Arguments.of(
                        "code missing, no parameters",
                        q("{'id': 'e3', 'command': 'evaluate'}"),
                        "code",
                        "e3",
                        Encoding.COMMAND),
                Arguments.of(
                        "return_string is a string",
                        q("{'id': 'e4', 'command': 'evaluate', 'parameters': "
                                + "{'code': '1', 'return_string': 'yes'}}"),
                        "return_string",
                        "e4",
                        Encoding.COMMAND),
                Arguments.of(
                        "depth is a string",
                        q("{'id': 'i1', 'command': 'inspect', 'parameters': " + "{'target': '1', 'depth': '2'}}"),
                        "depth",
                        "i1",
                        Encoding.COMMAND),
                Arguments.of(
                        "depth is fractional",
                        q("{'id': 'i2', 'command': 'inspect', 'parameters': " + "{'target': '1', 'depth': 1.5}}"),
                        "depth",
                        "i2",
                        Encoding.COMMAND),
                Arguments.of(
                        "depth out of range",
                        q("{'id': 'i3', 'command': 'inspect', 'parameters': " + "{'target': '1', 'depth': -1}}"),
                        "depth",
                        "i3",
                        Encoding.COMMAND),
                Arguments.of(
                        "depth beyond int",
                        q("{'id': 'i4', 'command': 'inspect', 'parameters': "
                                + "{'target': '1', 'depth': 99999999999}}"),
                        "depth",
                        "i4",
                        Encoding.COMMAND),
                Arguments.of(
                        "inspect without target",
                        q("{'id': 'i5', 'command': 'inspect', 'parameters': {}}"),
                        "target",
                        "i5",
                        Encoding.COMMAND),
                Arguments.of(
                        "inspect with both",
                        q("{'id': 'i6', 'command': 'inspect', 'parameters': " + "{'target': '1', 'object_id': 'o1'}}"),
                        "object_id",
                        "i6",
                        Encoding.COMMAND),
                Arguments.of(
                        "class_name missing",
                        q("{'id': 'b1', 'command': 'browse_class'}"),
                        "class_name",
                        "b1",
                        Encoding.COMMAND),
                Arguments.of(
                        "class_name blank",
                        q("{'id': 'b2', 'command': 'browse_class', 'parameters': " + "{'class_name': ' '}}"),
                        "class_name",
                        "b2",
                        Encoding.COMMAND),
                Arguments.of(
                        "method_name missing",
                        q("{'id': 'g1', 'command': 'get_method', 'parameters': " + "{'class_name': 'Object'}}"),
                        "method_name",
                        "g1",
                        Encoding.COMMAND),
                Arguments.of(
                        "limit negative",
                        q("{'id': 'l1', 'command': 'list_classes', 'parameters': " + "{'limit': -5}}"),
                        "limit",
                        "l1",
                        Encoding.COMMAND),
                Arguments.of(
                        "info_type unknown",
                        q("{'id': 's1', 'command': 'system_info', 'parameters': " + "{'info_type': 'Secrets'}}"),
                        "info_type",
                        "s1",
                        Encoding.COMMAND),
                Arguments.of(
                        "client_id missing",
                        q("{'id': 'cs1', 'command': 'create_session', 'parameters': {}}"),
                        "client_id",
                        "cs1",
                        Encoding.COMMAND),
                Arguments.of(
                        "client_id bad format",
                        q("{'id': 'cs2', 'command': 'create_session', 'parameters': "
                                + "{'client_id': 'has spaces/and slashes'}}"),
                        "client_id",
                        "cs2",
                        Encoding.COMMAND),
                Arguments.of(
                        "client_id a number",
                        q("{'id': 'cs3', 'command': 'create_session', 'parameters': " + "{'client_id': 7}}"),
                        "client_id",
                        "cs3",
                        Encoding.COMMAND),
                Arguments.of(
                        "session_id missing",
                        q("{'id': 'r1', 'command': 'restore_session'}"),
                        "session_id",
                        "r1",
                        Encoding.COMMAND),
                Arguments.of(
                        "session_id a number",
                        q("{'id': 'r2', 'command': 'close_session', 'parameters': " + "{'session_id': 3}}"),
                        "session_id",
                        "r2",
                        Encoding.COMMAND),
                Arguments.of(
                        "session_id bad format",
                        q("{'id': 'r3', 'command': 'save_context', 'parameters': " + "{'session_id': '../../etc'}}"),
                        "session_id",
                        "r3",
                        Encoding.COMMAND),
                Arguments.of(
                        "state_data missing",
                        q("{'id': 'u1', 'command': 'update_session_state', 'parameters': " + "{'session_id': 's'}}"),
                        "state_data",
                        "u1",
                        Encoding.COMMAND),
                Arguments.of(
                        "state_data a string",
                        q("{'id': 'u2', 'command': 'update_session_state', 'parameters': "
                                + "{'session_id': 's', 'state_data': 'x'}}"),
                        "state_data",
                        "u2",
                        Encoding.COMMAND),
                Arguments.of(
                        "debug without operation",
                        q("{'id': 'db1', 'command': 'debug', 'parameters': " + "{'session_id': 's'}}"),
                        "operation",
                        "db1",
                        Encoding.COMMAND),
                Arguments.of(
                        "debug unknown operation",
                        q("{'id': 'db2', 'command': 'debug', 'parameters': "
                                + "{'operation': 'Rewind', 'session_id': 's'}}"),
                        "operation",
                        "db2",
                        Encoding.COMMAND),
                Arguments.of(
                        "debug operation with two keys",
                        q("{'id': 'db3', 'command': 'debug', 'parameters': "
                                + "{'operation': {'StepInto': null, 'StepOut': null}, 'session_id': 's'}}"),
                        "operation",
                        "db3",
                        Encoding.COMMAND),
                Arguments.of(
                        "breakpoint without line",
                        q("{'id': 'db4', 'command': 'debug', 'parameters': "
                                + "{'operation': {'SetBreakpoint': {'file': 'F.st'}}, 'session_id': 's'}}"),
                        "line",
                        "db4",
                        Encoding.COMMAND),
                Arguments.of(
                        "breakpoint line a string",
                        q("{'id': 'db5', 'command': 'debug', 'parameters': "
                                + "{'operation': {'SetBreakpoint': {'line': '4'}}, 'session_id': 's'}}"),
                        "line",
                        "db5",
                        Encoding.COMMAND),
                Arguments.of(
                        "debug without session",
                        q("{'id': 'db6', 'command': 'debug', 'parameters': " + "{'operation': 'StepInto'}}"),
                        "session_id",
                        "db6",
                        Encoding.COMMAND),
                Arguments.of(
                        "envelope major version 2",
                        q("{'id': 'v2', 'version': '2.0.0', 'payload': {'type': "
                                + "'Request', 'data': {'request_type': 'Ping'}}}"),
                        "version",
                        "v2",
                        Encoding.ENVELOPE),
                Arguments.of(
                        "envelope major version 0",
                        q("{'id': 'v0', 'version': '0.9', 'payload': {'type': "
                                + "'Request', 'data': {'request_type': 'Ping'}}}"),
                        "version",
                        "v0",
                        Encoding.ENVELOPE),
                Arguments.of(
                        "envelope without version",
                        q("{'id': 'nv', 'payload': {'type': 'Request', 'data': " + "{'request_type': 'Ping'}}}"),
                        "version",
                        "nv",
                        Encoding.ENVELOPE),
                Arguments.of(
                        "envelope version not a number",
                        q("{'id': 'vx', 'version': 'one', 'payload': {'type': "
                                + "'Request', 'data': {'request_type': 'Ping'}}}"),
                        "version",
                        "vx",
                        Encoding.ENVELOPE),
                Arguments.of(
                        "envelope version a number",
                        q("{'id': 'vn', 'version': 1, 'payload': {'type': "
                                + "'Request', 'data': {'request_type': 'Ping'}}}"),
                        "version",
                        "vn",
                        Encoding.ENVELOPE),
                Arguments.of(
                        "envelope of a Response",
                        q("{'id': 'pr', 'version': '1.0.0', 'payload': {'type': "
                                + "'Response', 'data': {'request_type': 'Ping'}}}"),
                        "payload.type",
                        "pr",
                        Encoding.ENVELOPE),
                Arguments.of(
                        "envelope payload a string",
                        q("{'id': 'ps', 'version': '1.0.0', 'payload': 'Ping'}"),
                        "payload",
                        "ps",
                        Encoding.ENVELOPE),
                Arguments.of(
                        "envelope without data",
                        q("{'id': 'nd', 'version': '1.0.0', 'payload': {'type': " + "'Request'}}"),
                        "payload.data",
                        "nd",
                        Encoding.ENVELOPE),
                Arguments.of(
                        "envelope without request_type",
                        q("{'id': 'nr', 'version': '1.0.0', 'payload': {'type': "
                                + "'Request', 'data': {'params': {}}}}"),
                        "request_type",
                        "nr",
                        Encoding.ENVELOPE),
                Arguments.of(
                        "envelope params an array",
                        q("{'id': 'pa', 'version': '1.0.0', 'payload': {'type': "
                                + "'Request', 'data': {'request_type': 'Ping', 'params': [1]}}}"),
                        "params",
                        "pa",
                        Encoding.ENVELOPE),
                Arguments.of(
                        "envelope context disagrees",
                        q("{'id': 'cd', 'version': '1.0.0', 'payload': {'type': "
                                + "'Request', 'data': {'request_type': 'Evaluate', 'params': {'code': '1', 'context': 'a', "
                                + "'session_id': 'b'}}}}"),
                        "context",
                        "cd",
                        Encoding.ENVELOPE),
                Arguments.of(
                        "envelope wrong type in params",
                        q("{'id': 'wt', 'version': '1.0.0', 'payload': {'type': "
                                + "'Request', 'data': {'request_type': 'GetMethod', 'params': {'class_name': 'A', "
                                + "'method_name': 'b', 'is_class_method': 'no'}}}}"),
                        "is_class_method",
                        "wt",
                        Encoding.ENVELOPE),
                Arguments.of(
                        "envelope nesting too deep",
                        q("{'id': 'deep', 'version': '1.0.0', 'payload': {'type': "
                                + "'Request', 'data': {'request_type': 'Ping', 'params': {'x': " + "[".repeat(100)
                                + "]".repeat(100) + "}}}}"),
                        null,
                        "deep",
                        Encoding.ENVELOPE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void answeredWithInvalidRequest(String what, byte[] frame, String field, String id, Encoding encoding) {
        Decoded.Failed f = failed(frame);
        assertEquals(ErrorCode.INVALID_REQUEST, f.error().code(), f.error().getMessage());
        assertEquals(encoding, f.meta().encoding(), "answer encoding");
        assertEquals(id, f.meta().id(), "echoed id");
        if (field != null) {
            assertEquals(field, f.error().field(), f.error().getMessage());
            assertTrue(
                    f.error().getMessage().contains(field.substring(field.lastIndexOf('.') + 1)),
                    "message names the field: " + f.error().getMessage());
        }
        // And the answer itself is well-formed and says the same.
        JsonNode answer = tree(CODEC.encodeError(f.meta(), f.error()));
        if (encoding == Encoding.COMMAND) {
            assertEquals("error", answer.get("status").textValue());
            assertEquals("InvalidRequest", answer.get("error_type").textValue());
            assertEquals(id, answer.get("id").isNull() ? null : answer.get("id").textValue());
            assertTrue(
                    answer.get("error").textValue().endsWith(".")
                            || answer.get("error").textValue().endsWith(")"),
                    answer.get("error").textValue());
        } else {
            assertEquals("InvalidRequest", answer.at("/payload/data/data/code").textValue());
            assertEquals("Error", answer.at("/payload/data/response_type").textValue());
            assertEquals(id, answer.get("correlation_id").textValue());
        }
    }

    @Test
    void validMultiByteUtf8IsAccepted() {
        String message = "é € 😀 ключ";
        byte[] frame = ("{\"command\":\"ping\",\"parameters\":{\"message\":\"" + message + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(
                new io.stui.protocol.request.Request.Ping(message), ok(frame).request());
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        byte[] json = q("{'command': 'ping'}");
        byte[] frame = new byte[json.length + 3];
        frame[0] = (byte) 0xEF;
        frame[1] = (byte) 0xBB;
        frame[2] = (byte) 0xBF;
        System.arraycopy(json, 0, frame, 3, json.length);
        assertEquals(Command.PING, ok(frame).meta().command());
    }

    @Test
    void badUtf8InAnEnvelopeStillEchoesTheIdAndEncoding() {
        byte[] head = q("{'id': 'env-8', 'version': '1.0.0', 'payload': {'type': 'Request', 'data': "
                + "{'request_type': 'Ping', 'params': {'message': '");
        byte[] frame = java.util.Arrays.copyOf(head, head.length + 4);
        frame[head.length] = (byte) 0xED; // a UTF-16 surrogate encoded in UTF-8
        frame[head.length + 1] = (byte) 0xA0;
        frame[head.length + 2] = (byte) 0x80;
        frame[head.length + 3] = '"';
        Decoded.Failed f = failed(frame);
        assertEquals(new RequestMeta(Encoding.ENVELOPE, "env-8", null), f.meta());
        assertEquals(ErrorCode.INVALID_REQUEST, f.error().code());
    }

    @Test
    void badUtf8IsReportedAsSuch() {
        Decoded.Failed f = failed(pingWithRawBytes(0xC0, 0xAF));
        assertTrue(f.error().getMessage().contains("UTF-8"), f.error().getMessage());
    }

    @Test
    void unknownCommandListsTheKnownOnes() {
        Decoded.Failed f = failed(q("{'command': 'frobnicate'}"));
        assertTrue(f.error().getMessage().contains("create_session"), f.error().getMessage());
        assertNull(f.meta().id());
    }

    @Test
    void anUnknownCommandOfAnyLengthIsEchoedShort() {
        String name = "x".repeat(200_000);
        Decoded.Failed command = failed(q("{'command': '" + name + "'}"));
        assertTrue(
                command.error().getMessage().length() < 1024,
                "an error text of " + command.error().getMessage().length());
        assertTrue(
                command.error().getMessage().contains("(200000 characters)"),
                command.error().getMessage());
        Decoded.Failed envelope =
                failed(q("{'id': 'e', 'version': '1.0', 'timestamp': 't', 'payload': {'type': 'Request',"
                        + " 'data': {'request_type': '" + name + "', 'params': {}}}}"));
        assertTrue(
                envelope.error().getMessage().length() < 1024,
                "an error text of " + envelope.error().getMessage().length());
    }

    @Test
    void decodingHonoursOffsetAndLength() {
        byte[] inner = q("{'id': 'o', 'command': 'ping'}");
        byte[] padded = new byte[inner.length + 10];
        System.arraycopy(inner, 0, padded, 5, inner.length);
        padded[0] = 'x';
        padded[padded.length - 1] = 'y';
        Decoded d = CODEC.decode(padded, 5, inner.length);
        assertEquals(new RequestMeta(Encoding.COMMAND, "o", Command.PING), d.meta());
    }
}
