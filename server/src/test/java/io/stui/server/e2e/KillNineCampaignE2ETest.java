package io.stui.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.protocol.Command;
import io.stui.protocol.client.ClientOptions;
import io.stui.protocol.client.StuiClient;
import io.stui.server.config.FrontMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty SIGKILLs of a real server process while a client writes, each at a random point of the writing: after
 * every restart on the same store, every write the server acknowledged is there (the session state at least as new
 * as the last acknowledged update, every acknowledged session present). Issue #16's campaign, kept in the suite.
 */
class KillNineCampaignE2ETest {

    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyAcknowledgedWriteSurvivesTwentyKills() throws Exception {
        int port = ChildServer.freePort();
        ClientOptions opts = ClientOptions.defaults("tcp://127.0.0.1:" + port)
                .withTimeout(Duration.ofSeconds(3))
                .withTries(1); // an unanswered write is not acknowledged: no retry blurs that
        Random random = new Random(16);
        String sid;
        List<String> ackedSessions = new CopyOnWriteArrayList<>();
        AtomicLong ackedState = new AtomicLong(-1);
        long acknowledged = 0;
        ChildServer server = ChildServer.start(FrontMode.FAST, dir, port);
        try {
            try (StuiClient c = StuiClient.connect(opts)) {
                sid = c.createSession("campaign").sessionId();
            }
            for (int round = 0; round < KILLS; round++) {
                int killAfter = 5 + random.nextInt(40);
                CountDownLatch enough = new CountDownLatch(killAfter);
                AtomicLong writes = new AtomicLong();
                long firstN = ackedState.get() + 1;
                int r = round;
                Thread writer = Thread.ofPlatform().name("campaign-writer").start(() -> {
                    try (StuiClient c = StuiClient.connect(opts)) {
                        for (long n = firstN; ; n++) {
                            if (n % 7 == 0) {
                                String created =
                                        c.createSession("k" + r + "-" + n).sessionId();
                                ackedSessions.add(created);
                            } else {
                                c.updateSessionState(
                                        sid, Wire.JSON.createObjectNode().put("n", n));
                                ackedState.set(n);
                            }
                            writes.incrementAndGet();
                            enough.countDown();
                        }
                    } catch (RuntimeException stopped) {
                        // the server is gone: this write was not acknowledged
                    }
                });
                assertTrue(enough.await(60, TimeUnit.SECONDS), "round " + round + ": writes stalled");
                server.kill9();
                writer.join(30_000);
                acknowledged += writes.get();
                server = ChildServer.start(FrontMode.FAST, dir, port);
                try (StuiClient c = StuiClient.connect(opts.withTries(3))) {
                    long stored = c.restoreSession(sid).sessionState().path("n").asLong(-1);
                    assertTrue(
                            stored >= ackedState.get(),
                            "round " + round + ": state n=" + stored + " but n=" + ackedState.get()
                                    + " was acknowledged");
                    for (String s : ackedSessions) {
                        JsonNode info = c.call(Command.GET_SESSION_INFO, Map.of("session_id", s));
                        assertEquals(s, info.path("session_id").asText(), "round " + round + ": session lost");
                    }
                }
            }
        } finally {
            server.close();
        }
        assertTrue(acknowledged >= KILLS * 5L, "acknowledged writes checked: " + acknowledged);
    }
}
