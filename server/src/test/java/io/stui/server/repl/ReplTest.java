package io.stui.server.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.protocol.client.ClientOptions;
import io.stui.protocol.client.StuiClient;
import io.stui.protocol.result.CompletionCandidate;
import io.stui.server.StuiServer;
import io.stui.server.config.ConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The REPL's logic driven with scripted input against a real server on a free loopback port, no terminal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplTest {

    StuiServer server;
    StuiClient client;
    StuiClient control;
    String sid;
    ByteArrayOutputStream bytes;
    Repl repl;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = StuiServer.start(ConfigLoader.load(
                Map.of(),
                Map.of(
                        "endpoint", "tcp://127.0.0.1:*",
                        "store", dir.resolve("stui.db").toString(),
                        "workers", "2",
                        "eval-timeout-ms", "30000",
                        "instruction-budget", "0")));
        ClientOptions options = ClientOptions.defaults(server.endpoint())
                .withTimeout(Duration.ofSeconds(40))
                .withTries(1);
        client = StuiClient.connect(options);
        control = StuiClient.connect(options);
    }

    @AfterAll
    void stop() {
        control.close();
        client.close();
        server.close();
    }

    @BeforeEach
    void openRepl() {
        sid = client.createSession("repl-test").sessionId();
        bytes = new ByteArrayOutputStream();
        repl = new Repl(client, control, sid, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertTrue(repl.streamTranscript(Repl.eventsEndpoint(client), Duration.ofSeconds(10)));
    }

    @AfterEach
    void closeRepl() {
        repl.close();
        client.closeSession(sid);
    }

    private String output() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Runs inputs and answers what they printed. */
    private String run(String... inputs) {
        int from = output().length();
        for (String in : inputs) {
            assertTrue(repl.handle(in));
        }
        return output().substring(from);
    }

    @Test
    void evaluatesInItsSessionAndShowsTheTranscriptBeforeTheValue() {
        assertEquals("3\n", run("x := 3"));
        assertEquals("hi\n4\n", run("Transcript show: 'hi'; cr. x + 1"));
        assertTrue(run("1/0").startsWith("EvaluationError: "), output());
        assertTrue(run(":nope").contains(":help"));
        assertTrue(run(":help").contains(":debug EXPR"));
        assertFalse(repl.handle(":quit"));
    }

    @Test
    void completesAndChecksInputWithTheServer() {
        assertTrue(repl.complete("3 fact", 6).candidates().stream()
                .map(CompletionCandidate::text)
                .toList()
                .contains("factorial"));
        assertEquals("incomplete", repl.check("#(1 2) collect: [:x |").status());
        assertEquals("complete", repl.check("3 + 4").status());
        assertEquals("complete", repl.check(":help").status());
    }

    @Test
    void debugsStepByStepAndEvaluatesInTheFrame() {
        String suspended = run(":debug | x | x := 3. self halt. x := x + 1. x * 10");
        assertTrue(suspended.startsWith("Suspended"), suspended);
        assertEquals("debug> ", repl.prompt());
        assertTrue(run("bt").contains("#0 "), output());
        assertEquals("3\n", run("p x"));
        run("n", "n");
        assertEquals("4\n", run("p x"));
        String done = run("c");
        assertTrue(done.contains("40"), done);
        assertEquals("st> ", repl.prompt());
    }

    @Test
    void interruptStopsARunningEvaluation() throws Exception {
        CompletableFuture<String> looping =
                CompletableFuture.supplyAsync(() -> run("Transcript show: 'go'; cr. [true] whileTrue"));
        // the loop has started once its Transcript output is shown
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!output().contains("go\n") && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertTrue(repl.evaluating());
        assertTrue(repl.interrupt());
        String out = looping.get(20, TimeUnit.SECONDS);
        assertTrue(out.contains("Interrupted"), out);
        assertFalse(repl.evaluating());
        assertEquals("7\n", run("3 + 4"));
    }
}
