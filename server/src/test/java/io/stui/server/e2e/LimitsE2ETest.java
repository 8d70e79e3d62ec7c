package io.stui.server.e2e;

import static io.stui.server.e2e.Requests.command;
import static io.stui.server.e2e.Requests.errorCode;
import static io.stui.server.e2e.Requests.errorMessage;
import static io.stui.server.e2e.Requests.params;
import static io.stui.server.e2e.Requests.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZMessage;
import io.stui.zmq.ZSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Evaluation limits: a loop is stopped by the time limit or the step budget, and ping never waits for it. */
@ParameterizedClass(name = "front-mode {0}")
@EnumSource(FrontMode.class)
class LimitsE2ETest {

    /** The whole suite runs against both front modes; the plain one is the oracle. */
    final FrontMode mode;

    LimitsE2ETest(FrontMode mode) {
        this.mode = mode;
    }

    @TempDir
    Path dir;

    @Test
    void loopingEvaluationTimesOutWhilePingsKeepBeingAnswered() throws Exception {
        // the loop runs in place on the front's thread (nothing else is pending), so pings are answered only
        // if another thread takes the sockets over; with one worker the pool could not help either
        try (StuiServer server = TestServers.start(
                mode, dir, Map.of("workers", "1", "eval-timeout-ms", "1500", "instruction-budget", "0"))) {
            loopTimesOutWhilePingsAreAnswered(server.endpoint());
            assertEquals(1, server.metrics().timeoutCount());
            if (mode == FrontMode.FAST) {
                assertTrue(server.metrics().handoverCount() >= 1, "the loop should have been handed over");
            } else {
                assertEquals(0, server.metrics().handoverCount(), "a plain front runs nothing in place");
            }
        }
    }

    @Test
    void onTheJeromqBackendTooALoopTimesOutWhilePingsKeepBeingAnswered() throws Exception {
        // the hand-over moves the front's sockets to another thread; JeroMQ sockets must survive that as well
        try (ChildServer server = ChildServer.start(
                mode,
                dir,
                ChildServer.freePort(),
                Map.of("STUI_ZMQ_BACKEND", "jeromq"),
                "--eval-timeout-ms",
                "1500",
                "--instruction-budget",
                "0")) {
            assertTrue(server.output().contains("backend=jeromq"), server.output());
            loopTimesOutWhilePingsAreAnswered(server.endpoint);
        }
    }

    /** Starts a looping evaluation and pings until it is answered: by a time-out, near its limit, pings flowing. */
    private static void loopTimesOutWhilePingsAreAnswered(String endpoint) throws Exception {
        try (ZContext ctx = new ZContext();
                Wire looper = new Wire(ctx, Wire.Kind.DEALER_DELIMITED, endpoint);
                Wire pinger = new Wire(ctx, Wire.Kind.REQ, endpoint)) {
            long start = System.nanoTime();
            looper.sendText(command("loop", "evaluate", params("code", "[true] whileTrue")));
            int pings = 0;
            long worstPingNanos = 0;
            Optional<ZMessage> loopAnswer = Optional.empty();
            while (loopAnswer.isEmpty()) {
                long t0 = System.nanoTime();
                JsonNode pong = pinger.call(command("p" + pings, "ping", null));
                worstPingNanos = Math.max(worstPingNanos, System.nanoTime() - t0);
                assertEquals("pong", result(pong).path("message").asText());
                pings++;
                loopAnswer = looper.socket.receiveMessage(ZSocket.DONTWAIT);
                assertTrue(System.nanoTime() - start < 20_000_000_000L, "the looping evaluation was never stopped");
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            JsonNode answer = Wire.JSON.readTree(loopAnswer.get().frames().getLast());
            assertEquals("Timeout", errorCode(answer), answer.toString());
            assertTrue(elapsedMs >= 1400, "stopped after " + elapsedMs + " ms, before its limit");
            assertTrue(elapsedMs < 6000, "stopped only after " + elapsedMs + " ms");
            assertTrue(pings >= 10, "only " + pings + " pings answered during the loop");
            // a ping that waited for the loop would wait for most of it; a shorter wait is the machine's scheduling
            // (the loop holds one core by design, and the ping needs the client's, the server's I/O and the front's
            // threads to run), which a loaded 2-core machine stretched to 649 ms; how soon a relief takes over is
            // HandOverTest's to check, without a clock
            assertTrue(
                    worstPingNanos / 1_000_000 < elapsedMs / 2,
                    "a ping waited " + worstPingNanos / 1_000_000 + " ms of the loop's " + elapsedMs);

            // the front is free again
            JsonNode after = pinger.call(command("after", "evaluate", params("code", "6 * 7")));
            assertEquals("42", result(after).path("result").asText());
        }
    }

    @Test
    void instructionBudgetStopsALongComputation() {
        try (StuiServer server = TestServers.start(
                        mode, dir, Map.of("instruction-budget", "100000", "eval-timeout-ms", "10000"));
                ZContext ctx = new ZContext();
                Wire w = new Wire(ctx, Wire.Kind.REQ, server.endpoint())) {
            long t0 = System.nanoTime();
            JsonNode a = w.call(command("b", "evaluate", params("code", "1 to: 100000000 do: [:i | i * 2]")));
            assertEquals("Timeout", errorCode(a), a.toString());
            assertTrue(errorMessage(a).contains("instruction-budget"), errorMessage(a));
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "the budget should stop it long before the time limit");
            assertEquals(
                    "5050",
                    result(w.call(command(
                                    "c", "evaluate", params("code", "(1 to: 100) inject: 0 into: [:a :b | a + b]"))))
                            .path("result")
                            .asText());
        }
    }
}
