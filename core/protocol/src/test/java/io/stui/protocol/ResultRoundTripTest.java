package io.stui.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.client.ResultTypes;
import io.stui.protocol.result.BrowseClassResult;
import io.stui.protocol.result.ClassInfo;
import io.stui.protocol.result.ClearContextResult;
import io.stui.protocol.result.CloseSessionResult;
import io.stui.protocol.result.CommandResult;
import io.stui.protocol.result.ContextSummaryResult;
import io.stui.protocol.result.CreateSessionResult;
import io.stui.protocol.result.DebugInfo;
import io.stui.protocol.result.DebugResult;
import io.stui.protocol.result.EvaluateResult;
import io.stui.protocol.result.GetMethodResult;
import io.stui.protocol.result.InspectResult;
import io.stui.protocol.result.InspectorState;
import io.stui.protocol.result.LastEvaluation;
import io.stui.protocol.result.ListClassesResult;
import io.stui.protocol.result.ListClientSessionsResult;
import io.stui.protocol.result.LoadCodeResult;
import io.stui.protocol.result.LoadContextResult;
import io.stui.protocol.result.MethodInfo;
import io.stui.protocol.result.ObjectInfo;
import io.stui.protocol.result.PingResult;
import io.stui.protocol.result.RestoreSessionResult;
import io.stui.protocol.result.RunTestsResult;
import io.stui.protocol.result.SaveContextResult;
import io.stui.protocol.result.SessionInfoResult;
import io.stui.protocol.result.SessionStatisticsResult;
import io.stui.protocol.result.SessionSummary;
import io.stui.protocol.result.SystemInfo;
import io.stui.protocol.result.SystemInfoResult;
import io.stui.protocol.result.TestFailure;
import io.stui.protocol.result.UpdateSessionStateResult;
import io.stui.protocol.result.VariableSummary;
import io.stui.protocol.result.WorkspaceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every result record survives server encoding and client decoding, in both encodings, with the documented field names. */
class ResultRoundTripTest {
    private static final Instant T0 = Instant.parse("2025-08-30T10:30:00Z");
    private static final Instant T1 = Instant.parse("2025-08-30T11:45:12.345Z");

    static List<CommandResult> samples() {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.put("theme", "dark").putArray("open").add("workspace");
        MethodInfo at = new MethodInfo(
                "at:",
                "at: index\n\t^self basicAt: index",
                "accessing",
                false,
                List.of("index"),
                "Answer the element at index");
        ClassInfo array = new ClassInfo("Array", "ArrayedCollection", "I am an array.", "Collections", true);
        Map<String, String> ivars = new LinkedHashMap<>();
        ivars.put("x", "3");
        ivars.put("y", "'four'");
        List<CommandResult> all = new ArrayList<>(List.of(
                new PingResult("pong", "ready", 12, "0.1.0", "native"),
                new EvaluateResult("7", "SmallInteger", 3, false, "hello\n", "o-1"),
                new InspectResult(
                        "o-2", new ObjectInfo("Point", "3@4", 123456, 0), ivars, Map.of("x", "o-3"), List.of(), null),
                new BrowseClassResult(array, List.of(at), List.of(), List.of(), null),
                new ListClassesResult(List.of(array), 150),
                new GetMethodResult(at),
                new SystemInfoResult(new SystemInfo(
                        "STUI Smalltalk 0.1", "25", "Linux amd64", 1000L, 2000L, "4.3.5", "native", 60L, 2, Map.of())),
                new DebugResult(
                        "Stack of the last error",
                        new DebugInfo(
                                2,
                                "UndefinedObject>>DoIt",
                                Map.of("x", "nil"),
                                List.of("SmallInteger>>/", "UndefinedObject>>DoIt"))),
                new CreateSessionResult("s-1", "client_001", T0, 3600, true),
                new RestoreSessionResult(
                        "s-1",
                        "client_001",
                        T0,
                        T1,
                        3600,
                        true,
                        state,
                        new WorkspaceContext(List.of("x", "y")),
                        new InspectorState("o-2"),
                        Map.of("o-1", "7")),
                new UpdateSessionStateResult("s-1", T1, state, true),
                new CloseSessionResult("s-1", true),
                new SessionInfoResult("s-1", "client_001", T0, T1, 3600, true, 3500, false),
                new ListClientSessionsResult(
                        "client_001", 1, List.of(new SessionSummary("s-1", T0, T1, 3600, true, 3500))),
                new SessionStatisticsResult(3, 2, 5, 3600, 300),
                new SaveContextResult("s-1", T1, List.of("x"), 4),
                new LoadContextResult("s-1", T1, List.of("x")),
                new ContextSummaryResult(
                        "s-1",
                        List.of(new VariableSummary("x", "SmallInteger", "3")),
                        4,
                        new LastEvaluation("x + 4", "7", T1),
                        new InspectorState(null)),
                new ClearContextResult("s-1", true),
                new LoadCodeResult(List.of("Counter", "CounterTest"), List.of("TCountable"), 7, 0),
                new RunTestsResult(
                        3,
                        1,
                        1,
                        0,
                        List.of(
                                new TestFailure("CounterTest", "testDown", "failure", "Assertion failed", 4),
                                new TestFailure("CounterTest", "testZero", "error", "ZeroDivide", 2)))));
        all.addAll(IdeSamples.results());
        return all;
    }

