package io.stui.protocol;

import static io.stui.protocol.Json.ok;
import static io.stui.protocol.Json.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.request.CodeFile;
import io.stui.protocol.request.DebugOperation;
import io.stui.protocol.request.InfoType;
import io.stui.protocol.request.Request;
import io.stui.protocol.request.SessionScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command, under both of its names, in both encodings; and typed requests round-trip. */
class CommandTableTest {

    /** Minimal valid parameters of every command (single-quoted JSON), and the request they mean. */
    private static final Map<Command, String> PARAMS = new EnumMap<>(Command.class);

    private static final Map<Command, Request> EXPECTED = new EnumMap<>(Command.class);

    static {
        ObjectNode state = JsonNodeFactory.instance.objectNode().put("a", 1);
        put(Command.PING, "{}", new Request.Ping(null));
        put(Command.EVALUATE, "{'code': '3 + 4'}", new Request.Evaluate("3 + 4", null, true));
        put(Command.INSPECT, "{'target': '3'}", new Request.Inspect("3", null, null, 1, false, false));
        put(Command.BROWSE_CLASS, "{'class_name': 'Object'}", new Request.BrowseClass("Object"));
        put(Command.LIST_CLASSES, "{}", new Request.ListClasses(null, true, null));
        put(
                Command.GET_METHOD,
                "{'class_name': 'Object', 'method_name': 'printString'}",
                new Request.GetMethod("Object", "printString", false));
        put(Command.SYSTEM_INFO, "{'info_type': 'Memory'}", new Request.SystemInfo(InfoType.MEMORY));
        put(
                Command.DEBUG,
                "{'operation': 'GetStackTrace', 'session_id': 's-1'}",
                new Request.Debug(DebugOperation.of(DebugOperation.Kind.GET_STACK_TRACE), "s-1"));
        put(Command.CREATE_SESSION, "{'client_id': 'client_001'}", new Request.CreateSession("client_001"));
        put(Command.RESTORE_SESSION, "{'session_id': 's-1'}", new Request.RestoreSession("s-1"));
        put(
                Command.UPDATE_SESSION_STATE,
                "{'session_id': 's-1', 'state_data': {'a': 1}}",
                new Request.UpdateSessionState("s-1", state));
        put(Command.CLOSE_SESSION, "{'session_id': 's-1'}", new Request.CloseSession("s-1"));
        put(Command.GET_SESSION_INFO, "{'session_id': 's-1'}", new Request.GetSessionInfo("s-1"));
        put(Command.LIST_CLIENT_SESSIONS, "{'client_id': 'client_001'}", new Request.ListClientSessions("client_001"));
        put(Command.GET_SESSION_STATISTICS, "{}", new Request.GetSessionStatistics());
        put(Command.SAVE_CONTEXT, "{'session_id': 's-1'}", new Request.SaveContext("s-1"));
        put(Command.LOAD_CONTEXT, "{'session_id': 's-1'}", new Request.LoadContext("s-1"));
        put(Command.GET_CONTEXT_SUMMARY, "{'session_id': 's-1'}", new Request.GetContextSummary("s-1"));
        put(Command.CLEAR_CONTEXT, "{'session_id': 's-1'}", new Request.ClearContext("s-1"));
        // IDE tools (issue #15)
        put(Command.CODE_COMPLETION, "{'code': '3 fact'}", new Request.CodeCompletion("3 fact", null, null));
        put(Command.IS_COMPLETE, "{'code': '[1'}", new Request.IsComplete("[1"));
        put(Command.INTERRUPT, "{'session_id': 's-1'}", new Request.Interrupt("s-1", null));
        put(Command.SENDERS, "{'selector': 'printOn:'}", new Request.Senders("printOn:", null, 0, 100));
        put(Command.IMPLEMENTORS, "{'selector': 'at:', 'limit': 5}", new Request.Implementors("at:", null, 0, 5));
        put(Command.REFERENCES, "{'name': 'Array', 'offset': 2}", new Request.References("Array", null, 2, 100));
        put(Command.CLASS_HIERARCHY, "{'class_name': 'Integer'}", new Request.ClassHierarchy("Integer", null, null));
        put(Command.SEARCH_METHODS, "{'pattern': 'print*'}", new Request.SearchMethods("print*", null, null, 0, 100));
        put(
                Command.COMPILE_METHOD,
                "{'class_name': 'Foo', 'source': 'x ^1'}",
                new Request.CompileMethod("Foo", "x ^1", null, false, null));
        put(
                Command.DEFINE_CLASS,
                "{'name': 'Foo', 'superclass': 'Object', 'package': 'Demo'}",
                new Request.DefineClass(null, "Foo", "Object", null, null, null, "Demo", null, null));
        put(
                Command.REMOVE_METHOD,
                "{'class_name': 'Foo', 'method_name': 'x'}",
                new Request.RemoveMethod("Foo", "x", false, null));
        put(Command.REMOVE_CLASS, "{'class_name': 'Foo'}", new Request.RemoveClass("Foo", null));
        put(Command.GET_HISTORY, "{'session_id': 's-1'}", new Request.GetHistory("s-1", 0, 100));
        put(Command.DESCRIBE, "{}", new Request.Describe());
        put(
                Command.LOAD_CODE,
                "{'files': [{'name': 'A.class.st', 'contents': 'Class { #name : #A }'}]}",
                new Request.LoadCode(List.of(new CodeFile("A.class.st", "Class { #name : #A }")), null));
        put(Command.RUN_TESTS, "{'classes': 'A*'}", new Request.RunTests("A*", null, null));
        put(
                Command.SET_VARIABLE,
                "{'object_id': 'obj-1', 'name': 'x', 'expression': '3 + 4', 'session_id': 's-1'}",
                new Request.SetVariable("obj-1", "x", "3 + 4", "s-1"));
    }

