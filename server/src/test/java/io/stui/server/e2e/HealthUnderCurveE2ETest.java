package io.stui.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /healthz} and {@code /readyz} send a ping to the server's own ROUTER: with CURVE and a directory of allowed
 * client keys, the probe's key is not in that directory, and the ZAP handler must still let it in (before, both
 * answered 503 "no answer to a ping" on a healthy server, so an orchestrator would have restarted it forever).
 */
class HealthUnderCurveE2ETest {

    @ParameterizedTest
    @EnumSource(FrontMode.class)
    void healthAndReadinessAnswerWhileOnlyListedKeysAreServed(FrontMode mode, @TempDir Path dir) throws Exception {
        CurveKeys keys = new CurveKeys(dir, "alice");
        try (StuiServer server = TestServers.start(
                        mode, dir, keys.settings("metrics-port", String.valueOf(ChildServer.freePort())));
                HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> health = TestServers.httpGet(http, server.metricsPort(), "/healthz");
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("front answered a ping"), health.body());
            HttpResponse<String> ready = TestServers.httpGet(http, server.metricsPort(), "/readyz");
            assertEquals(200, ready.statusCode(), ready.body());
        }
    }
}