    @Test
    void oneSamplePerCommand() {
        Set<Command> covered = samples().stream().map(CommandResult::command).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(Command.class), covered);
    }

    static Stream<Arguments> samplesInEncodings() {
        List<Arguments> args = new ArrayList<>();
        for (CommandResult r : samples()) {
            for (Encoding e : Encoding.values()) {
                args.add(Arguments.of(r, e));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("samplesInEncodings")
    void roundTrips(CommandResult result, Encoding encoding) {
        RequestMeta meta = new RequestMeta(encoding, "rq-9", result.command());
        Answer answer = ClientCodec.INSTANCE.decode(ProtocolCodec.INSTANCE.encodeResult(meta, result));
        assertTrue(answer.isSuccess());
        assertEquals(encoding, answer.encoding());
        assertEquals("rq-9", answer.requestId());
        if (encoding == Encoding.ENVELOPE) {
            assertEquals(result.command().pascalName(), answer.responseType());
        }
        assertEquals(result, answer.resultAs(ResultTypes.of(result.command())));
    }

    @Test
    void fieldNamesAreTheSnakeCaseOfProtocolMd() {
        JsonNode info = result(new SessionInfoResult("s", "c", T0, T1, 60, true, 30, false));
        assertEquals(
                List.of(
                        "session_id",
                        "client_id",
                        "created_at",
                        "last_modified",
                        "timeout",
                        "is_active",
                        "time_until_expiry",
                        "is_expired"),
                names(info));
        JsonNode inspect = result(samples().get(2));
        assertEquals(
                List.of("object_id", "object_info", "instance_vars", "instance_var_ids", "indexed", "methods"),
                names(inspect));
        assertEquals(List.of("class_name", "string_representation", "hash", "size"), names(inspect.get("object_info")));
        JsonNode browse = result(samples().get(3));
        assertEquals(List.of("name", "superclass", "comment", "package", "is_system"), names(browse.get("class_info")));
        assertEquals(
                List.of("name", "source", "category", "is_class_method", "arguments", "comment"),
                names(browse.get("instance_methods").get(0)));
        assertTrue(browse.get("class_vars").isNull());
        JsonNode restore = result(samples().get(9));
        assertEquals("o-2", restore.at("/inspector_state/selected_object").textValue());
        assertEquals("x", restore.at("/workspace_context/variables/0").textValue());
        assertEquals("dark", restore.at("/session_state/theme").textValue());
        JsonNode summary = result(samples().get(17));
        assertEquals(List.of("name", "class_name", "print_string"), names(summary.at("/variables/0")));
        assertEquals(List.of("code", "result", "at"), names(summary.get("last_evaluation")));
        JsonNode stats = result(samples().get(14));
        assertEquals(
                List.of(
                        "total_sessions",
                        "active_clients",
                        "max_sessions_per_client",
                        "default_timeout",
                        "cleanup_interval"),
                names(stats));
    }

    @Test
    void systemInfoLeavesOutWhatDoesNotApplyAndFlattensExtras() {
        SystemInfo memoryOnly =
                new SystemInfo(null, null, null, 10L, 20L, null, null, null, null, Map.of("heap_max", 30L));
        JsonNode info = result(new SystemInfoResult(memoryOnly)).get("info");
        assertEquals(Set.of("memory_used", "memory_free", "heap_max"), Set.copyOf(names(info)));
        assertFalse(info.has("extra"));
        SystemInfo back = ClientCodec.INSTANCE
                .decode(ProtocolCodec.INSTANCE.encodeResult(
                        new RequestMeta(Encoding.COMMAND, 1L, Command.SYSTEM_INFO), new SystemInfoResult(memoryOnly)))
                .resultAs(SystemInfoResult.class)
                .info();
        assertEquals(10L, back.memoryUsed());
        assertNull(back.platform());
        assertEquals(30, ((Number) back.extra().get("heap_max")).intValue());
    }

    @Test
    void errorsRoundTripWithCodeMessageDetailsAndTrace() {
        for (Encoding e : Encoding.values()) {
            StuiException sent = new StuiException(
                    ErrorCode.EVALUATION_ERROR,
                    "SyntaxError: expected ]",
                    Map.of("error_class", "SyntaxError", "line", 1, "column", 15),
                    "Parser>>expected:",
                    null);
            Answer a = ClientCodec.INSTANCE.decode(
                    ProtocolCodec.INSTANCE.encodeError(new RequestMeta(e, "er-1", Command.EVALUATE), sent));
            assertFalse(a.isSuccess());
            assertEquals("er-1", a.requestId());
            assertEquals(ErrorCode.EVALUATION_ERROR, a.error().code());
            assertEquals("SyntaxError: expected ]", a.error().getMessage());
            assertEquals("SyntaxError", a.error().details().get("error_class"));
            assertEquals(15, ((JsonNode) a.error().details().get("column")).intValue());
            assertEquals("Parser>>expected:", a.error().stackTraceText());
        }
    }

    @Test
    void unknownErrorCodesFromAServerBecomeInternalErrorKeepingTheCode() {
        byte[] frame = Json.q("{'id': 'z', 'status': 'error', 'error': 'boom', 'error_type': 'Exploded'}");
        Answer a = ClientCodec.INSTANCE.decode(frame);
        assertEquals(ErrorCode.INTERNAL_ERROR, a.error().code());
        assertEquals("Exploded", a.error().details().get("error_type"));
    }

    @Test
    void malformedAnswersAreReportedClearly() {
        for (String bad : List.of(
                "nope", "[]", "{'id': 'x'}", "{'status': 'maybe'}", "{'payload': {'type': 'Request', 'data': {}}}")) {
            StuiException e = org.junit.jupiter.api.Assertions.assertThrows(
                    StuiException.class, () -> ClientCodec.INSTANCE.decode(Json.q(bad)));
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
            assertTrue(e.getMessage().startsWith("The server's answer is malformed"), e.getMessage());
        }
    }

    private static JsonNode result(CommandResult r) {
        return Json.tree(ProtocolCodec.INSTANCE.encodeResult(new RequestMeta(Encoding.COMMAND, "x", r.command()), r))
                .get("result");
    }

    private static List<String> names(JsonNode n) {
        return n.properties().stream().map(Map.Entry::getKey).toList();
    }
}
