package io.stui.server.e2e;

import static io.stui.server.e2e.Requests.errorCode;
import static io.stui.server.e2e.Requests.params;
import static io.stui.server.e2e.Requests.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.Command;
import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import io.stui.zmq.ZContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every one of the 19 commands, in both encodings, from a REQ client and from DEALER clients with
 * and without the empty delimiter, over real sockets on loopback.
 */
@ParameterizedClass(name = "front-mode {0}")
@EnumSource(FrontMode.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllCommandsE2ETest {

    /** The whole suite runs against both front modes; the plain one is the oracle. */
    @Parameter
    FrontMode mode;

    StuiServer server;
    ZContext ctx;

    @BeforeParameterizedClassInvocation
    void start(FrontMode mode, @TempDir Path dir) {
        server = TestServers.start(mode, dir, Map.of("max-sessions-per-client", "5"));
        ctx = new ZContext();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        ctx.close();
        server.close();
    }

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (Wire.Kind kind : Wire.Kind.values()) {
            out.add(Arguments.of(kind, true));
            out.add(Arguments.of(kind, false));
        }
        return out.stream();
    }

    /** One client speaking one encoding. */
    private static final class Talk {
        final Wire wire;
        final boolean envelope;
        int n;

        Talk(Wire wire, boolean envelope) {
            this.wire = wire;
            this.envelope = envelope;
        }

        JsonNode send(Command command, ObjectNode params) {
            String id = "r-" + (++n);
            String req = envelope
                    ? Requests.envelope(id, command.pascalName(), params)
                    : Requests.command(id, command.snakeName(), params);
            JsonNode a = wire.call(req);
            assertEquals(id, Requests.echoedId(a), "answer echoes the request id");
            if (envelope && Requests.isSuccess(a)) {
                assertEquals(
                        command.pascalName(),
                        a.path("payload").path("data").path("response_type").asText());
                assertEquals("1.0.0", a.path("version").asText());
            }
            return a;
        }

        JsonNode ok(Command command, ObjectNode params) {
            return result(send(command, params));
        }

        String fails(Command command, ObjectNode params) {
            return errorCode(send(command, params));
        }
    }

    @ParameterizedTest(name = "{0} envelope={1}")
    @MethodSource("combinations")
    void everyCommandWorks(Wire.Kind kind, boolean envelope) {
        try (Wire w = new Wire(ctx, kind, server.endpoint())) {
            Talk t = new Talk(w, envelope);
            String client = "c-" + kind.name().toLowerCase() + (envelope ? "-env" : "-cmd");

            // ping
            assertEquals(
                    "hi",
                    t.ok(Command.PING, params("message", "hi")).path("message").asText());

            // create_session
            JsonNode created = t.ok(Command.CREATE_SESSION, params("client_id", client));
            String sid = created.path("session_id").asText();
            assertTrue(sid.matches("[0-9a-f]{32}"), sid);
            assertEquals(client, created.path("client_id").asText());
            assertEquals(3600, created.path("timeout").asLong());
            assertTrue(created.path("is_active").asBoolean());
            assertTrue(created.path("created_at").asText().endsWith("Z"));

            // evaluate: workspace variables persist, Transcript is captured, object ids in a session
            JsonNode x = t.ok(Command.EVALUATE, params("session_id", sid, "code", "x := 3"));
            assertEquals("3", x.path("result").asText());
            assertFalse(x.path("object_id").isNull());
            JsonNode seven = t.ok(Command.EVALUATE, params(envelope ? "context" : "session_id", sid, "code", "x + 4"));
            assertEquals("7", seven.path("result").asText());
            assertEquals("SmallInteger", seven.path("result_type").asText());
            assertFalse(seven.path("has_error").asBoolean());
            assertTrue(seven.path("execution_time").isIntegralNumber());
            JsonNode shown =
                    t.ok(Command.EVALUATE, params("session_id", sid, "code", "Transcript show: 'hello'. x * 2"));
            assertEquals("hello", shown.path("transcript").asText());
            assertEquals("6", shown.path("result").asText());
            JsonNode free = t.ok(Command.EVALUATE, params("code", "3 + 4"));
            assertEquals("7", free.path("result").asText());
            assertTrue(free.path("object_id").isNull(), "no object id outside a session");
            JsonNode zero = t.send(Command.EVALUATE, params("session_id", sid, "code", "x / 0"));
            assertEquals("EvaluationError", errorCode(zero));
            assertTrue(Requests.errorMessage(zero).contains("ZeroDivide"), Requests.errorMessage(zero));
            JsonNode syntax = t.send(Command.EVALUATE, params("code", "1 +"));
            assertEquals("EvaluationError", errorCode(syntax));
            JsonNode details = syntax.has("status")
                    ? syntax.path("details")
                    : syntax.path("payload").path("data").path("data").path("details");
            assertEquals("SyntaxError", details.path("error_class").asText());
            assertTrue(details.path("line").asInt() >= 1);

            // debug: post-mortem of the failed evaluation (x / 0)
            JsonNode stack = t.ok(Command.DEBUG, params("session_id", sid, "operation", "GetStackTrace"));
            assertTrue(stack.path("result").asText().contains("ZeroDivide"), stack.toString());
            assertTrue(stack.path("debug_info").path("stack_trace").size() >= 1, stack.toString());
            JsonNode locals = t.ok(Command.DEBUG, params("session_id", sid, "operation", "GetLocalVars"));
            assertTrue(locals.path("debug_info").path("local_vars").isObject());
            assertEquals(
                    "UnsupportedOperation", t.fails(Command.DEBUG, params("session_id", sid, "operation", "StepInto")));

            // inspect with drill-down by object id
            JsonNode point = t.ok(Command.INSPECT, params("session_id", sid, "target", "3 @ 4"));
            assertEquals("Point", point.path("object_info").path("class_name").asText());
            assertEquals("4", point.path("instance_vars").path("y").asText());
            String yId = point.path("instance_var_ids").path("y").asText();
            JsonNode y = t.ok(Command.INSPECT, params("session_id", sid, "object_id", yId));
            assertEquals(
                    "SmallInteger", y.path("object_info").path("class_name").asText());
            assertEquals(
                    "4", y.path("object_info").path("string_representation").asText());
            assertEquals("ObjectNotFound", t.fails(Command.INSPECT, params("session_id", sid, "object_id", "o999999")));

            // class queries
            JsonNode assoc = t.ok(Command.BROWSE_CLASS, params("class_name", "Association"));
            assertEquals("Association", assoc.path("class_info").path("name").asText());
            assertTrue(assoc.path("class_info").path("is_system").asBoolean());
            assertTrue(assoc.path("instance_methods").size() > 0);
            assertTrue(assoc.path("instance_methods")
                            .get(0)
                            .path("source")
                            .asText()
                            .length()
                    > 0);
            assertEquals("ClassNotFound", t.fails(Command.BROWSE_CLASS, params("class_name", "NoSuchClassAnywhere")));
            JsonNode listed = t.ok(Command.LIST_CLASSES, params("pattern", "Ord*", "limit", 1));
            assertEquals(1, listed.path("classes").size());
            assertTrue(listed.path("total_count").asInt() >= 1);
            JsonNode fact = t.ok(Command.GET_METHOD, params("class_name", "Integer", "method_name", "factorial"));
            assertTrue(fact.path("method").path("source").asText().startsWith("factorial"));
            assertEquals(
                    "MethodNotFound",
                    t.fails(Command.GET_METHOD, params("class_name", "Integer", "method_name", "noSuchSelector")));

            // system_info of every kind
            JsonNode basic =
                    t.ok(Command.SYSTEM_INFO, params("info_type", "Basic")).path("info");
            assertFalse(basic.path("smalltalk_version").asText().isEmpty());
            assertFalse(basic.path("zmq_backend").asText().isEmpty());
            assertTrue(basic.path("sessions").asInt() >= 1);
            assertTrue(t.ok(Command.SYSTEM_INFO, params("info_type", "Memory"))
                    .path("info")
                    .path("memory")
                    .has("heap_used"));
            assertTrue(t.ok(Command.SYSTEM_INFO, params("info_type", "Packages"))
                            .path("info")
                            .path("packages")
                            .size()
                    > 0);
            JsonNode env = t.ok(Command.SYSTEM_INFO, params("info_type", "Environment"))
                    .path("info")
                    .path("environment");
            assertEquals(
                    server.config().limits().evalTimeout().toMillis(),
                    env.path("settings").path("eval_timeout_ms").asLong());
            assertFalse(env.toString().contains("PATH"), "no process environment");
            JsonNode all = t.ok(Command.SYSTEM_INFO, params("info_type", "All")).path("info");
            assertTrue(all.has("memory") && all.has("packages") && all.has("environment"));

            // session commands
            ObjectNode state = params("open_tabs", List.of("Workspace", "Inspector"), "tab", 2);
            JsonNode updated = t.ok(Command.UPDATE_SESSION_STATE, params("session_id", sid, "state_data", state));
            assertTrue(updated.path("update_successful").asBoolean());
            assertEquals(state, updated.path("session_state"));
            JsonNode restored = t.ok(Command.RESTORE_SESSION, params("session_id", sid));
            assertEquals(state, restored.path("session_state"));
            assertTrue(restored.path("workspace_context")
                    .path("variables")
                    .toString()
                    .contains("\"x\""));
            assertEquals(
                    yId,
                    restored.path("inspector_state").path("selected_object").asText());
            assertTrue(restored.path("object_registry").size() >= 1);
            JsonNode info = t.ok(Command.GET_SESSION_INFO, params("session_id", sid));
            assertEquals(client, info.path("client_id").asText());
            assertFalse(info.path("is_expired").asBoolean());
            assertTrue(info.path("time_until_expiry").asLong() > 3500);
            JsonNode mine = t.ok(Command.LIST_CLIENT_SESSIONS, params("client_id", client));
            assertEquals(1, mine.path("session_count").asInt());
            assertEquals(sid, mine.path("sessions").get(0).path("session_id").asText());
            JsonNode stats = t.ok(Command.GET_SESSION_STATISTICS, null);
            assertEquals(5, stats.path("max_sessions_per_client").asInt());
            assertEquals(300, stats.path("cleanup_interval").asInt());
            assertEquals(3600, stats.path("default_timeout").asInt());

            // context commands
            JsonNode saved = t.ok(Command.SAVE_CONTEXT, params("session_id", sid));
            assertTrue(saved.path("variables").toString().contains("\"x\""));
            assertTrue(saved.path("history_size").asInt() >= 4);
            t.ok(Command.EVALUATE, params("session_id", sid, "code", "x := 100. later := 1"));
            JsonNode loaded = t.ok(Command.LOAD_CONTEXT, params("session_id", sid));
            assertFalse(loaded.path("variables").toString().contains("later"), loaded.toString());
            assertEquals(
                    "3",
                    t.ok(Command.EVALUATE, params("session_id", sid, "code", "x"))
                            .path("result")
                            .asText());
            JsonNode summary = t.ok(Command.GET_CONTEXT_SUMMARY, params("session_id", sid));
            assertEquals("x", summary.path("variables").get(0).path("name").asText());
            assertEquals(
                    "SmallInteger",
                    summary.path("variables").get(0).path("class_name").asText());
            assertEquals("x", summary.path("last_evaluation").path("code").asText());
            assertNotNull(summary.path("inspector_state"));
            assertTrue(t.ok(Command.CLEAR_CONTEXT, params("session_id", sid))
                    .path("cleared")
                    .asBoolean());
            JsonNode empty = t.ok(Command.GET_CONTEXT_SUMMARY, params("session_id", sid));
            assertEquals(0, empty.path("variables").size());
            assertEquals(0, empty.path("history_size").asInt());
            assertTrue(empty.path("last_evaluation").isNull());

            // close_session, after which the session is gone
            assertTrue(t.ok(Command.CLOSE_SESSION, params("session_id", sid))
                    .path("closed")
                    .asBoolean());
            assertEquals("SessionNotFound", t.fails(Command.RESTORE_SESSION, params("session_id", sid)));
            assertEquals("SessionNotFound", t.fails(Command.EVALUATE, params("session_id", sid, "code", "1")));
            assertEquals(
                    0,
                    t.ok(Command.LIST_CLIENT_SESSIONS, params("client_id", client))
                            .path("session_count")
                            .asInt());
        }
    }

    @org.junit.jupiter.api.Test
    void evaluationsWithoutASessionShareTheImageAndSessionsStayPrivate() {
        try (Wire w = new Wire(ctx, Wire.Kind.REQ, server.endpoint())) {
            Talk t = new Talk(w, false);
            for (int round = 0; round < 3; round++) {
                // both workers (and the front, in fast mode) get to run these: every one of them sees the one image
                t.ok(
                        Command.EVALUATE,
                        params(
                                "code",
                                "Object subclass: #Shared instanceVariableNames: '' classVariableNames: '' package: 'X'."
                                        + " shared := " + round));
                assertEquals(
                        String.valueOf(round),
                        t.ok(Command.EVALUATE, params("code", "shared"))
                                .path("result")
                                .asText());
                assertEquals(
                        "a Shared",
                        t.ok(Command.EVALUATE, params("code", "Shared new"))
                                .path("result")
                                .asText());
            }
            String sid = t.ok(Command.CREATE_SESSION, params("client_id", "image-private"))
                    .path("session_id")
                    .asText();
            t.ok(Command.EVALUATE, params("session_id", sid, "code", "mine := 1"));
            assertEquals(
                    "nil",
                    t.ok(Command.EVALUATE, params("code", "mine"))
                            .path("result")
                            .asText(),
                    "a session's variables stay in the session");
            t.ok(Command.CLOSE_SESSION, params("session_id", sid));
        }
    }

    @ParameterizedTest(name = "envelope={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void classQueriesWithASessionSeeItsClasses(boolean envelope) {
        try (Wire w = new Wire(ctx, Wire.Kind.REQ, server.endpoint())) {
            Talk t = new Talk(w, envelope);
            String client = "browse-" + envelope;
            String sid = t.ok(Command.CREATE_SESSION, params("client_id", client))
                    .path("session_id")
                    .asText();
            String other = t.ok(Command.CREATE_SESSION, params("client_id", client))
                    .path("session_id")
                    .asText();
            t.ok(
                    Command.EVALUATE,
                    params(
                            "session_id",
                            sid,
                            "code",
                            "Object subclass: #Wallet instanceVariableNames: 'coins' classVariableNames: '' package: 'Mine'."
                                    + " Wallet compile: 'add: n \"Add n coins.\" coins := (coins ifNil: [0]) + n'."
                                    + " Wallet class compile: 'empty ^self new'"));

            JsonNode browsed = t.ok(
                    Command.BROWSE_CLASS,
                    params(
                            "session_id",
                            sid,
                            "class_name",
                            "Wallet",
                            "include_methods",
                            true,
                            "include_instance_vars",
                            true));
            assertEquals("Object", browsed.path("class_info").path("superclass").asText());
            assertEquals("coins", browsed.path("instance_vars").path(0).asText());
            assertEquals(
                    "add:",
                    browsed.path("instance_methods").path(0).path("name").asText());
            assertEquals(
                    "empty", browsed.path("class_methods").path(0).path("name").asText());

            JsonNode method = t.ok(
                            Command.GET_METHOD,
                            params("session_id", sid, "class_name", "Wallet", "method_name", "add:"))
                    .path("method");
            assertTrue(method.path("source").asText().contains("coins := (coins ifNil: [0]) + n"), method.toString());
            assertEquals("n", method.path("arguments").path(0).asText());

            JsonNode listed =
                    t.ok(Command.LIST_CLASSES, params("session_id", sid, "pattern", "Wal*", "include_system", false));
            assertEquals(1, listed.path("total_count").asInt());
            assertEquals("Wallet", listed.path("classes").path(0).path("name").asText());

            // the class belongs to its session: neither the kernel nor another session sees it
            assertEquals("ClassNotFound", t.fails(Command.BROWSE_CLASS, params("class_name", "Wallet")));
            assertEquals(
                    "ClassNotFound",
                    t.fails(
                            Command.GET_METHOD,
                            params("session_id", other, "class_name", "Wallet", "method_name", "add:")));
            assertEquals(
                    0,
                    t.ok(Command.LIST_CLASSES, params("session_id", other, "pattern", "Wal*"))
                            .path("total_count")
                            .asInt());
            assertEquals(
                    "MethodNotFound",
                    t.fails(
                            Command.GET_METHOD,
                            params("session_id", sid, "class_name", "Wallet", "method_name", "spend:")));
            assertEquals(
                    "SessionNotFound",
                    t.fails(
                            Command.BROWSE_CLASS,
                            params("session_id", "0123456789abcdef0123456789abcdef", "class_name", "Object")));
            t.ok(Command.CLOSE_SESSION, params("session_id", sid));
            t.ok(Command.CLOSE_SESSION, params("session_id", other));
        }
    }
}
