package io.stui.server.e2e;

import static io.stui.server.e2e.Requests.echoedId;
import static io.stui.server.e2e.Requests.errorCode;
import static io.stui.server.e2e.Requests.params;
import static io.stui.server.e2e.Requests.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.Command;
import io.stui.server.StuiServer;
import io.stui.server.command.DebugCommands;
import io.stui.server.config.FrontMode;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZMessage;
import io.stui.zmq.ZSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live inspector, evaluate's tool parameters, interrupt by request id and the debugger's suspension time-out
 * (issue #15), over real loopback sockets, in both encodings and both front modes.
 */
@ParameterizedClass(name = "front-mode {0}")
@EnumSource(FrontMode.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectorE2ETest {

    /** Deadline of the loops that wait for the server to reach a state (they poll answers, never sleep). */
    private static final long PATIENCE_NANOS = 20_000_000_000L;

    @Parameter
    FrontMode mode;

    StuiServer server;
    ZContext ctx;

    @BeforeParameterizedClassInvocation
    void start(FrontMode mode, @TempDir Path dir) {
        // a one-second suspension time-out, so the time-out test waits about a second
        Map<String, String> settings = new HashMap<>(TestServers.LOOPS_RUN_UNTIL_INTERRUPTED);
        settings.put("debug-suspension-timeout", "1");
        server = TestServers.start(mode, dir, settings);
        ctx = new ZContext();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        ctx.close();
        server.close();
    }

    private Talk talk(boolean envelope) {
        return new Talk(ctx, server, "insp", envelope);
    }

    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void everyElementHasAnIdAndAnySizePages(boolean envelope) {
        try (Talk t = talk(envelope)) {
            String sid = t.session();
            t.ok(Command.EVALUATE, params("code", "big := (1 to: 1000) collect: [:i | i * 2]", "session_id", sid));
            JsonNode page =
                    t.ok(Command.INSPECT, params("target", "big", "session_id", sid, "offset", 990, "limit", 20));
            assertEquals(1000, page.path("total_count").asInt(), page.toString());
            assertEquals(990, page.path("offset").asInt());
            assertEquals(20, page.path("limit").asInt());
            JsonNode elements = page.path("elements");
            assertEquals(10, elements.size(), page.toString());
            assertEquals(991, elements.get(0).path("index").asInt());
            assertEquals("1982", elements.get(0).path("value").asText());
            assertEquals("SmallInteger", elements.get(0).path("value_class").asText());
            // the existing fields keep their meaning: the first 100 printStrings
            assertEquals(100, page.path("indexed").size());
            assertEquals("2", page.at("/indexed/0").asText());
            assertEquals(1000, page.at("/object_info/size").asInt());

            // drill down by the element's id
            String last = elements.get(9).path("value_id").asText();
            JsonNode one = t.ok(Command.INSPECT, params("object_id", last, "session_id", sid));
            assertEquals("2000", one.at("/object_info/string_representation").asText(), one.toString());

            // a dictionary: every key and value has an id
            t.ok(
                    Command.EVALUATE,
                    params("code", "d := Dictionary new. d at: #apple put: 'red'. d", "session_id", sid));
            JsonNode dict = t.ok(Command.INSPECT, params("target", "d", "session_id", sid));
            assertEquals(1, dict.path("total_count").asInt(), dict.toString());
            JsonNode entry = dict.at("/elements/0");
            assertEquals("#apple", entry.path("key").asText(), dict.toString());
            assertEquals("'red'", entry.path("value").asText(), dict.toString());
            JsonNode key = t.ok(
                    Command.INSPECT, params("object_id", entry.path("key_id").asText(), "session_id", sid));
            assertEquals("#apple", key.at("/object_info/string_representation").asText(), key.toString());
            JsonNode value = t.ok(
                    Command.INSPECT, params("object_id", entry.path("value_id").asText(), "session_id", sid));
            assertEquals("'red'", value.at("/object_info/string_representation").asText(), value.toString());

            // an object without elements answers an empty page; a plain element has no key
            JsonNode three = t.ok(Command.INSPECT, params("target", "3", "session_id", sid));
            assertEquals(0, three.path("total_count").asInt(), three.toString());
            assertFalse(page.at("/elements/0").has("key"), page.toString());

            // without a session: the same page, without ids (the image hands none out)
            JsonNode image = t.ok(Command.INSPECT, params("target", "#(7 8 9)", "offset", 1, "limit", 1));
            assertEquals(3, image.path("total_count").asInt(), image.toString());
            assertEquals("8", image.at("/elements/0/value").asText(), image.toString());
            assertTrue(image.at("/elements/0/value_id").isNull(), image.toString());

            // a page is bounded, and a negative offset is refused
            assertEquals(
                    "InvalidRequest",
                    errorCode(t.send(Command.INSPECT, params("target", "big", "session_id", sid, "limit", 501))));
            assertEquals(
                    "InvalidRequest",
                    errorCode(t.send(Command.INSPECT, params("target", "big", "session_id", sid, "offset", -1))));
        }
    }

    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void setVariableAssignsFromAnExpressionAndAnswersTheNewInspection(boolean envelope) {
        try (Talk t = talk(envelope)) {
            String sid = t.session();
            t.ok(Command.DEFINE_CLASS, params("name", "Box", "instance_vars", "content", "session_id", sid));
            String box = t.ok(Command.EVALUATE, params("code", "b := Box new", "session_id", sid))
                    .path("object_id")
                    .asText();

            JsonNode set = t.ok(
                    Command.SET_VARIABLE,
                    params("object_id", box, "name", "content", "expression", "3 + 4", "session_id", sid));
            assertEquals("7", set.path("result").asText(), set.toString());
            assertEquals(box, set.at("/inspection/object_id").asText(), set.toString());
            assertEquals("7", set.at("/inspection/instance_vars/content").asText(), set.toString());
            // the expression runs with self bound to the object
            JsonNode twice = t.ok(
                    Command.SET_VARIABLE,
                    params("object_id", box, "name", "content", "expression", "content * 2", "session_id", sid));
            assertEquals("14", twice.at("/inspection/instance_vars/content").asText(), twice.toString());
            // the live object changed: the workspace sees it
            assertEquals(
                    "14",
                    t.ok(Command.EVALUATE, params("code", "b instVarNamed: 'content'", "session_id", sid))
                            .path("result")
                            .asText());

            // an indexed slot is named by its index
            String array = t.ok(Command.EVALUATE, params("code", "a := Array new: 3", "session_id", sid))
                    .path("object_id")
                    .asText();
            JsonNode slot = t.ok(
                    Command.SET_VARIABLE,
                    params("object_id", array, "name", "2", "expression", "'two'", "session_id", sid));
            assertEquals("'two'", slot.at("/inspection/elements/1/value").asText(), slot.toString());

            JsonNode noSuchVar = t.send(
                    Command.SET_VARIABLE,
                    params("object_id", box, "name", "nope", "expression", "1", "session_id", sid));
            assertEquals("InvalidRequest", errorCode(noSuchVar), noSuchVar.toString());
            assertEquals(
                    "ObjectNotFound",
                    errorCode(t.send(
                            Command.SET_VARIABLE,
                            params("object_id", "no-such-object", "name", "x", "expression", "1", "session_id", sid))));
            assertEquals(
                    "InvalidRequest",
                    errorCode(t.send(
                            Command.SET_VARIABLE, params("object_id", box, "name", "content", "expression", "1"))));
            // an expression that fails answers its evaluation error, and assigns nothing
            JsonNode failed = t.send(
                    Command.SET_VARIABLE,
                    params("object_id", box, "name", "content", "expression", "1 / 0", "session_id", sid));
            assertNotEquals("InvalidRequest", errorCode(failed), failed.toString());
            assertEquals(
                    "14",
                    t.ok(Command.INSPECT, params("object_id", box, "session_id", sid))
                            .at("/instance_vars/content")
                            .asText());
        }
    }

    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void inspectModeReceiverAndToolScopes(boolean envelope) {
        try (Talk t = talk(envelope)) {
            String sid = t.session();
            // Inspect mode: today's fields and the inspection, as inspect answers it
            JsonNode r = t.ok(
                    Command.EVALUATE,
                    params("code", "#(1 2 3) , #(4)", "evaluation_mode", "Inspect", "session_id", sid));
            assertEquals("#(1 2 3 4)", r.path("result").asText(), r.toString());
            assertEquals("Array", r.path("result_type").asText());
            assertEquals(
                    r.path("object_id").asText(), r.at("/inspection/object_id").asText(), r.toString());
            assertEquals(List.of("1", "2", "3", "4"), Talk.texts(r.at("/inspection/elements"), "value"));
            assertEquals(4, r.at("/inspection/total_count").asInt());
            // the other modes answer no inspection
            assertFalse(t.ok(Command.EVALUATE, params("code", "3 + 4", "session_id", sid))
                    .has("inspection"));
            // without a session: the inspection without ids
            JsonNode image = t.ok(Command.EVALUATE, params("code", "#(5 6)", "evaluation_mode", "Inspect"));
            assertEquals(List.of("5", "6"), Talk.texts(image.at("/inspection/elements"), "value"), image.toString());

            // receiver_id binds self (and its instance variables) to the object
            t.ok(Command.DEFINE_CLASS, params("name", "Cell", "instance_vars", "v", "session_id", sid));
            String cell = t.ok(Command.EVALUATE, params("code", "c := Cell new", "session_id", sid))
                    .path("object_id")
                    .asText();
            t.ok(Command.EVALUATE, params("code", "v := 41", "receiver_id", cell, "session_id", sid));
            assertEquals(
                    "42",
                    t.ok(Command.EVALUATE, params("code", "v + 1", "receiver_id", cell, "session_id", sid))
                            .path("result")
                            .asText());
            assertEquals(
                    "true",
                    t.ok(Command.EVALUATE, params("code", "self == c", "receiver_id", cell, "session_id", sid))
                            .path("result")
                            .asText());
            assertEquals(
                    "ObjectNotFound",
                    errorCode(t.send(
                            Command.EVALUATE,
                            params("code", "self", "receiver_id", "no-such-object", "session_id", sid))));

            // tool_id: one variable scope per tool, apart from each other and from the workspace's
            t.ok(Command.EVALUATE, params("code", "x := 'one'", "tool_id", "tool-1", "session_id", sid));
            t.ok(Command.EVALUATE, params("code", "x := 'two'", "tool_id", "tool-2", "session_id", sid));
            t.ok(Command.EVALUATE, params("code", "x := 'workspace'", "session_id", sid));
            assertEquals("'one'", valueOfX(t, sid, "tool-1"));
            assertEquals("'two'", valueOfX(t, sid, "tool-2"));
            assertEquals("'workspace'", valueOfX(t, sid, null));
        }
    }

    private static String valueOfX(Talk t, String sid, String tool) {
        ObjectNode p = params("code", "x", "session_id", sid);
        if (tool != null) {
            p.put("tool_id", tool);
        }
        return t.ok(Command.EVALUATE, p).path("result").asText();
    }

    /**
     * Two loops queued in one session: an interrupt names each by its request id. One naming the queued loop or an
     * unknown request stops nothing now (answers false); the queued loop stops as it starts. Each loop's own answer
     * is {@code Interrupted} with its stack, and an interrupt naming a finished loop is not kept.
     */
    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void interruptStopsOnlyTheRequestItNames(boolean envelope) throws Exception {
        try (Talk t = talk(envelope);
                Wire looper = new Wire(ctx, Wire.Kind.DEALER_DELIMITED, server.endpoint())) {
            String sid = t.session();
            String loop = "[true] whileTrue";
            looper.sendText(t.frame("loop-a", Command.EVALUATE, params("code", loop, "session_id", sid)));
            looper.sendText(t.frame("loop-b", Command.EVALUATE, params("code", loop, "session_id", sid)));

            // loop-b cannot run before loop-a ends
            assertFalse(interrupt(t, sid, "loop-b"), "loop-b was running");
            assertFalse(interrupt(t, sid, "nobody"));
            assertTrue(
                    looper.socket.receiveMessage(ZSocket.DONTWAIT).isEmpty(), "a loop answered before its interrupt");
            interrupt(t, sid, "loop-a"); // true when loop-a runs already, else kept for it: stopped either way
            assertInterrupted(t, looper, "loop-a");
            assertInterrupted(t, looper, "loop-b");

            assertFalse(interrupt(t, sid, "loop-a"), "loop-a is over");
            assertEquals(
                    "7",
                    t.ok(Command.EVALUATE, params("code", "3 + 4", "session_id", sid))
                            .path("result")
                            .asText());
        }
    }

    /**
     * The race of an interrupt with the request it names, made deterministic: the interrupt reaches the server
     * before the evaluation is even sent. It answers false (nothing runs) and the evaluation stops as it starts,
     * long before its 30-second time limit.
     */
    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void anInterruptSentBeforeItsRequestStopsItAsItStarts(boolean envelope) throws Exception {
        try (Talk t = talk(envelope);
                Wire looper = new Wire(ctx, Wire.Kind.DEALER_DELIMITED, server.endpoint())) {
            String sid = t.session();
            String id = "early-" + Requests.newId();
            assertFalse(interrupt(t, sid, id), "nothing runs yet");
            looper.sendText(t.frame(id, Command.EVALUATE, params("code", "[true] whileTrue", "session_id", sid)));
            assertInterrupted(t, looper, id);
            // taken by that evaluation: an interrupt without an id now stops nothing, and the next evaluation runs
            assertFalse(interrupt(t, sid, null));
            assertEquals(
                    "7",
                    t.ok(Command.EVALUATE, params("code", "3 + 4", "session_id", sid))
                            .path("result")
                            .asText());
        }
    }

    /** Sends {@code interrupt} (naming {@code requestId} unless null) and answers its {@code interrupted}. */
    private static boolean interrupt(Talk t, String sid, String requestId) {
        ObjectNode p =
                requestId == null ? params("session_id", sid) : params("session_id", sid, "request_id", requestId);
        return t.ok(Command.INTERRUPT, p).path("interrupted").asBoolean();
    }

    /** The next answer on {@code looper} is {@code id}'s, an {@code Interrupted} error with the loop's stack. */
    private static void assertInterrupted(Talk t, Wire looper, String id) throws Exception {
        Optional<ZMessage> answer = looper.socket.receiveMessage();
        assertTrue(answer.isPresent(), id + " did not answer after its interrupt");
        JsonNode a = Wire.JSON.readTree(answer.get().frames().getLast());
        assertEquals(id, echoedId(a), a.toString());
        assertEquals("Interrupted", errorCode(a), a.toString());
        assertTrue(t.details(a).path("stack_trace").asText().contains("DoIt"), a.toString());
    }

    /**
     * Suspended evaluations time out (here after one second) and are terminated: their debug ids are gone, their
     * threads end, and the session may suspend as many again.
     */
    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void aSuspendedEvaluationTimesOutAndReleasesItsThread(boolean envelope) throws Exception {
        try (Talk t = talk(envelope)) {
            String sid = t.session();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < DebugCommands.MAX_SUSPENDED_PER_SESSION; i++) {
                JsonNode s = t.ok(
                        Command.EVALUATE,
                        params("code", "nil halt. 3 + 4", "evaluation_mode", "Debug", "session_id", sid));
                assertTrue(s.path("suspended").asBoolean(), s.toString());
                ids.add(s.path("debug_id").asText());
            }
            List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(th -> ids.stream().anyMatch(id -> th.getName().equals("smalltalk-debug-" + id + "-1")))
                    .toList();
            assertFalse(threads.isEmpty(), "no debug thread found for " + ids);
            // the session holds as many as it may
            assertEquals(
                    "SessionError",
                    errorCode(t.send(
                            Command.EVALUATE,
                            params("code", "nil halt", "evaluation_mode", "Debug", "session_id", sid))));

            long start = System.nanoTime();
            for (String id : ids) {
                while (true) {
                    JsonNode st = t.send(
                            Command.DEBUG, params("operation", "GetStackTrace", "debug_id", id, "session_id", sid));
                    if (!Requests.isSuccess(st)) {
                        assertEquals("ObjectNotFound", errorCode(st), st.toString());
                        break;
                    }
                    String state = result(st).at("/debug_info/state").asText();
                    if (state.equals("terminated")) {
                        break;
                    }
                    assertEquals("suspended", state, st.toString());
                    assertTrue(System.nanoTime() - start < PATIENCE_NANOS, id + " never timed out");
                }
            }
            for (Thread th : threads) {
                th.join(PATIENCE_NANOS / 1_000_000);
                assertFalse(th.isAlive(), th.getName() + " still runs after its time-out");
            }
            // the slots are free again, and a debug id that timed out cannot be stepped
            JsonNode again = t.ok(
                    Command.EVALUATE, params("code", "nil halt. 3 + 4", "evaluation_mode", "Debug", "session_id", sid));
            assertTrue(again.path("suspended").asBoolean(), again.toString());
            JsonNode step = t.send(
                    Command.DEBUG, params("operation", "StepOver", "debug_id", ids.getFirst(), "session_id", sid));
            assertFalse(Requests.isSuccess(step), step.toString());
            JsonNode done = t.ok(
                    Command.DEBUG,
                    params(
                            "operation",
                            "Continue",
                            "debug_id",
                            again.path("debug_id").asText(),
                            "session_id",
                            sid));
            assertEquals("7", done.at("/debug_info/result").asText(), done.toString());
        }
    }
}
