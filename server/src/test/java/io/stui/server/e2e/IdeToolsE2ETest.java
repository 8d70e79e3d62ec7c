package io.stui.server.e2e;

import static io.stui.server.e2e.Requests.errorCode;
import static io.stui.server.e2e.Requests.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.protocol.Command;
import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZMessage;
import io.stui.zmq.ZSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/** The IDE tools (issue #15) over real loopback sockets, in both encodings and both front modes. */
@ParameterizedClass(name = "front-mode {0}")
@EnumSource(FrontMode.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdeToolsE2ETest {

    @Parameter
    FrontMode mode;

    StuiServer server;
    ZContext ctx;

    @BeforeParameterizedClassInvocation
    void start(FrontMode mode, @TempDir Path dir) {
        server = TestServers.start(mode, dir, TestServers.LOOPS_RUN_UNTIL_INTERRUPTED);
        ctx = new ZContext();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        ctx.close();
        server.close();
    }

    private Talk talk(boolean envelope) {
        return new Talk(ctx, server, "ide", envelope);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void completionOfThreeFactOffersFactorial(boolean envelope) {
        try (Talk t = talk(envelope)) {
            JsonNode r = t.ok(Command.CODE_COMPLETION, params("code", "3 fact"));
            assertTrue(Talk.texts(r.path("candidates"), "text").contains("factorial"), r.toString());
            assertEquals(2, r.path("replace_start").asInt());
            assertEquals(6, r.path("replace_end").asInt());
            // in a session, a workspace variable's live value gives the receiver's class
            String sid = t.session();
            t.ok(Command.EVALUATE, params("code", "answer := 42", "session_id", sid));
            JsonNode v = t.ok(Command.CODE_COMPLETION, params("code", "ans", "session_id", sid));
            assertEquals("answer", v.path("candidates").get(0).path("text").asText(), v.toString());
        }
    }

    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void isCompleteTellsTheReplWhetherToReadAnotherLine(boolean envelope) {
        try (Talk t = talk(envelope)) {
            assertEquals(
                    "complete",
                    t.ok(Command.IS_COMPLETE, params("code", "3 + 4"))
                            .path("status")
                            .asText());
            JsonNode open = t.ok(Command.IS_COMPLETE, params("code", "#(1 2 collect: [:x |"));
            assertEquals("incomplete", open.path("status").asText());
            assertFalse(open.path("indent").asText().isEmpty());
            assertEquals(
                    "invalid",
                    t.ok(Command.IS_COMPLETE, params("code", "3 ]"))
                            .path("status")
                            .asText());
        }
    }

    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void sendersOfPrintOnAndTheOtherQueries(boolean envelope) {
        try (Talk t = talk(envelope)) {
            JsonNode senders = t.ok(Command.SENDERS, params("selector", "printOn:", "limit", 500));
            assertTrue(senders.path("total_count").asInt() > 0, senders.toString());
            JsonNode first = senders.path("items").get(0);
            assertTrue(first.path("line").asInt() >= 1, first.toString());
            assertTrue(first.has("class_name") && first.has("selector") && first.has("is_class_method"));
            assertTrue(Talk.texts(senders.path("items"), "selector").contains("printString"), senders.toString());

            JsonNode impl = t.ok(Command.IMPLEMENTORS, params("selector", "printOn:", "limit", 2));
            assertEquals(2, impl.path("items").size());
            assertTrue(impl.path("total_count").asInt() > 2);

            JsonNode refs = t.ok(Command.REFERENCES, params("name", "OrderedCollection"));
            assertTrue(refs.path("total_count").asInt() > 0, refs.toString());

            JsonNode h = t.ok(Command.CLASS_HIERARCHY, params("class_name", "Integer", "depth", 1));
            assertTrue(strings(h.path("superclasses")).size() > 1);
            assertEquals("Number", h.path("superclasses").get(0).asText(), h.toString());
            assertTrue(Talk.texts(h.path("subclasses"), "name").contains("SmallInteger"), h.toString());

            JsonNode found = t.ok(Command.SEARCH_METHODS, params("pattern", "printString*"));
            assertTrue(Talk.texts(found.path("items"), "selector").contains("printString"), found.toString());

            assertEquals("ClassNotFound", errorCode(t.send(Command.CLASS_HIERARCHY, params("class_name", "Nope"))));
        }
    }

    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void aMethodCompiledWithASyntaxErrorThenFixed(boolean envelope) {
        try (Talk t = talk(envelope)) {
            String sid = t.session();
            JsonNode defined = t.ok(
                    Command.DEFINE_CLASS,
                    params(
                            "name",
                            "Greeter",
                            "superclass",
                            "Object",
                            "instance_vars",
                            "name",
                            "package",
                            "Demo",
                            "session_id",
                            sid));
            assertEquals("Greeter", defined.at("/class_info/name").asText());
            assertEquals("Demo", defined.at("/class_info/package").asText());

            JsonNode bad = t.send(
                    Command.COMPILE_METHOD,
                    params("class_name", "Greeter", "source", "greet\n\t^'hello' , ", "session_id", sid));
            assertEquals("CompilationError", errorCode(bad), bad.toString());
            JsonNode details = envelope ? bad.at("/payload/data/data/details") : bad.path("details");
            assertEquals(2, details.path("line").asInt(), bad.toString());
            assertTrue(details.path("column").asInt() > 1, bad.toString());

            JsonNode good = t.ok(
                    Command.COMPILE_METHOD,
                    params("class_name", "Greeter", "source", "greet\n\t^'hello' , 'world'", "session_id", sid));
            assertEquals("greet", good.path("selector").asText());
            assertEquals(
                    "'helloworld'",
                    t.ok(Command.EVALUATE, params("code", "Greeter new greet", "session_id", sid))
                            .path("result")
                            .asText());
            // browsing sees it at once, and removing takes it away
            JsonNode impl = t.ok(Command.IMPLEMENTORS, params("selector", "greet", "session_id", sid));
            assertEquals("Greeter", impl.at("/items/0/class_name").asText(), impl.toString());
            assertTrue(t.ok(
                            Command.REMOVE_METHOD,
                            params("class_name", "Greeter", "method_name", "greet", "session_id", sid))
                    .path("removed")
                    .asBoolean());
            assertTrue(t.ok(Command.REMOVE_CLASS, params("class_name", "Greeter", "session_id", sid))
                    .path("removed")
                    .asBoolean());
            // without a session an edit goes to the default image, which never had the session's Greeter
            assertEquals(
                    "ClassNotFound",
                    errorCode(t.send(Command.COMPILE_METHOD, params("class_name", "Greeter", "source", "x ^1"))));
        }
    }

    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void historyIsPaged(boolean envelope) {
        try (Talk t = talk(envelope)) {
            String sid = t.session();
            for (int i = 1; i <= 3; i++) {
                t.ok(Command.EVALUATE, params("code", i + " * 10", "session_id", sid));
            }
            JsonNode h = t.ok(Command.GET_HISTORY, params("session_id", sid, "offset", 1, "limit", 5));
            assertEquals(3, h.path("total_count").asInt());
            assertEquals(List.of("2 * 10", "3 * 10"), Talk.texts(h.path("entries"), "code"));
            assertEquals("30", h.at("/entries/1/result").asText());
            assertTrue(h.at("/entries/1/ok").asBoolean());
        }
    }

    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void describeListsEveryCommandWithItsParameters(boolean envelope) {
        try (Talk t = talk(envelope)) {
            JsonNode d = t.ok(Command.DESCRIBE, null);
            assertEquals(Command.values().length, d.path("commands").size());
            JsonNode compile = null;
            for (JsonNode c : d.path("commands")) {
                if (c.path("command").asText().equals("compile_method")) {
                    compile = c;
                }
            }
            assertEquals("CompileMethod", compile.path("request_type").asText());
            assertEquals(
                    List.of("class_name", "source", "category", "is_class_method", "session_id"),
                    strings(compile.path("parameters")));
            assertEquals(30000, d.at("/limits/eval_timeout_ms").asInt());
            assertEquals(List.of("command", "envelope"), strings(d.path("encodings")));
            assertTrue(d.at("/capabilities/completion").asBoolean());
        }
    }

    /**
     * Starts {@code [true] whileTrue} in a session and interrupts it from another socket: the loop's own answer is
     * {@code Interrupted}, with the stack where it stopped.
     */
    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void interruptStopsALoopingEvaluation(boolean envelope) throws Exception {
        try (Talk t = talk(envelope);
                Wire looper = new Wire(ctx, Wire.Kind.DEALER_DELIMITED, server.endpoint())) {
            String sid = t.session();
            assertFalse(t.ok(Command.INTERRUPT, params("session_id", sid))
                    .path("interrupted")
                    .asBoolean());
            looper.sendText(
                    envelope
                            ? Requests.envelope(
                                    "loop", "Evaluate", params("code", "[true] whileTrue", "session_id", sid))
                            : Requests.command(
                                    "loop", "evaluate", params("code", "[true] whileTrue", "session_id", sid)));
            long start = System.nanoTime();
            Optional<ZMessage> answer = Optional.empty();
            boolean interrupted = false;
            while (answer.isEmpty()) {
                // until the loop has started, there is nothing to interrupt yet
                if (!interrupted) {
                    interrupted = t.ok(Command.INTERRUPT, params("session_id", sid))
                            .path("interrupted")
                            .asBoolean();
                }
                answer = looper.socket.receiveMessage(interrupted ? 0 : ZSocket.DONTWAIT);
                assertTrue(System.nanoTime() - start < 20_000_000_000L, "the loop was never stopped");
            }
            JsonNode a = Wire.JSON.readTree(answer.get().frames().getLast());
            assertEquals("Interrupted", errorCode(a), a.toString());
            String trace = envelope
                    ? a.at("/payload/data/data/stack_trace").asText()
                    : a.path("stack_trace").asText();
            assertTrue(trace.contains("DoIt"), a.toString());
            // the session goes on
            assertEquals(
                    "7",
                    t.ok(Command.EVALUATE, params("code", "3 + 4", "session_id", sid))
                            .path("result")
                            .asText());
        }
    }

    /** A breakpoint hit, three steps, the locals read, then continue to the value. */
    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void aBreakpointThreeStepsLocalsAndContinue(boolean envelope) {
        try (Talk t = talk(envelope)) {
            String sid = t.session();
            t.ok(Command.DEFINE_CLASS, params("name", "Calc", "session_id", sid));
            t.ok(
                    Command.COMPILE_METHOD,
                    params(
                            "class_name", "Calc",
                            "source", "sumTo: n\n\t| s |\n\ts := 0.\n\t1 to: n do: [:i | s := s + i].\n\t^s",
                            "session_id", sid));
            JsonNode bp = t.ok(
                    Command.DEBUG,
                    params(
                            "operation",
                            "SetBreakpoint",
                            "class_name",
                            "Calc",
                            "method_name",
                            "sumTo:",
                            "line",
                            4,
                            "session_id",
                            sid));
            assertEquals(4, bp.at("/debug_info/current_line").asInt(), bp.toString());

            JsonNode started =
                    t.ok(Command.EVALUATE, params("code", "Calc new sumTo: 10", "debug", true, "session_id", sid));
            assertTrue(started.path("suspended").asBoolean(), started.toString());
            String debugId = started.path("debug_id").asText();
            // the session still evaluates while one evaluation is suspended
            assertEquals(
                    "7",
                    t.ok(Command.EVALUATE, params("code", "3 + 4", "session_id", sid))
                            .path("result")
                            .asText());

            JsonNode at =
                    t.ok(Command.DEBUG, params("operation", "GetStackTrace", "debug_id", debugId, "session_id", sid));
            assertEquals("suspended", at.at("/debug_info/state").asText(), at.toString());
            assertEquals("breakpoint", at.at("/debug_info/reason").asText(), at.toString());
            assertEquals(4, at.at("/debug_info/current_line").asInt(), at.toString());
            assertTrue(at.at("/debug_info/current_method").asText().contains("sumTo:"), at.toString());
            assertTrue(at.at("/debug_info/frames").size() >= 2, at.toString());

            for (int i = 0; i < 3; i++) {
                JsonNode step =
                        t.ok(Command.DEBUG, params("operation", "StepOver", "debug_id", debugId, "session_id", sid));
                assertEquals("suspended", step.at("/debug_info/state").asText(), step.toString());
            }
            JsonNode locals =
                    t.ok(Command.DEBUG, params("operation", "GetLocalVars", "debug_id", debugId, "session_id", sid));
            assertEquals("10", locals.at("/debug_info/local_vars/n").asText(), locals.toString());
            assertTrue(locals.at("/debug_info/local_vars").has("s"), locals.toString());

            t.ok(
                    Command.DEBUG,
                    params(
                            "operation",
                            "RemoveBreakpoint",
                            "class_name",
                            "Calc",
                            "method_name",
                            "sumTo:",
                            "line",
                            4,
                            "session_id",
                            sid));
            JsonNode done =
                    t.ok(Command.DEBUG, params("operation", "Continue", "debug_id", debugId, "session_id", sid));
            assertEquals("finished", done.at("/debug_info/state").asText(), done.toString());
            assertEquals("55", done.at("/debug_info/result").asText(), done.toString());
            // post-mortem debug keeps its meaning
            assertTrue(t.ok(Command.DEBUG, params("operation", "GetStackTrace", "session_id", sid))
                    .has("debug_info"));
        }
    }
}
