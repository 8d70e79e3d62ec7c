package io.stui.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.bench.nativec.CPrograms;
import io.stui.bench.nativec.CeilingServer;
import io.stui.protocol.Encoding;
import io.stui.zmq.Backend;
import io.stui.zmq.ZContext;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Short real loads over loopback against the C ceiling server (libzmq directly, fixed reply). */
@Timeout(60)
class LoadAgainstCeilingTest {
    private static CeilingServer ceiling;
    private static ZContext context;

    @BeforeAll
    static void start() throws Exception {
        ceiling = CPrograms.locate(null).startCeiling(60);
        context = new ZContext(Backend.NATIVE);
    }

    @AfterAll
    static void stop() {
        context.close();
        ceiling.close();
    }

    private static LoadSpec spec(LoadSpec.SocketKind socket, int pipeline, double rate, long requests) {
        return new LoadSpec(
                ceiling.endpoint(),
                4,
                socket,
                pipeline,
                rate,
                Duration.ofMillis(200),
                Duration.ofMillis(1500),
                requests,
                CommandMix.parse("ping=2,evaluate=1,inspect=1"),
                "3 + 4",
                Duration.ofSeconds(2),
                true);
    }

    @Test
    void closedLoopReqClientsGetEveryRequestAnswered() throws Exception {
        LoadResult r = new LoadGenerator(spec(LoadSpec.SocketKind.REQ, 1, 0, 0), context, Encoding.COMMAND).run();
        assertEquals(0, r.errors());
        assertTrue(r.requests() > 500, "requests: " + r.requests());
        assertTrue(r.rps() > 300, "rps: " + r.rps());
        assertTrue(
                r.responseByKind()
                        .keySet()
                        .containsAll(java.util.List.of(CommandKind.PING, CommandKind.EVALUATE, CommandKind.INSPECT)),
                r.responseByKind().keySet().toString());
        assertTrue(
                r.response().p50Ms() > 0 && r.response().p50Ms() < 50,
                "p50 " + r.response().p50Ms());
    }

    @Test
    void openLoopHoldsTheTargetRate() throws Exception {
        LoadResult r = new LoadGenerator(spec(LoadSpec.SocketKind.REQ, 1, 400, 0), context, Encoding.COMMAND).run();
        assertEquals(0, r.errors());
        // 400 req/s for 1.5 s: about 600 requests, whatever the server could do beyond that.
        assertEquals(400, r.rps(), 80);
    }

    @Test
    void pipelinedDealerClientsRunARequestCount() throws Exception {
        LoadResult r =
                new LoadGenerator(spec(LoadSpec.SocketKind.DEALER, 8, 0, 2000), context, Encoding.ENVELOPE).run();
        assertEquals(0, r.errors());
        assertEquals(2000, r.requests());
    }

    @Test
    void anUnreachableServerIsAnErrorNotAHang() throws Exception {
        LoadSpec s = new LoadSpec(
                "tcp://127.0.0.1:1",
                2,
                LoadSpec.SocketKind.REQ,
                1,
                0,
                Duration.ZERO,
                Duration.ofMillis(600),
                0,
                CommandMix.parse("ping"),
                "3 + 4",
                Duration.ofMillis(200),
                false);
        LoadResult r = new LoadGenerator(s, context, Encoding.COMMAND).run();
        assertEquals(0, r.requests());
        assertTrue(r.errors() >= 2, "errors: " + r.errors());
    }

    @Test
    void aServerThatCannotCreateSessionsMakesTheLoadFail() {
        // Against a fixed-reply server without order matching, the answer to create_session is not its own.
        LoadSpec s = new LoadSpec(
                ceiling.endpoint(),
                2,
                LoadSpec.SocketKind.REQ,
                1,
                0,
                Duration.ZERO,
                Duration.ofMillis(300),
                0,
                CommandMix.parse("session"),
                "3 + 4",
                Duration.ofSeconds(1),
                false);
        LoadException e =
                assertThrows(LoadException.class, () -> new LoadGenerator(s, context, Encoding.COMMAND).run());
        assertTrue(e.getMessage().contains("create_session failed"), e.getMessage());
    }

    @Test
    void aBusyCeilingAnswersEveryRequestNoFasterThanItsSpinAllows() throws Exception {
        // 500 µs of spinning per request on one thread: at most 2,000 answers a second, whatever the machine
        try (CeilingServer busy = CPrograms.locate(null).startCeiling(30, 500_000)) {
            LoadSpec s = new LoadSpec(
                    busy.endpoint(),
                    4,
                    LoadSpec.SocketKind.REQ,
                    1,
                    0,
                    Duration.ofMillis(200),
                    Duration.ofMillis(1000),
                    0,
                    CommandMix.parse("ping"),
                    "3 + 4",
                    Duration.ofSeconds(2),
                    true);
            LoadResult r = new LoadGenerator(s, context, Encoding.COMMAND).run();
            assertEquals(0, r.errors());
            assertTrue(r.requests() > 100, "requests: " + r.requests());
            assertTrue(r.rps() <= 2_100, "rps: " + r.rps());
        }
    }
}
