package io.stui.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stui.protocol.Answer;
import io.stui.protocol.ClientCodec;
import io.stui.protocol.Command;
import io.stui.protocol.Encoding;
import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.EvaluateResult;
import io.stui.protocol.result.PingResult;
import io.stui.zmq.Backend;
import io.stui.zmq.ZContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The blocking client against a real ROUTER on loopback, per backend (see the subclasses): calls, error answers, Lazy Pirate retries. */
@Timeout(30)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StuiClientTest {
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

    static String freeEndpoint() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "tcp://127.0.0.1:" + s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void typedCallsAndErrorAnswers(Encoding encoding) {
        String endpoint = freeEndpoint();
        try (AnswerLoop server = new AnswerLoop(context, endpoint, 1);
                StuiClient client =
                        new StuiClient(context, ClientOptions.defaults(endpoint).withEncoding(encoding))) {
            PingResult pong = client.ping();
            assertEquals("pong", pong.message());
            assertEquals("ready", pong.status());
            assertEquals("hi ü", client.ping("hi ü").message());
            EvaluateResult seven = client.evaluate("3 + 4");
            assertEquals("7", seven.result());
            assertEquals("SmallInteger", seven.resultType());
            assertEquals("s-me", client.createSession("me").sessionId());

            StuiException notFound = assertThrows(StuiException.class, () -> client.restoreSession("nope"));
            assertEquals(ErrorCode.SESSION_NOT_FOUND, notFound.code());
            StuiException evalError = assertThrows(StuiException.class, () -> client.evaluate("3 + x"));
            assertEquals(ErrorCode.EVALUATION_ERROR, evalError.code());
            assertEquals("MessageNotUnderstood: x", evalError.getMessage());

            // The generic call, and a request the server cannot accept (answered, not thrown, by send).
            assertEquals(
                    "12",
                    client.call(Command.EVALUATE, Map.of("code", "5 + 7"))
                            .get("result")
                            .textValue());
            StuiException invalid =
                    assertThrows(StuiException.class, () -> client.call(Command.EVALUATE, Map.of("code", 5)));
            assertEquals(ErrorCode.INVALID_REQUEST, invalid.code());
            assertEquals("code", invalid.field());
            Answer answer = client.send(new Request.GetSessionStatistics());
            assertEquals(encoding, answer.encoding());
            assertEquals(ErrorCode.SESSION_NOT_FOUND, answer.error().code());
            Answer raw = client.send(Command.CLOSE_SESSION, Map.of("session_id", "s-9"));
            assertEquals(ErrorCode.SESSION_NOT_FOUND, raw.error().code());

            // Bytes that are not a request still get an answer (the server's error), through the same retries.
            Answer garbage = ClientCodec.INSTANCE.decode(client.sendFrame(new byte[] {'{', (byte) 0xC0, (byte) 0xAF}));
            assertEquals(ErrorCode.INVALID_REQUEST, garbage.error().code());
            assertEquals(Encoding.COMMAND, garbage.encoding());
            assertEquals(null, garbage.requestId());
            assertEquals(11, server.requestsSeen());
        }
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void browsingCallsNameTheSessionWhenGivenOne(Encoding encoding) {
        String endpoint = freeEndpoint();
        try (AnswerLoop server = new AnswerLoop(context, endpoint, 1);
                StuiClient client =
                        new StuiClient(context, ClientOptions.defaults(endpoint).withEncoding(encoding))) {
            assertEquals(
                    "Session sess.1",
                    client.browseClass("Counter", "sess.1").classInfo().packageName());
            assertEquals("Kernel", client.browseClass("Object").classInfo().packageName());
            assertEquals(
                    "Kernel", client.browseClass("Object", null).classInfo().packageName());
            assertEquals(
                    "Session sess.1",
                    client.listClasses("Count*", 10, "sess.1")
                            .classes()
                            .getFirst()
                            .packageName());
            assertEquals(
                    "Kernel",
                    client.listClasses("Count*", 10).classes().getFirst().packageName());
            assertEquals(
                    "Session sess.1",
                    client.getMethod("Counter", "increment", false, "sess.1")
                            .method()
                            .category());
            assertEquals(
                    "Kernel",
                    client.getMethod("Object", "printString", false).method().category());
            StuiException badId =
                    assertThrows(StuiException.class, () -> client.getMethod("A", "b", false, "no spaces"));
            assertEquals(ErrorCode.INVALID_REQUEST, badId.code());
            assertEquals("session_id", badId.field());
            assertEquals(7, server.requestsSeen());
        }
    }

    @Test
    void givesUpAfterTheConfiguredTriesWithAClearError() {
        String endpoint = freeEndpoint();
        AtomicInteger retries = new AtomicInteger();
        ClientOptions options = ClientOptions.defaults(endpoint)
                .withTimeout(Duration.ofMillis(150))
                .withTries(3);
        try (StuiClient client = new StuiClient(context, options).onRetry((a, t, e) -> retries.incrementAndGet())) {
            long start = System.nanoTime();
            ServerUnavailableException e = assertThrows(ServerUnavailableException.class, client::ping);
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(ErrorCode.TIMEOUT, e.code());
            assertTrue(e.getMessage().contains(endpoint), e.getMessage());
            assertTrue(e.getMessage().contains("3 tries"), e.getMessage());
            assertEquals(3, retries.get());
            assertTrue(elapsedMs >= 3 * 150 && elapsedMs < 3000, "took " + elapsedMs + " ms");
        }
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void lazyPirateReconnectsWhenTheServerAppears(Encoding encoding) throws Exception {
        String endpoint = freeEndpoint();
        CountDownLatch firstTryFailed = new CountDownLatch(1);
        ClientOptions options = ClientOptions.defaults(endpoint)
                .withEncoding(encoding)
                .withTimeout(Duration.ofMillis(300))
                .withTries(50);
        try (StuiClient client =
                new StuiClient(context, options).onRetry((attempt, tries, e) -> firstTryFailed.countDown())) {
            CompletableFuture<PingResult> call = CompletableFuture.supplyAsync(() -> client.ping("back?"));
            assertTrue(firstTryFailed.await(10, TimeUnit.SECONDS), "the first try should time out: no server yet");
            long serverUp = System.nanoTime();
            try (AnswerLoop server = new AnswerLoop(context, endpoint, 1)) {
                assertEquals("back?", call.get(10, TimeUnit.SECONDS).message());
                long reconnectMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - serverUp);
                assertTrue(reconnectMs < 1000, "answered " + reconnectMs + " ms after the server came up");
                assertEquals(1, server.requestsSeen());
            }
        }
    }

    @Test
    void survivesAServerRestart() throws Exception {
        String endpoint = freeEndpoint();
        ClientOptions options = ClientOptions.defaults(endpoint)
                .withTimeout(Duration.ofMillis(300))
                .withTries(50);
        try (StuiClient client = new StuiClient(context, options)) {
            try (AnswerLoop first = new AnswerLoop(context, endpoint, 1)) {
                assertEquals("7", client.evaluate("3 + 4").result());
                assertEquals(1, first.requestsSeen());
            }
            CountDownLatch noAnswer = new CountDownLatch(1);
            client.onRetry((a, t, e) -> noAnswer.countDown());
            CompletableFuture<EvaluateResult> call = CompletableFuture.supplyAsync(() -> client.evaluate("40 + 2"));
            assertTrue(noAnswer.await(10, TimeUnit.SECONDS));
            long serverUp = System.nanoTime();
            try (AnswerLoop second = new AnswerLoop(context, endpoint, 1)) {
                assertEquals("42", call.get(10, TimeUnit.SECONDS).result());
                assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - serverUp) < 1000);
                assertEquals(1, second.requestsSeen());
            }
        }
    }

    @Test
    void closedClientRefusesCalls() {
        StuiClient client = new StuiClient(context, ClientOptions.defaults(freeEndpoint()));
        client.close();
        assertThrows(IllegalStateException.class, client::ping);
    }
}
