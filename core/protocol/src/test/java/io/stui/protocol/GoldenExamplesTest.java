package io.stui.protocol;

import static io.stui.protocol.Json.ok;
import static io.stui.protocol.Json.q;
import static io.stui.protocol.Json.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.protocol.request.DebugOperation;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.CreateSessionResult;
import io.stui.protocol.result.EvaluateResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The examples of docs/PROTOCOL.md, verbatim, decode to the right records and answers take the documented shapes. */
class GoldenExamplesTest {
    private static final ProtocolCodec CODEC = ProtocolCodec.INSTANCE;
    private static final String ISO_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private static final byte[] CREATE_SESSION =
            q("{'id': 'create-001', 'command': 'create_session', 'parameters': {'client_id': 'client_001'}}");
    private static final byte[] ENVELOPE_EVALUATE = q("""
            {"id": "550e8400-e29b-41d4-a716-446655440000", "version": "1.0.0", "timestamp": "2025-01-20T10:30:00Z",
             "payload": {"type": "Request", "data": {"request_type": "Evaluate",
               "params": {"code": "1 + 1", "context": null, "return_string": true}}}}""");

    @Test
    void commandEncodingRequestDecodes() {
        Decoded.Ok d = ok(CREATE_SESSION);
        assertEquals(new RequestMeta(Encoding.COMMAND, "create-001", Command.CREATE_SESSION), d.meta());
        assertEquals(new Request.CreateSession("client_001"), d.request());
    }

    @Test
    void envelopeRequestDecodes() {
        Decoded.Ok d = ok(ENVELOPE_EVALUATE);
        assertEquals(
                new RequestMeta(Encoding.ENVELOPE, "550e8400-e29b-41d4-a716-446655440000", Command.EVALUATE), d.meta());
        assertEquals(new Request.Evaluate("1 + 1", null, true), d.request());
    }

    @Test
    void commandEncodingSuccessShape() {
        RequestMeta meta = ok(CREATE_SESSION).meta();
        JsonNode a = tree(CODEC.encodeResult(
                meta,
                new CreateSessionResult("s-42", "client_001", Instant.parse("2025-08-30T10:30:00Z"), 3600, true)));
        assertEquals(List.of("id", "status", "result", "timestamp"), fieldNames(a));
        assertEquals("create-001", a.get("id").textValue());
        assertEquals("success", a.get("status").textValue());
        assertTrue(
                a.get("timestamp").textValue().matches(ISO_UTC),
                a.get("timestamp").textValue());
        JsonNode r = a.get("result");
        assertEquals(List.of("session_id", "client_id", "created_at", "timeout", "is_active"), fieldNames(r));
        assertEquals("2025-08-30T10:30:00.000Z", r.get("created_at").textValue());
        assertEquals(3600, r.get("timeout").intValue());
        assertTrue(r.get("is_active").booleanValue());
    }

    @Test
    void commandEncodingErrorShape() {
        RequestMeta meta = ok(CREATE_SESSION).meta();
        JsonNode a =
                tree(CODEC.encodeError(meta, new StuiException(ErrorCode.SESSION_NOT_FOUND, "Session not found: s-9")));
        assertEquals(List.of("id", "status", "error", "error_type", "timestamp"), fieldNames(a));
        assertEquals("create-001", a.get("id").textValue());
        assertEquals("error", a.get("status").textValue());
        assertEquals("Session not found: s-9", a.get("error").textValue());
        assertEquals("SessionNotFound", a.get("error_type").textValue());
        assertTrue(a.get("timestamp").textValue().matches(ISO_UTC));
    }

    @Test
    void envelopeSuccessShape() {
        RequestMeta meta = ok(ENVELOPE_EVALUATE).meta();
        JsonNode a = tree(CODEC.encodeResult(meta, new EvaluateResult("2", "SmallInteger", 5, false, "", null)));
        assertEquals(List.of("id", "version", "timestamp", "correlation_id", "payload"), fieldNames(a));
        String id = a.get("id").textValue();
        assertEquals(4, UUID.fromString(id).version());
        assertNotEquals("550e8400-e29b-41d4-a716-446655440000", id);
        assertEquals("1.0.0", a.get("version").textValue());
        assertTrue(a.get("timestamp").textValue().matches(ISO_UTC));
        assertEquals(
                "550e8400-e29b-41d4-a716-446655440000", a.get("correlation_id").textValue());
        assertEquals("Response", a.at("/payload/type").textValue());
        assertEquals("Evaluate", a.at("/payload/data/response_type").textValue());
        JsonNode data = a.at("/payload/data/data");
        assertEquals(
                List.of("result", "result_type", "execution_time", "has_error", "transcript", "object_id"),
                fieldNames(data));
        assertEquals("2", data.get("result").textValue());
        assertEquals("SmallInteger", data.get("result_type").textValue());
        assertEquals(5, data.get("execution_time").intValue());
        assertTrue(data.get("has_error").isBoolean());
    }

