package io.stui.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.protocol.client.ClientOptions;
import io.stui.protocol.client.StuiAsyncClient;
import io.stui.protocol.result.EvaluateResult;
import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #16, problem 4, as a hostile client plays it: one client pipelines evaluations that each run to the time
 * limit; another client's {@code 3 + 4} must not wait behind all of them, only behind the one running. The order in
 * which answers arrive is the measure (no clock): the other client's answer comes before the hoarder's third. The
 * limit (800 ms) is the margin a loaded machine has to deliver an answer late without failing the test; before the
 * fair scheduler, {@code 3 + 4} came after most of the eight.
 */
@ParameterizedClass(name = "front-mode {0}")
@EnumSource(FrontMode.class)
class FairnessE2ETest {

    private static final int HOARDED = 8;

    final FrontMode mode;

    FairnessE2ETest(FrontMode mode) {
        this.mode = mode;
    }

    @Test
    void oneClientsSlowSessionlessEvaluationsDelayAnotherByOneSlotAtMost(@TempDir Path dir) throws Exception {
        try (StuiServer server =
                        TestServers.start(mode, dir, Map.of("eval-timeout-ms", "800", "instruction-budget", "0"));
                StuiAsyncClient hoarder = async(server);
                StuiAsyncClient other = async(server)) {
            AtomicInteger arrivals = new AtomicInteger();
            List<CompletableFuture<Integer>> slow = new ArrayList<>();
            for (int i = 0; i < HOARDED; i++) {
                slow.add(arrivalOf(hoarder.evaluate("[true] whileTrue", null), arrivals));
            }
            // once the first has run to its limit, the other seven are queued in the server
            slow.getFirst().get(30, TimeUnit.SECONDS);
            CompletableFuture<EvaluateResult> quick = other.evaluate("3 + 4", null);
            int quickArrival = arrivalOf(quick, arrivals).get(30, TimeUnit.SECONDS);
            assertEquals("7", quick.get().result());
            // the hoarder's second evaluation may be running when 3 + 4 arrives; its third must not run before it
            int thirdArrival = slow.get(2).get(30, TimeUnit.SECONDS);
            assertTrue(
                    quickArrival < thirdArrival,
                    "3 + 4 answered as arrival " + quickArrival + ", after the hoarder's third (" + thirdArrival + ")");
            for (CompletableFuture<Integer> f : slow) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static StuiAsyncClient async(StuiServer server) {
        return StuiAsyncClient.connect(ClientOptions.defaults(server.endpoint()).withTimeout(Duration.ofSeconds(30)));
    }

    /** Completes with the rank at which the answer arrived (an error answer counts as arrived). */
    private static CompletableFuture<Integer> arrivalOf(CompletableFuture<?> answer, AtomicInteger arrivals) {
        return answer.handle((r, e) -> arrivals.incrementAndGet());
    }
}