    private static void put(Command c, String params, Request expected) {
        PARAMS.put(c, params);
        EXPECTED.put(c, expected);
    }

    @Test
    void everyCommandIsInTheTable() {
        assertEquals(EnumSet.allOf(Command.class), PARAMS.keySet());
    }

    static Stream<Arguments> everyNameInEveryEncoding() {
        List<Arguments> args = new ArrayList<>();
        for (Command c : Command.values()) {
            for (Encoding e : Encoding.values()) {
                args.add(Arguments.of(c, e, c.snakeName()));
                args.add(Arguments.of(c, e, c.pascalName()));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{2} in {1}")
    @MethodSource("everyNameInEveryEncoding")
    void decodesUnderEachName(Command command, Encoding encoding, String name) {
        String params = PARAMS.get(command);
        String frame = encoding == Encoding.COMMAND
                ? "{'id': 'r-1', 'command': '" + name + "', 'parameters': " + params + "}"
                : "{'id': 'r-1', 'version': '1.0.0', 'timestamp': '2025-01-20T10:30:00Z', 'payload': {'type': "
                        + "'Request', 'data': {'request_type': '" + name + "', 'params': " + params + "}}}";
        Decoded.Ok d = ok(q(frame));
        assertEquals(new RequestMeta(encoding, "r-1", command), d.meta());
        assertEquals(EXPECTED.get(command), d.request());
        assertEquals(command, d.request().command());
    }

    static Stream<Arguments> everyRequestInEveryEncoding() {
        List<Request> requests = new ArrayList<>(EXPECTED.values());
        ObjectNode nested = JsonNodeFactory.instance.objectNode();
        nested.putObject("panes").putArray("open").add("workspace").add("inspector");
        requests.addAll(List.of(
                new Request.Ping("hello ünïcödé €"),
                new Request.Evaluate("x := 3. x + 4", "sess.1", false),
                new Request.Inspect(null, "obj-7", "sess.1", 3, true, true),
                new Request.Inspect(null, "obj-7", "sess.1", 1, false, false, 200, 50),
                new Request.BrowseClass("Array", false, true, false),
                new Request.ListClasses("Arr*", false, 10),
                new Request.GetMethod("Object", "new", true),
                new Request.BrowseClass("Counter", true, false, true, "sess.1"),
                new Request.ListClasses("Count*", true, null, "sess.1"),
                new Request.GetMethod("Counter", "increment", false, "sess.1"),
                new Request.SystemInfo(InfoType.ALL),
                new Request.Debug(DebugOperation.setBreakpoint(42, "Foo.st"), "sess.1"),
                new Request.Debug(DebugOperation.removeBreakpoint(1, null), "sess.1"),
                new Request.Debug(DebugOperation.of(DebugOperation.Kind.CONTINUE), "sess.1"),
                // the live debugger's parameters survive the typed client's encoding too
                new Request.Debug(
                        DebugOperation.of(DebugOperation.Kind.EVALUATE_IN_FRAME),
                        "sess.1",
                        "d3",
                        null,
                        null,
                        null,
                        2,
                        "x + 1"),
                new Request.Debug(
                        DebugOperation.setBreakpoint(4, null), "sess.1", null, "Calc", "sumTo:", true, null, null),
                new Request.UpdateSessionState("sess.1", nested)));
        List<Arguments> args = new ArrayList<>();
        for (Request r : requests) {
            for (Encoding e : Encoding.values()) {
                args.add(Arguments.of(r, e));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyRequestInEveryEncoding")
    void typedRequestsRoundTrip(Request request, Encoding encoding) {
        byte[] frame = ClientCodec.INSTANCE.encode(encoding, "rt-1", request);
        Decoded.Ok d = ok(frame);
        assertEquals(request, d.request());
        assertEquals(new RequestMeta(encoding, "rt-1", request.command()), d.meta());
    }

    @Test
    void envelopeRequestsFromTheClientCarryVersionAndTimestamp() {
        var tree = Json.tree(ClientCodec.INSTANCE.encode(Encoding.ENVELOPE, null, new Request.Ping(null)));
        assertEquals("1.0.0", tree.get("version").textValue());
        assertTrue(tree.get("timestamp").textValue().endsWith("Z"));
        assertEquals(36, tree.get("id").textValue().length());
        assertEquals("Ping", tree.at("/payload/data/request_type").textValue());
    }

    @Test
    void defaultsOfProtocolMd() {
        Request.Evaluate ev = (Request.Evaluate)
                ok(q("{'command': 'evaluate', 'parameters': {'code': '1'}}")).request();
        assertTrue(ev.returnString());
        Request.Inspect in = (Request.Inspect)
                ok(q("{'command': 'inspect', 'parameters': {'target': '1'}}")).request();
        assertEquals(1, in.depth());
        assertEquals(false, in.includePrivate());
        Request.SystemInfo si =
                (Request.SystemInfo) ok(q("{'command': 'system_info'}")).request();
        assertEquals(InfoType.BASIC, si.infoType());
        Request.ListClasses lc = (Request.ListClasses)
                ok(q("{'command': 'list_classes', 'parameters': null}")).request();
        assertTrue(lc.includeSystem());
        assertEquals(null, lc.limit());
        Request.GetMethod gm = (Request.GetMethod)
                ok(q("{'command': 'get_method', 'parameters': " + "{'class_name': 'A', 'method_name': 'b'}}"))
                        .request();
        assertEquals(false, gm.isClassMethod());
    }

    @Test
    void infoTypeIgnoresCase() {
        for (String name : List.of("Environment", "environment", "ENVIRONMENT")) {
            Request r = ok(q("{'command': 'system_info', 'parameters': {'info_type': '" + name + "'}}"))
                    .request();
            assertEquals(new Request.SystemInfo(InfoType.ENVIRONMENT), r);
        }
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() {
        Decoded.Ok d = ok(q("""
                {"extra": [1, {"deep": true}], "id": "u", "version": "1.3.7", "trace": null,
                 "payload": {"type": "Request", "hint": 1, "data": {"request_type": "Ping", "x": {},
                   "params": {"message": "m", "colour": "blue"}}}}"""));
        assertEquals(new Request.Ping("m"), d.request());
        assertEquals(Encoding.ENVELOPE, d.meta().encoding());
    }

    /** Requests whose session is optional: the table's minimal parameters give none. */
    private static final EnumSet<Command> OPTIONAL_SESSION = EnumSet.of(
            Command.EVALUATE,
            Command.INSPECT,
            Command.BROWSE_CLASS,
            Command.LIST_CLASSES,
            Command.GET_METHOD,
            // IDE tools (issue #15)
            Command.CODE_COMPLETION,
            Command.SENDERS,
            Command.IMPLEMENTORS,
            Command.REFERENCES,
            Command.CLASS_HIERARCHY,
            Command.SEARCH_METHODS,
            Command.COMPILE_METHOD,
            Command.DEFINE_CLASS,
            Command.REMOVE_METHOD,
            Command.REMOVE_CLASS,
            // code in the image (issue #14)

            Command.LOAD_CODE,
            Command.RUN_TESTS);

    @Test
    void sessionScopedRequestsExposeTheirSession() {
        for (Request r : EXPECTED.values()) {
            if (r instanceof SessionScoped s) {
                assertEquals(OPTIONAL_SESSION.contains(r.command()) ? null : "s-1", s.sessionId(), r.toString());
            } else {
                assertTrue(!OPTIONAL_SESSION.contains(r.command()), r + " should be SessionScoped");
            }
        }
    }

    static Stream<Arguments> browsingInASession() {
        return Stream.of(
                Arguments.of("{'class_name': 'Counter'", new Request.BrowseClass("Counter", true, true, true, "s-1")),
                Arguments.of("{'pattern': 'Count*'", new Request.ListClasses("Count*", true, null, "s-1")),
                Arguments.of(
                        "{'class_name': 'Counter', 'method_name': 'increment'",
                        new Request.GetMethod("Counter", "increment", false, "s-1")));
    }

    private static String frame(Encoding encoding, Command command, String params) {
        return encoding == Encoding.COMMAND
                ? "{'id': 'b-1', 'command': '" + command.snakeName() + "', 'parameters': " + params + "}"
                : "{'id': 'b-1', 'version': '1.0.0', 'payload': {'type': 'Request', 'data': {'request_type': '"
                        + command.pascalName() + "', 'params': " + params + "}}}";
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("browsingInASession")
    void browsingCommandsTakeAnOptionalSession(String paramsStart, Request expected) {
        Command c = expected.command();
        for (Encoding e : Encoding.values()) {
            assertEquals(
                    expected,
                    ok(q(frame(e, c, paramsStart + ", 'session_id': 's-1'}"))).request(),
                    e.name());
            // null and absent both mean: no session, system classes only
            assertEquals(
                    null, ((SessionScoped) ok(q(frame(e, c, paramsStart + "}"))).request()).sessionId());
            assertEquals(
                    null,
                    ((SessionScoped) ok(q(frame(e, c, paramsStart + ", 'session_id': null}")))
                                    .request())
                            .sessionId());
            Decoded.Failed bad = Json.failed(q(frame(e, c, paramsStart + ", 'session_id': 'no spaces'}")));
            assertEquals(ErrorCode.INVALID_REQUEST, bad.error().code());
            assertEquals("session_id", bad.error().field());
        }
        // The envelope also names the session by 'context'; both, if they agree; never two different ones.
        assertEquals(
                expected,
                ok(q(frame(Encoding.ENVELOPE, c, paramsStart + ", 'context': 's-1'}")))
                        .request());
        assertEquals(
                expected,
                ok(q(frame(Encoding.ENVELOPE, c, paramsStart + ", 'context': 's-1', 'session_id': 's-1'}")))
                        .request());
        Decoded.Failed clash =
                Json.failed(q(frame(Encoding.ENVELOPE, c, paramsStart + ", 'context': 's-1', 'session_id': 's-2'}")));
        assertEquals("context", clash.error().field());
        // The command encoding reads session_id only: a 'context' there is an unknown field.
        assertEquals(
                null,
                ((SessionScoped) ok(q(frame(Encoding.COMMAND, c, paramsStart + ", 'context': 's-1'}")))
                                .request())
                        .sessionId());
    }

    @Test
    void theClientLeavesSessionIdOutWhenThereIsNone() {
        for (Encoding e : Encoding.values()) {
            for (Request r : List.of(
                    new Request.BrowseClass("Object"),
                    new Request.ListClasses(null, true, null),
                    new Request.GetMethod("Object", "printString", false))) {
                var tree = Json.tree(ClientCodec.INSTANCE.encode(e, "n-1", r));
                var params = e == Encoding.COMMAND ? tree.get("parameters") : tree.at("/payload/data/params");
                assertTrue(params.isObject() && !params.has("session_id") && !params.has("context"), params.toString());
            }
            var withSession = Json.tree(ClientCodec.INSTANCE.encode(
                    e, "n-2", new Request.GetMethod("Counter", "increment", false, "sess.1")));
            var params = e == Encoding.COMMAND ? withSession.get("parameters") : withSession.at("/payload/data/params");
            assertEquals("sess.1", params.get("session_id").textValue());
        }
    }
}
