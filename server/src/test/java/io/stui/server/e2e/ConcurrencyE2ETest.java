package io.stui.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.protocol.client.ClientOptions;
import io.stui.protocol.client.StuiClient;
import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Five clients working at once for a few seconds, each in its own session: no error, no crossed state. */
@ParameterizedClass(name = "front-mode {0}")
@EnumSource(FrontMode.class)
class ConcurrencyE2ETest {

    /** The whole suite runs against both front modes; the plain one is the oracle. */
    final FrontMode mode;

    ConcurrencyE2ETest(FrontMode mode) {
        this.mode = mode;
    }

    @TempDir
    Path dir;

    @Test
    void fiveConcurrentClientsForAFewSeconds() throws Exception {
        try (StuiServer server = TestServers.start(mode, dir, Map.of("workers", "2"))) {
            ExecutorService pool = Executors.newFixedThreadPool(5);
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                int clientNo = c;
                results.add(pool.submit(() -> {
                    ClientOptions opts = ClientOptions.defaults(server.endpoint())
                            .withTimeout(Duration.ofSeconds(10))
                            .withTries(1);
                    try (StuiClient client = StuiClient.connect(opts)) {
                        String sid = client.createSession("load-" + clientNo).sessionId();
                        client.evaluate("n := 0. tag := " + clientNo, sid);
                        int n = 0;
                        while (System.nanoTime() < deadline) {
                            n++;
                            assertEquals(
                                    String.valueOf(n),
                                    client.evaluate("n := n + 1", sid).result());
                            if (n % 5 == 0) {
                                assertEquals("pong", client.ping().message());
                                assertEquals(
                                        String.valueOf(clientNo),
                                        client.evaluate("tag", sid).result());
                                assertEquals("12", client.evaluate("3 * 4").result());
                            }
                        }
                        assertEquals(
                                1, client.listClientSessions("load-" + clientNo).sessionCount());
                        client.closeSession(sid);
                        return n;
                    }
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            pool.shutdown();
            assertTrue(total >= 50, "only " + total + " evaluations in 3 s");
            assertEquals(0, server.metrics().requestCount("evaluate", "InternalError"));
        }
    }
}
