package io.stui.protocol.client;

import static io.stui.protocol.client.StuiClientTest.freeEndpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stui.protocol.Answer;
import io.stui.protocol.Encoding;
import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.PingResult;
import io.stui.zmq.Backend;
import io.stui.zmq.ZContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The pipelining client against a real ROUTER that answers out of order, per backend (see the subclasses). */
@Timeout(30)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StuiAsyncClientTest {
    private ZContext context;

    /** The ZeroMQ backend the client and the test server run on. */
    abstract Backend backend();

    /**
     * A context per test: JeroMQ 0.6.0 reuses a closed socket's mailbox slot at once, and a late
     * term-ack meant for the previous test's socket then reaches the next test's server socket (an
     * AssertionError in Own.unregisterTermAck that kills its thread; seen once in CI).
     */
    @BeforeEach
    void start() {
        assumeTrue(backend().isAvailable(), backend() + " backend is not available here");
        context = new ZContext(backend());
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void pipelinesManyRequestsFromManyThreadsAnsweredOutOfOrder(Encoding encoding) throws Exception {
        String endpoint = freeEndpoint();
        int threads = 4;
        int perThread = 250;
        ClientOptions options =
                ClientOptions.defaults(endpoint).withEncoding(encoding).withTimeout(Duration.ofSeconds(20));
        try (AnswerLoop server = new AnswerLoop(context, endpoint, 10);
                StuiAsyncClient client = new StuiAsyncClient(context, options)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<CompletableFuture<List<CompletableFuture<PingResult>>>> submitted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                submitted.add(CompletableFuture.supplyAsync(
                        () -> {
                            List<CompletableFuture<PingResult>> mine = new ArrayList<>();
                            for (int i = 0; i < perThread; i++) {
                                mine.add(client.ping("t" + thread + "-" + i));
                            }
                            return mine;
                        },
                        pool));
            }
            for (int t = 0; t < threads; t++) {
                List<CompletableFuture<PingResult>> mine = submitted.get(t).get(10, TimeUnit.SECONDS);
                for (int i = 0; i < perThread; i++) {
                    assertEquals(
                            "t" + t + "-" + i,
                            mine.get(i).get(10, TimeUnit.SECONDS).message());
                }
            }
            pool.shutdown();
            assertEquals(threads * perThread, server.requestsSeen());
            assertEquals(0, client.inFlight());
        }
    }

    @Test
    void errorAnswersFailTheTypedFutureAndCompleteTheRawOne() throws Exception {
        String endpoint = freeEndpoint();
        try (AnswerLoop server = new AnswerLoop(context, endpoint, 1);
                StuiAsyncClient client = new StuiAsyncClient(context, ClientOptions.defaults(endpoint))) {
            assertEquals(
                    "9", client.evaluate("4 + 5", null).get(5, TimeUnit.SECONDS).result());
            ExecutionException e = assertThrows(
                    ExecutionException.class,
                    () -> client.evaluate("4 + y", null).get(5, TimeUnit.SECONDS));
            StuiException cause = assertInstanceOf(StuiException.class, e.getCause());
            assertEquals(ErrorCode.EVALUATION_ERROR, cause.code());
            Answer raw = client.submit(new Request.CloseSession("s1")).get(5, TimeUnit.SECONDS);
            assertEquals(ErrorCode.SESSION_NOT_FOUND, raw.error().code());
            assertEquals(3, server.requestsSeen());
        }
    }

    @Test
    void unansweredRequestsTimeOut() {
        ClientOptions options = ClientOptions.defaults(freeEndpoint()).withTimeout(Duration.ofMillis(200));
        try (StuiAsyncClient client = new StuiAsyncClient(context, options)) {
            long start = System.nanoTime();
            ExecutionException e = assertThrows(
                    ExecutionException.class, () -> client.ping(null).get(5, TimeUnit.SECONDS));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertInstanceOf(ServerUnavailableException.class, e.getCause());
            assertTrue(ms >= 200 && ms < 2000, "timed out after " + ms + " ms");
            assertEquals(0, client.inFlight());
        }
    }

    @Test
    void closeFailsWhatIsStillInFlight() {
        StuiAsyncClient client = new StuiAsyncClient(
                context, ClientOptions.defaults(freeEndpoint()).withTimeout(Duration.ofSeconds(60)));
        CompletableFuture<PingResult> waiting = client.ping("never answered");
        client.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        CompletableFuture<PingResult> late = client.ping("after close");
        assertTrue(late.isCompletedExceptionally());
    }
}
