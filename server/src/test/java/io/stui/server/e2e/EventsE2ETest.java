package io.stui.server.e2e;

import static io.stui.server.e2e.Requests.errorCode;
import static io.stui.server.e2e.Requests.params;
import static io.stui.server.e2e.Requests.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.Command;
import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import io.stui.zmq.Backend;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
 * The events socket (issue #15) of a real server over loopback, in both front modes and both encodings: Transcript
 * output arrives while the evaluation still runs, busy/idle and started/finished come in order, and a subscriber that
 * never reads costs counted drops while the server keeps answering. Synchronised on messages only.
 */
@ParameterizedClass(name = "front-mode {0}")
@EnumSource(FrontMode.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsE2ETest {

    @Parameter
    FrontMode mode;

    StuiServer server;
    ZContext ctx;
    int ids;

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

    private String request(boolean envelope, Command c, ObjectNode p, String id) {
        return Requests.frame(envelope, id, c, p);
    }

    private JsonNode call(boolean envelope, Command c, ObjectNode p) {
        try (Wire w = new Wire(ctx, Wire.Kind.REQ, server.endpoint())) {
            return w.call(request(envelope, c, p, "ev-" + (++ids)));
        }
    }

    /** A subscriber to {@code topic} on the server's events endpoint, once the server said it is live. */
    private static ZSocket subscribe(ZContext on, String endpoint, String topic) {
        return subscribe(on, endpoint, topic, 1000);
    }

    private static ZSocket subscribe(ZContext on, String endpoint, String topic, int rcvHwm) {
        ZSocket sub = on.createSocket(SocketType.SUB);
        sub.setRcvHwm(rcvHwm);
        sub.setRcvTimeout(15_000);
        sub.connect(endpoint);
        sub.subscribe(topic);
        assertEquals("subscribed", Events.next(sub).path("event").asText());
        return sub;
    }

    private static List<String> kinds(List<JsonNode> events) {
        return events.stream().map(e -> e.path("event").asText()).toList();
    }

    @Test
    void describeNamesTheEventsEndpoint() {
        JsonNode d = result(call(false, Command.DESCRIBE, null));
        assertEquals(
                server.eventsEndpoint(), d.at("/capabilities/events_endpoint").asText());
        assertTrue(server.eventsEndpoint().startsWith("tcp://127.0.0.1:"), server.eventsEndpoint());
    }

    @ParameterizedTest(name = "envelope={0}")
    @ValueSource(booleans = {false, true})
    void transcriptArrivesWhileTheEvaluationStillRuns(boolean envelope) {
        String sid = result(call(envelope, Command.CREATE_SESSION, params("client_id", "events")))
                .path("session_id")
                .asText();
        try (ZSocket sub = subscribe(ctx, server.eventsEndpoint(), sid);
                Wire evaluating = new Wire(ctx, Wire.Kind.DEALER_DELIMITED, server.endpoint())) {
            String id = "loop-" + envelope;
            evaluating.sendText(request(
                    envelope,
                    Command.EVALUATE,
                    params("code", "Transcript show: 'a'; cr. [true] whileTrue", "session_id", sid),
                    id));
            List<JsonNode> before = Events.until(sub, "transcript");
            assertEquals(List.of("evaluation_started", "busy", "transcript"), kinds(before));
            assertEquals(id, before.getFirst().path("request_id").asText());
            assertEquals("a", before.getLast().at("/result/text").asText());
            // the evaluation cannot have answered: it loops until interrupted
            assertTrue(evaluating.socket.receiveMessage(ZSocket.DONTWAIT).isEmpty(), "answered before the interrupt");
            assertEquals("\n", Events.next(sub).at("/result/text").asText());

            JsonNode stopped = call(envelope, Command.INTERRUPT, params("session_id", sid));
            assertTrue(result(stopped).path("interrupted").asBoolean(), stopped.toString());
            assertEquals("Interrupted", errorCode(evaluating.receive()));
            List<JsonNode> after = Events.until(sub, "evaluation_finished");
            assertEquals(List.of("idle", "evaluation_finished"), kinds(after));
            assertEquals(id, after.getLast().path("request_id").asText());
            assertEquals("Interrupted", after.getLast().at("/result/error_type").asText());

            call(envelope, Command.CLOSE_SESSION, params("session_id", sid));
            JsonNode closed = Events.next(sub);
            assertEquals("session_state", closed.path("event").asText(), closed.toString());
            assertEquals("closed", closed.at("/result/state").asText());
        }
    }

    @ParameterizedTest(name = "subscriber on {0}")
    @EnumSource(Backend.class)
    void theDefaultImagePublishesOnTopicImage(Backend backend) {
        try (ZContext other = new ZContext(backend);
                ZSocket sub = subscribe(other, server.eventsEndpoint(), "image")) {
            JsonNode answer;
            try (Wire w = new Wire(ctx, Wire.Kind.REQ, server.endpoint())) {
                answer = w.call(
                        request(true, Command.EVALUATE, params("code", "Transcript show: 'img'. 3 + 4"), "img-1"));
            }
            assertEquals("7", result(answer).path("result").asText());
            List<JsonNode> seen = Events.until(sub, "evaluation_finished");
            assertEquals(
                    List.of("evaluation_started", "busy", "transcript", "idle", "evaluation_finished"), kinds(seen));
            assertEquals("img", seen.get(2).at("/result/text").asText());
            assertEquals("success", seen.getLast().at("/result/status").asText());
            assertEquals("img-1", seen.getLast().path("request_id").asText());
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i).path("seq").asLong()
                        > seen.get(i - 1).path("seq").asLong());
            }
        }
    }

    @Test
    void theDebuggerSaysWhenItSuspendsAndResumes() {
        String sid = result(call(false, Command.CREATE_SESSION, params("client_id", "events")))
                .path("session_id")
                .asText();
        try (ZSocket sub = subscribe(ctx, server.eventsEndpoint(), sid)) {
            JsonNode r = result(call(
                    false,
                    Command.EVALUATE,
                    params("code", "| x | x := 3. self halt. x + 1", "session_id", sid, "evaluation_mode", "Debug")));
            assertTrue(r.path("suspended").asBoolean(), r.toString());
            String debugId = r.path("debug_id").asText();
            List<JsonNode> suspended = Events.until(sub, "debugger_suspended");
            assertEquals(debugId, suspended.getLast().at("/result/debug_id").asText());

            call(false, Command.DEBUG, params("session_id", sid, "debug_id", debugId, "operation", "Continue"));
            List<JsonNode> resumed = Events.until(sub, "debugger_ended");
            assertEquals("debugger_resumed", resumed.getFirst().path("event").asText(), resumed.toString());
            assertEquals("finished", resumed.getLast().at("/result/state").asText());
            call(false, Command.CLOSE_SESSION, params("session_id", sid));
        }
    }

    @Test
    void aSubscriberThatNeverReadsCostsCountedDropsAndTheServerKeepsAnswering(@TempDir Path dir) {
        try (StuiServer small = TestServers.start(mode, dir, Map.of("events-hwm", "2"));
                ZSocket stuck = subscribe(ctx, small.eventsEndpoint(), "image", 2);
                Wire w = new Wire(ctx, Wire.Kind.REQ, small.endpoint())) {
            // it reads the event that says it is subscribed, and nothing after
            String code = "1 to: 9 do: [:i | Transcript show: (String new: 100000 withAll: $x)]. 0";
            int evaluations = 0;
            while (small.eventsDropped() == 0 && evaluations < 300) {
                JsonNode a = w.call(Requests.command("d-" + evaluations, "evaluate", params("code", code)));
                assertEquals("0", result(a).path("result").asText(), a.toString());
                evaluations++;
            }
            assertTrue(small.eventsDropped() > 0, "no drop counted after " + evaluations + " evaluations");
            JsonNode ping = w.call(Requests.command("p", "ping", null));
            assertEquals("success", ping.path("status").asText());
        }
    }
}