    @Test
    void envelopeErrorShape() {
        RequestMeta meta = ok(ENVELOPE_EVALUATE).meta();
        JsonNode a = tree(CODEC.encodeError(
                meta,
                new StuiException(
                        ErrorCode.EVALUATION_ERROR,
                        "ZeroDivide: division by zero",
                        Map.of("error_class", "ZeroDivide"),
                        "SmallInteger>>/\nUndefinedObject>>DoIt",
                        null)));
        assertEquals(
                "550e8400-e29b-41d4-a716-446655440000", a.get("correlation_id").textValue());
        assertEquals("Error", a.at("/payload/data/response_type").textValue());
        JsonNode e = a.at("/payload/data/data");
        assertEquals(List.of("code", "message", "details", "stack_trace"), fieldNames(e));
        assertEquals("EvaluationError", e.get("code").textValue());
        assertEquals("ZeroDivide: division by zero", e.get("message").textValue());
        assertEquals("ZeroDivide", e.at("/details/error_class").textValue());
        assertEquals(
                "SmallInteger>>/\nUndefinedObject>>DoIt", e.get("stack_trace").textValue());
    }

    @Test
    void envelopeErrorWithoutDetailsHasNulls() {
        JsonNode a = tree(CODEC.encodeError(
                ok(ENVELOPE_EVALUATE).meta(), new StuiException(ErrorCode.TIMEOUT, "Evaluation exceeded 5 s.")));
        JsonNode e = a.at("/payload/data/data");
        assertTrue(e.get("details").isNull());
        assertTrue(e.get("stack_trace").isNull());
    }

    @Test
    void debugOperationShapesOfTheEnvelope() {
        byte[] stepInto = q("""
                {"id": "d1", "version": "1.0.0", "payload": {"type": "Request", "data": {"request_type": "Debug",
                  "params": {"operation": {"StepInto": null}, "context": "sess-1"}}}}""");
        assertEquals(
                new Request.Debug(DebugOperation.of(DebugOperation.Kind.STEP_INTO), "sess-1"),
                ok(stepInto).request());
        byte[] setBreakpoint = q("""
                {"id": "d2", "version": "1.0.0", "payload": {"type": "Request", "data": {"request_type": "Debug",
                  "params": {"operation": {"SetBreakpoint": {"line": 42, "file": "Foo.st"}}, "context": "sess-1"}}}}""");
        assertEquals(
                new Request.Debug(DebugOperation.setBreakpoint(42, "Foo.st"), "sess-1"),
                ok(setBreakpoint).request());
        byte[] bare = q("""
                {"id": "d3", "version": "1.0.0", "payload": {"type": "Request", "data": {"request_type": "Debug",
                  "params": {"operation": "GetLocalVars", "session_id": "sess-1"}}}}""");
        assertEquals(
                new Request.Debug(DebugOperation.of(DebugOperation.Kind.GET_LOCAL_VARS), "sess-1"), ok(bare).request());
    }

    @Test
    void debugOperationShapesOfTheCommandEncoding() {
        assertEquals(
                new Request.Debug(DebugOperation.of(DebugOperation.Kind.STEP_OVER), "s1"),
                ok(q("{'id': 1, 'command': 'debug', 'parameters': {'operation': 'step_over', 'session_id': 's1'}}"))
                        .request());
        assertEquals(
                new Request.Debug(DebugOperation.removeBreakpoint(7, null), "s1"),
                ok(q("{'id': 1, 'command': 'debug', 'parameters': {'operation': 'remove_breakpoint', 'line': 7,"
                                + " 'session_id': 's1'}}"))
                        .request());
        assertEquals(
                new Request.Debug(DebugOperation.setBreakpoint(3, "Foo>>bar"), "s1"),
                ok(q("{'id': 1, 'command': 'debug', 'parameters': {'operation': {'set_breakpoint': {'line': 3,"
                                + " 'file': 'Foo>>bar'}}, 'session_id': 's1'}}"))
                        .request());
    }

    @Test
    void envelopeNamesTheSessionByContextOrSessionId() {
        String base = """
                {"id": "e", "version": "1.0.0", "payload": {"type": "Request", "data": {"request_type": "Evaluate",
                  "params": {"code": "x", PARAMS}}}}""";
        assertEquals(
                "abc",
                ((Request.Evaluate) ok(q(base.replace("PARAMS", "\"context\": \"abc\"")))
                                .request())
                        .sessionId());
        assertEquals(
                "abc",
                ((Request.Evaluate) ok(q(base.replace("PARAMS", "\"session_id\": \"abc\"")))
                                .request())
                        .sessionId());
        assertEquals(
                "abc",
                ((Request.Evaluate) ok(q(base.replace("PARAMS", "\"session_id\": \"abc\", \"context\": \"abc\"")))
                                .request())
                        .sessionId());
    }

    @Test
    void commandEncodingIgnoresContext() {
        Request r = ok(q("{'id': 1, 'command': 'evaluate', 'parameters': {'code': '3', 'context': 'abc'}}"))
                .request();
        assertEquals(new Request.Evaluate("3", null, true), r);
    }

    @Test
    void integerIdsAreEchoedAsNumbers() {
        RequestMeta meta = ok(q("{'id': 12345678901, 'command': 'ping'}")).meta();
        assertEquals(12345678901L, meta.id());
        JsonNode a = tree(CODEC.encodeError(meta, new StuiException(ErrorCode.INTERNAL_ERROR, "x")));
        assertTrue(a.get("id").isIntegralNumber());
        assertEquals(12345678901L, a.get("id").longValue());
    }

    private static List<String> fieldNames(JsonNode n) {
        return n.properties().stream().map(Map.Entry::getKey).toList();
    }
}
