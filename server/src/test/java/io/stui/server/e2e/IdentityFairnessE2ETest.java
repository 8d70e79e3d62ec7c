package io.stui.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.protocol.client.ClientOptions;
import io.stui.protocol.client.StuiAsyncClient;
import io.stui.protocol.client.StuiClient;
import io.stui.protocol.result.EvaluateResult;
import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16 follow-up: on a server that knows its clients, the workers are shared between identities, not between
 * the client ids (or connections) they claim. Mallory holds one token and spreads slow evaluations over many claimed
 * client ids, or over many connections; alice's {@code 3 + 4} must still wait for at most one of them. As in
 * {@link FairnessE2ETest}, the order in which answers arrive is the measure (no clock). Before the change, mallory's
 * invented ids each got a turn of their own and alice's answer came after mallory's fifth.
 */
class IdentityFairnessE2ETest {

    private static final String ALICE_TOKEN = "alice-token-0123456789abcdef";
    private static final String MALLORY_TOKEN = "mallory-token-0123456789abcdef";
    private static final int HOARDED = 6;

    private static StuiServer start(Path dir) throws IOException {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "alice " + ALICE_TOKEN + "\nmallory " + MALLORY_TOKEN + "\n");
        Map<String, String> flags = new HashMap<>();
        flags.put("token-file", tokens.toString());
        flags.put("eval-timeout-ms", "800");
        flags.put("instruction-budget", "0");
        flags.put("max-sessions-per-client", String.valueOf(HOARDED + 1));
        return TestServers.start(FrontMode.PLAIN, dir, flags);
    }

    @Test
    void manyClaimedClientIdsOfOneIdentityShareOneTurn(@TempDir Path dir) throws Exception {
        try (StuiServer server = start(dir);
                StuiClient setup = StuiClient.connect(options(server, MALLORY_TOKEN));
                StuiClient aliceSetup = StuiClient.connect(options(server, ALICE_TOKEN));
                StuiAsyncClient mallory = StuiAsyncClient.connect(options(server, MALLORY_TOKEN));
                StuiAsyncClient alice = StuiAsyncClient.connect(options(server, ALICE_TOKEN))) {
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < HOARDED; i++) {
                sessions.add(setup.createSession("invented-" + i).sessionId());
            }
            String aliceSession = aliceSetup.createSession("alice").sessionId();
            AtomicInteger arrivals = new AtomicInteger();
            List<CompletableFuture<Integer>> slow = new ArrayList<>();
            for (String s : sessions) {
                slow.add(arrivalOf(mallory.evaluate("[true] whileTrue", s), arrivals));
            }
            slow.getFirst().get(30, TimeUnit.SECONDS);
            CompletableFuture<EvaluateResult> quick = alice.evaluate("3 + 4", aliceSession);
            assertAnsweredBefore(quick, slow, 4, arrivals);
        }
    }

    @Test
    void manyConnectionsOfOneIdentityShareOneTurnInTheDefaultImage(@TempDir Path dir) throws Exception {
        List<StuiAsyncClient> connections = new ArrayList<>();
        try (StuiServer server = start(dir);
                StuiAsyncClient alice = StuiAsyncClient.connect(options(server, ALICE_TOKEN))) {
            AtomicInteger arrivals = new AtomicInteger();
            List<CompletableFuture<Integer>> slow = new ArrayList<>();
            for (int i = 0; i < HOARDED; i++) {
                StuiAsyncClient c = StuiAsyncClient.connect(options(server, MALLORY_TOKEN));
                connections.add(c);
                slow.add(arrivalOf(c.evaluate("[true] whileTrue", null), arrivals));
            }
            slow.getFirst().get(30, TimeUnit.SECONDS);
            CompletableFuture<EvaluateResult> quick = alice.evaluate("3 + 4", null);
            // the image runs one evaluation at a time: mallory's second may run when 3 + 4 arrives, not her third
            assertAnsweredBefore(quick, slow, 3, arrivals);
        } finally {
            connections.forEach(StuiAsyncClient::close);
        }
    }

    private static void assertAnsweredBefore(
            CompletableFuture<EvaluateResult> quick,
            List<CompletableFuture<Integer>> slow,
            int index,
            AtomicInteger arrivals)
            throws Exception {
        int quickArrival = arrivalOf(quick, arrivals).get(30, TimeUnit.SECONDS);
        assertEquals("7", quick.get().result());
        int later = slow.get(index).get(30, TimeUnit.SECONDS);
        assertTrue(
                quickArrival < later,
                "alice's 3 + 4 answered as arrival " + quickArrival + ", after mallory's evaluation #" + (index + 1)
                        + " (arrival " + later + ")");
        for (CompletableFuture<Integer> f : slow) {
            f.get(30, TimeUnit.SECONDS);
        }
    }

    private static ClientOptions options(StuiServer server, String token) {
        return ClientOptions.defaults(server.endpoint())
                .withTimeout(Duration.ofSeconds(30))
                .withTries(1)
                .withAuthToken(token);
    }

    /** Completes with the rank at which the answer arrived (an error answer counts as arrived). */
    private static CompletableFuture<Integer> arrivalOf(CompletableFuture<?> answer, AtomicInteger arrivals) {
        return answer.handle((r, e) -> arrivals.incrementAndGet());
    }
}
