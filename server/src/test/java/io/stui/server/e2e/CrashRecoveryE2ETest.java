package io.stui.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.client.ClientOptions;
import io.stui.protocol.client.StuiClient;
import io.stui.protocol.result.RestoreSessionResult;
import io.stui.server.config.FrontMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server as a separate process: killed with SIGKILL and started again on the same store, it
 * answers with everything it had acknowledged; a Lazy Pirate client rides over the restart; SIGTERM
 * stops it gracefully with workspaces saved.
 */
@ParameterizedClass(name = "front-mode {0}")
@EnumSource(FrontMode.class)
class CrashRecoveryE2ETest {

    /** The whole suite runs against both front modes; the plain one is the oracle. */
    final FrontMode mode;

    CrashRecoveryE2ETest(FrontMode mode) {
        this.mode = mode;
    }

    @TempDir
    Path dir;

    @Test
    void killNineThenRestartRestoresSessionsStateAndContexts() throws Exception {
        int port = ChildServer.freePort();
        String sid;
        ObjectNode state =
                Wire.JSON.createObjectNode().put("open_tab", "Inspector").put("scroll", 42);
        ClientOptions opts = ClientOptions.defaults("tcp://127.0.0.1:" + port)
                .withTimeout(Duration.ofSeconds(2))
                .withTries(15);
        try (StuiClient client = StuiClient.connect(opts)) {
            try (ChildServer first = ChildServer.start(mode, dir, port, "--autosave-delay-ms", "60000")) {
                sid = client.createSession("survivor").sessionId();
                client.updateSessionState(sid, state);
                client.evaluate(
                        "Object subclass: #Counter instanceVariableNames: 'n' classVariableNames: '' package: 'Demo'",
                        sid);
                client.evaluate("Counter compile: 'bump n := (n ifNil: [0]) + 1. ^ n'", sid);
                client.evaluate("c := Counter new. c bump; bump. total := c bump", sid);
                assertEquals(3, client.saveContext(sid).variables().size() + 1);
                // acknowledged but neither saved nor auto-saved yet (auto-save delay is a minute)
                client.evaluate("unsaved := 99", sid);
                first.kill9();

                // Lazy Pirate: this call is sent while the server is down and answered once it is back
                CompletableFuture<JsonNode> pending = CompletableFuture.supplyAsync(() ->
                        client.call(io.stui.protocol.Command.GET_SESSION_INFO, java.util.Map.of("session_id", sid)));
                try (ChildServer second = ChildServer.start(mode, dir, port)) {
                    JsonNode info = pending.get(30, TimeUnit.SECONDS);
                    assertEquals("survivor", info.path("client_id").asText());

                    RestoreSessionResult restored = client.restoreSession(sid);
                    assertEquals(state, restored.sessionState());
                    assertTrue(
                            restored.workspaceContext().variables().containsAll(java.util.List.of("c", "total")),
                            restored.workspaceContext().variables().toString());
                    assertEquals("3", client.evaluate("total", sid).result());
                    assertEquals(
                            "4", client.evaluate("c bump", sid).result(), "the session's class and object came back");
                    assertTrue(client.loadContext(sid).variables().contains("total"));
                    assertEquals(
                            "4",
                            client.evaluate("c bump", sid).result(),
                            "load_context took the saved counter (3) back, so it bumps to 4 again");
                    assertEquals(1, client.listClientSessions("survivor").sessionCount());
                }
            }
        }
    }

    @Test
    void autoSavedEvaluationsSurviveKillNine() throws Exception {
        int port = ChildServer.freePort();
        int metricsPort = ChildServer.freePort();
        ClientOptions opts = ClientOptions.defaults("tcp://127.0.0.1:" + port)
                .withTimeout(Duration.ofSeconds(5))
                .withTries(3);
        try (StuiClient client = StuiClient.connect(opts)) {
            String sid;
            try (ChildServer first = ChildServer.start(
                    mode, dir, port, "--autosave-delay-ms", "50", "--metrics-port", String.valueOf(metricsPort))) {
                sid = client.createSession("autosaved").sessionId();
                client.evaluate("words := #('never' 'saved' 'explicitly') inject: '' into: [:a :w | a , w]", sid);
                // wait for the auto-save the way a monitor would: by reading the metric
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
                    while (!scrape(http, metricsPort).contains("stui_autosaves_total 1.0")) {
                        assertTrue(System.nanoTime() < deadline, "no auto-save within 20 s");
                    }
                }
                first.kill9();
            }
            try (ChildServer second = ChildServer.start(mode, dir, port)) {
                assertEquals(
                        "'neversavedexplicitly'", client.evaluate("words", sid).result());
            }
        }
    }

    /** The metrics page, or "" while the port is not open yet (it opens just after the first answer). */
    private static String scrape(java.net.http.HttpClient http, int port) throws Exception {
        try {
            return scrapeOnce(http, port);
        } catch (java.net.ConnectException e) {
            return "";
        }
    }

    private static String scrapeOnce(java.net.http.HttpClient http, int port) throws Exception {
        return http.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void sigtermStopsGracefullyAndSavesTheWorkspace() throws Exception {
        int port = ChildServer.freePort();
        ClientOptions opts = ClientOptions.defaults("tcp://127.0.0.1:" + port)
                .withTimeout(Duration.ofSeconds(5))
                .withTries(3);
        String sid;
        try (StuiClient client = StuiClient.connect(opts)) {
            try (ChildServer first = ChildServer.start(mode, dir, port, "--autosave-delay-ms", "60000")) {
                sid = client.createSession("graceful").sessionId();
                client.evaluate("kept := 'still here'", sid);
                int code = first.terminate();
                assertTrue(code == 0 || code == 143, "exit code " + code);
                String out = first.output();
                assertTrue(out.contains("event=workspaces_saved count=1"), out);
                assertTrue(out.contains("event=server_stopped"), out);
            }
            try (ChildServer second = ChildServer.start(mode, dir, port)) {
                assertEquals("'still here'", client.evaluate("kept", sid).result());
            }
        }
    }

    @Test
    void sigtermLetsAcceptedWorkFinishAndAnswer() throws Exception {
        int port = ChildServer.freePort();
        try (ChildServer child =
                        ChildServer.start(mode, dir, port, "--instruction-budget", "0", "--eval-timeout-ms", "30000");
                io.stui.zmq.ZContext ctx = new io.stui.zmq.ZContext();
                Wire w = new Wire(ctx, Wire.Kind.DEALER_DELIMITED, child.endpoint)) {
            w.sendText(Requests.command(
                    "long",
                    "evaluate",
                    Requests.params("code", "| s | s := 0. 1 to: 30000000 do: [:i | s := s + i]. s")));
            // the ping is answered on the front thread after the evaluate was read: the evaluate is in flight
            w.sendText(Requests.command("mark", "ping", null));
            assertEquals("mark", w.receive().path("id").asText());
            long t0 = System.nanoTime();
            child.process.destroy(); // SIGTERM while the evaluation runs
            JsonNode answer = w.receive();
            assertEquals("long", answer.path("id").asText());
            assertEquals(
                    "450000015000000", Requests.result(answer).path("result").asText());
            int code = child.process.waitFor();
            assertTrue(code == 0 || code == 143, "exit code " + code);
            assertTrue(child.output().contains("event=server_stopped"), child.output());
            assertTrue(System.nanoTime() - t0 < 40_000_000_000L);
        }
    }
}
