package io.stui.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stui.protocol.client.ClientOptions;
import io.stui.protocol.client.StuiAsyncClient;
import io.stui.protocol.client.StuiClient;
import io.stui.protocol.result.EvaluateResult;
import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A pipelining DEALER client: one session's requests run in the order sent, other sessions alongside. */
@ParameterizedClass(name = "front-mode {0}")
@EnumSource(FrontMode.class)
class PipelineE2ETest {

    /** The whole suite runs against both front modes; the plain one is the oracle. */
    final FrontMode mode;

    PipelineE2ETest(FrontMode mode) {
        this.mode = mode;
    }

    @Test
    void pipelinedRequestsOfOneSessionRunInOrder(@TempDir Path dir) throws Exception {
        try (StuiServer server = TestServers.start(mode, dir);
                StuiClient sync = StuiClient.connect(server.endpoint());
                StuiAsyncClient async = StuiAsyncClient.connect(
                        ClientOptions.defaults(server.endpoint()).withTimeout(Duration.ofSeconds(20)))) {
            String a = sync.createSession("pipe-a").sessionId();
            String b = sync.createSession("pipe-b").sessionId();
            sync.evaluate("n := 0", a);
            sync.evaluate("n := 1000", b);
            List<CompletableFuture<EvaluateResult>> fa = new ArrayList<>();
            List<CompletableFuture<EvaluateResult>> fb = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                fa.add(async.evaluate("n := n + 1", a));
                fb.add(async.evaluate("n := n + 1", b));
            }
            for (int i = 0; i < 60; i++) {
                assertEquals(
                        String.valueOf(i + 1),
                        fa.get(i).get(20, TimeUnit.SECONDS).result());
                assertEquals(
                        String.valueOf(1001 + i),
                        fb.get(i).get(20, TimeUnit.SECONDS).result());
            }
        }
    }

    @Test
    void aSessionsQueueIsBoundedAndOverflowIsAnsweredNotDropped(@TempDir Path dir) throws Exception {
        try (StuiServer server = TestServers.start(
                        mode, dir, java.util.Map.of("session-queue-capacity", "2", "instruction-budget", "0"));
                StuiClient sync = StuiClient.connect(server.endpoint());
                StuiAsyncClient async = StuiAsyncClient.connect(
                        ClientOptions.defaults(server.endpoint()).withTimeout(Duration.ofSeconds(20)))) {
            String sid = sync.createSession("flood").sessionId();
            List<CompletableFuture<io.stui.protocol.Answer>> answers = new ArrayList<>();
            answers.add(async.submit(new io.stui.protocol.request.Request.Evaluate(
                    "| s | s := 0. 1 to: 3000000 do: [:i | s := s + i]. s", sid, true)));
            for (int i = 0; i < 9; i++) {
                answers.add(async.submit(new io.stui.protocol.request.Request.Evaluate(String.valueOf(i), sid, true)));
            }
            int ok = 0;
            int busy = 0;
            for (CompletableFuture<io.stui.protocol.Answer> f : answers) {
                io.stui.protocol.Answer a = f.get(20, TimeUnit.SECONDS);
                if (a.isSuccess()) {
                    ok++;
                } else {
                    assertEquals(
                            io.stui.protocol.ErrorCode.SESSION_ERROR, a.error().code());
                    busy++;
                }
            }
            assertEquals(10, ok + busy);
            org.junit.jupiter.api.Assertions.assertTrue(busy >= 1 && ok >= 3, "ok=" + ok + " busy=" + busy);
        }
    }
}
