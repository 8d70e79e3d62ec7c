package io.stui.server.e2e;

import static io.stui.server.e2e.Requests.command;
import static io.stui.server.e2e.Requests.envelope;
import static io.stui.server.e2e.Requests.errorCode;
import static io.stui.server.e2e.Requests.errorMessage;
import static io.stui.server.e2e.Requests.params;
import static io.stui.server.e2e.Requests.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import io.stui.server.store.SmallDisk;
import io.stui.zmq.ZContext;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability over the wire (issue #16): retried requests answered once, answers with a size limit, a full disk
 * answered with StorageFull and a failed auto-save reported to the session's client, health endpoints.
 */
class DurabilityE2ETest {

    @TempDir
    Path dir;

    @Test
    void aRetriedRequestGetsTheFirstAnswerAndRunsOnce() {
        try (StuiServer server = TestServers.start(FrontMode.FAST, dir);
                ZContext ctx = new ZContext();
                Wire w = new Wire(ctx, Wire.Kind.DEALER, server.endpoint())) {
            String create = command("c-1", "create_session", params("client_id", "retrier"));
            JsonNode first = w.call(create);
            JsonNode again = w.call(create);
            String sid = result(first).path("session_id").asText();
            assertEquals(first, again, "the same create_session sent again is the same answer");
            assertEquals(
                    1,
                    result(w.call(command("l", "list_client_sessions", params("client_id", "retrier"))))
                            .path("session_count")
                            .asInt(),
                    "and one session");

            w.call(command("e-0", "evaluate", params("code", "n := 0", "session_id", sid)));
            String bump = command("e-1", "evaluate", params("code", "n := n + 1", "session_id", sid));
            assertEquals("1", result(w.call(bump)).path("result").asText());
            assertEquals("1", result(w.call(bump)).path("result").asText(), "the retry is answered, not run");
            assertEquals(
                    "1",
                    result(w.call(command("e-2", "evaluate", params("code", "n", "session_id", sid))))
                            .path("result")
                            .asText());
            // the same id with other code is a new request
            assertEquals(
                    "11",
                    result(w.call(command("e-1", "evaluate", params("code", "n + 10", "session_id", sid))))
                            .path("result")
                            .asText());
            // envelope encoding too, and save_context
            String save = envelope("s-1", "SaveContext", params("session_id", sid));
            JsonNode saved = w.call(save);
            assertEquals(saved, w.call(save));
            assertTrue(server.metrics().requestCount("evaluate", "retry_answered") >= 1);
            assertTrue(server.metrics().requestCount("save_context", "retry_answered") >= 1);
        }
    }

    @Test
    void aTwentyMegabyteClassCommentIsAnsweredWithResponseTooLarge() {
        try (StuiServer server = TestServers.start(FrontMode.FAST, dir);
                ZContext ctx = new ZContext();
                Wire w = new Wire(ctx, Wire.Kind.DEALER, server.endpoint())) {
            assertEquals(16L << 20, server.config().front().maxAnswerBytes(), "the default limit");
            String sid = result(w.call(command("c", "create_session", params("client_id", "big"))))
                    .path("session_id")
                    .asText();
            // built in steps: each evaluation stays under the per-evaluation allocation limit
            int n = 0;
            for (String step : new String[] {
                "Object subclass: #Big instanceVariableNames: '' classVariableNames: '' package: 'X'",
                "s := 'xxxxx'. 20 timesRepeat: [s := s , s]. s size",
                "s := s , s. s size",
                "s := s , s. s size",
                "Big comment: s. s := nil. Big comment size"
            }) {
                JsonNode a = w.call(command("d" + n++, "evaluate", params("code", step, "session_id", sid)));
                assertTrue(Requests.isSuccess(a), a.toString());
            }
            JsonNode browse = w.call(command("b", "browse_class", params("class_name", "Big", "session_id", sid)));
            assertEquals(
                    "ResponseTooLarge",
                    browse.path("error_type").asText(),
                    () -> "an answer of " + browse.toString().length() + " characters");
            assertTrue(errorMessage(browse).contains("max-answer-bytes"), errorMessage(browse));
            assertEquals(
                    "20971520",
                    result(w.call(command("s", "evaluate", params("code", "Big comment size", "session_id", sid))))
                            .path("result")
                            .asText(),
                    "the session goes on");
        }
    }

    @Test
    void aFullDiskAnswersStorageFullReportsTheFailedAutoSaveAndRecovers() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir, 3)) {
            try (StuiServer server = TestServers.start(
                            FrontMode.FAST, disk.dir(), Map.of("autosave-delay-ms", "20", "retry-window", "0"));
                    ZContext ctx = new ZContext();
                    Wire w = new Wire(ctx, Wire.Kind.DEALER, server.endpoint())) {
                String sid = result(w.call(command("c1", "create_session", params("client_id", "full"))))
                        .path("session_id")
                        .asText();
                String other = result(w.call(command("c2", "create_session", params("client_id", "full"))))
                        .path("session_id")
                        .asText();
                w.call(command("e1", "evaluate", params("code", "x := 1", "session_id", sid)));
                disk.fill();

                // a random string barely compresses: the snapshot needs new pages
                String big = "r := Random seed: 7. s := String new: 400000. 1 to: s size do: [:i |"
                        + " s at: i put: (Character value: 33 + (r nextInt: 90))]. s size";
                assertEquals(
                        "400000",
                        result(w.call(command("e2", "evaluate", params("code", big, "session_id", sid))))
                                .path("result")
                                .asText());
                JsonNode save = w.call(command("s1", "save_context", params("session_id", sid)));
                assertEquals("StorageFull", errorCode(save));
                assertTrue(errorMessage(save).contains("Deleting still works"), errorMessage(save));

                // the auto-save of that change failed too: counted, and told in the session's next answer (the
                // save_context's when the failure came first)
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (server.metrics().autosaveFailureCount() == 0) {
                    assertTrue(System.nanoTime() < deadline, "no failed auto-save counted within 20 s");
                    Thread.onSpinWait();
                }
                JsonNode next = w.call(command("e3", "evaluate", params("code", "s size", "session_id", sid)));
                JsonNode warned = save.has("warnings") ? save : next;
                assertTrue(warned.path("warnings").isArray(), save + "\n" + next);
                assertTrue(warned.path("warnings").get(0).asText().contains("automatic save"), warned.toString());
                assertFalse(
                        w.call(command("e4", "evaluate", params("code", "1", "session_id", sid)))
                                .has("warnings"),
                        "a warning is given once");

                JsonNode close = w.call(command("x", "close_session", params("session_id", other)));
                assertTrue(Requests.isSuccess(close), close.toString());
                JsonNode cleared = w.call(command("cl", "clear_context", params("session_id", sid)));
                assertTrue(Requests.isSuccess(cleared), cleared.toString());

                disk.free();
                JsonNode saved = w.call(command("s2", "save_context", params("session_id", sid)));
                assertTrue(Requests.isSuccess(saved), saved.toString());
                assertNotEquals(0, server.metrics().autosaveFailureCount());
            }
        }
    }

    @Test
    void healthAndReadinessOnTheMetricsPortAndUnknownPathsAreNotFound() throws Exception {
        int metricsPort = ChildServer.freePort();
        try (StuiServer server =
                        TestServers.start(FrontMode.FAST, dir, Map.of("metrics-port", String.valueOf(metricsPort)));
                HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> health = TestServers.httpGet(http, server.metricsPort(), "/healthz");
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("front answered a ping"), health.body());
            assertEquals(
                    200,
                    TestServers.httpGet(http, server.metricsPort(), "/readyz").statusCode());
            assertEquals(
                    404,
                    TestServers.httpGet(http, server.metricsPort(), "/nothing-here")
                            .statusCode());
            String metrics =
                    TestServers.httpGet(http, server.metricsPort(), "/metrics").body();
            for (String name : new String[] {
                "stui_autosave_failures_total",
                "jvm_memory_used_bytes",
                "jvm_threads_current",
                "process_cpu_seconds_total"
            }) {
                assertTrue(metrics.contains(name), name + " is exported");
            }
        }
    }
}
