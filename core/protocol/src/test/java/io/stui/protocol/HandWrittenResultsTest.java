package io.stui.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec writes every result field by field through {@link ResultWriter} (ping's and evaluate's
 * member names pre-encoded); what it writes must stay exactly what the mapper's record serialiser
 * writes for them, in both encodings, so a component added to a record without a field in the writer
 * fails this test, and so does a result type with no sample here.
 */
class HandWrittenResultsTest {

    static Stream<CommandResult> results() {
        return Stream.concat(handWritten(), IdeSamples.results().stream());
    }

    private static Stream<CommandResult> handWritten() {
        return Stream.of(
                new EvaluateResult("7", "SmallInteger", 0, false, "", null),
                new EvaluateResult(
                        "'h\u00e9llo \"q\" \\ \n\t\u0001'", "ByteString", 1234, false, "line1\nline2", "obj-17"),
                new EvaluateResult(null, null, Long.MAX_VALUE, true, null, null),
                new PingResult("pong", "ready", 42, "0.1.0", "native"),
                new PingResult("\u2603 snow", "draining", 0, null, null),
                new InspectResult(
                        "o-1",
                        new ObjectInfo("Array", "#(1 2)", -7, 2),
                        map("a", "1", "b", null),
                        map("a", "o-2"),
                        List.of("1", "2"),
                        List.of("at:", "size")),
                new InspectResult(null, null, null, null, null, null),
                new BrowseClassResult(
                        new ClassInfo("Point", "Object", "x @ y", "Kernel", true),
                        List.of(new MethodInfo("x", "x\n\t^x", "accessing", false, List.of(), null)),
                        List.of(new MethodInfo(
                                "x:y:", "x: a y: b", "instance creation", true, List.of("a", "b"), "new")),
                        List.of("x", "y"),
                        List.of()),
                new ListClassesResult(List.of(new ClassInfo("A", null, null, null, false)), 1L << 40),
                new GetMethodResult(null),
                new SystemInfoResult(new SystemInfo(
                        "ST 0.1",
                        "25",
                        "linux",
                        10L,
                        null,
                        "4.3.4",
                        "native",
                        5L,
                        3,
                        map(
                                "memory",
                                map("heap_used", 1L, "threads", 4),
                                "packages",
                                List.of(map("name", "K", "class_count", 2)),
                                "info_type",
                                io.stui.protocol.request.InfoType.MEMORY,
                                "nothing",
                                null))),
                new SystemInfoResult(new SystemInfo(null, null, null, null, null, null, null, null, null, null)),
                new DebugResult(
                        "no failure", new DebugInfo(3, "Foo>>bar", map("x", "nil"), List.of("Foo>>bar", "DoIt"))),
                new DebugResult(null, new DebugInfo(null, null, null, null)),
                new CreateSessionResult("s-1", "c-1", Instant.parse("2026-11-27T21:00:00.123456Z"), 3600, true),
                new RestoreSessionResult(
                        "s-1",
                        "c-1",
                        Instant.EPOCH,
                        Instant.parse("2026-01-02T03:04:05Z"),
                        60,
                        false,
                        tree(
                                "{\"a\":[1,-2,3.5,12345678901234567890,1e400,true,null,{\"\u00e9\":\"\\u0001\"}],\"b\":{}}"),
                        new WorkspaceContext(List.of("x")),
                        new InspectorState(null),
                        map("o-1", "Point: 1@2")),
                new RestoreSessionResult(null, null, null, null, 0, false, null, null, null, null),
                new UpdateSessionStateResult("s-1", Instant.EPOCH, tree("[]"), true),
                new CloseSessionResult("s-1", true),
                new SessionInfoResult("s-1", "c-1", Instant.EPOCH, Instant.EPOCH, 10, true, -5, false),
                new ListClientSessionsResult(
                        "c-1", 2, List.of(new SessionSummary("s-1", Instant.EPOCH, null, 1, true, 0))),
                new SessionStatisticsResult(1, 2, 3, 4, 5),
                new SaveContextResult("s-1", Instant.EPOCH, List.of("a", "b"), 7),
                new LoadContextResult("s-1", null, null),
                new ContextSummaryResult(
                        "s-1",
                        List.of(new VariableSummary("x", "SmallInteger", "3")),
                        1,
                        new LastEvaluation("x := 3", "3", Instant.EPOCH),
                        new InspectorState("o-1")),
                new ContextSummaryResult("s-1", List.of(), 0, null, null),
                new ClearContextResult("s-1", false),
                new LoadCodeResult(List.of(), List.of(), 0, 2),
                new RunTestsResult(0, 0, 1, 1, List.of(new TestFailure("T", "testA", "skipped", "not yet", 0))));
    }

    /** A map that keeps its order and takes nulls, like the ones results carry. */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object... kv) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (V) kv[i + 1]);
        }
        return m;
    }

    private static JsonNode tree(String json) {
        try {
            return ProtocolJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void everyResultTypeHasASample() {
        Set<Class<?>> sampled = results().map(Object::getClass).collect(Collectors.toSet());
        for (Class<?> type : CommandResult.class.getPermittedSubclasses()) {
            assertTrue(sampled.contains(type), type.getSimpleName() + " has no sample in results()");
        }
    }

    @Test
    void errorDetailsAreWrittenAsTheMapperWritesThem() throws Exception {
        Map<String, Object> details = map(
                "field",
                "code",
                "limits",
                List.of(1, 2L, 3.5),
                "nested",
                map("ok", false),
                "at",
                Instant.EPOCH,
                "none",
                null);
        StuiException error = new StuiException(ErrorCode.INVALID_REQUEST, "bad", details);
        String expected = ProtocolJson.mapper().writeValueAsString(details);
        Decoded d = ProtocolCodec.INSTANCE.decode(
                "{\"id\":\"r-1\",\"command\":\"ping\",\"parameters\":{}}".getBytes(StandardCharsets.UTF_8));
        JsonNode answer = ProtocolJson.mapper().readTree(ProtocolCodec.INSTANCE.encodeError(d.meta(), error));
        assertEquals(expected, ProtocolJson.mapper().writeValueAsString(answer.get("details")));
    }

    @ParameterizedTest
    @MethodSource("results")
    void writesWhatTheMapperWrites(CommandResult result) throws Exception {
        String expected = ProtocolJson.mapper().writeValueAsString(result);
        for (byte[] request : new byte[][] {
            "{\"id\":\"r-1\",\"command\":\"ping\",\"parameters\":{}}".getBytes(StandardCharsets.UTF_8),
            ClientCodec.INSTANCE.encode(
                    Encoding.ENVELOPE, "550e8400-e29b-41d4-a716-446655440000", io.stui.protocol.Command.PING, null)
        }) {
            Decoded d = ProtocolCodec.INSTANCE.decode(request);
            JsonNode answer = ProtocolJson.mapper().readTree(ProtocolCodec.INSTANCE.encodeResult(d.meta(), result));
            JsonNode written = answer.has("result")
                    ? answer.get("result")
                    : answer.path("payload").path("data").path("data");
            assertEquals(expected, ProtocolJson.mapper().writeValueAsString(written), "same fields, values and order");
        }
    }
}
