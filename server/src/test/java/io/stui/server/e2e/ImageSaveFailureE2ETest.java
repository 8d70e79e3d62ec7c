package io.stui.server.e2e;

import static io.stui.server.e2e.Requests.command;
import static io.stui.server.e2e.Requests.params;
import static io.stui.server.e2e.Requests.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The default image's auto-save on a full disk (a real small tmpfs, as in {@link DurabilityE2ETest}): before, a
 * failed save was one log line and nothing else. Now it is counted ({@code stui_image_save_failures_total}), the
 * server says it is not ready ({@code /readyz} 503, naming the image, while {@code /healthz} stays 200), and
 * {@code system_info} reports it; when space returns the retries (with backoff) save the image and the server is
 * ready again, without a restart.
 */
class ImageSaveFailureE2ETest {

    @TempDir
    Path dir;

    @Test
    void aFailingImageSaveIsCountedNotReadyAndRecovers() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir, 3);
                StuiServer server = TestServers.start(
                        FrontMode.FAST,
                        disk.dir(),
                        Map.of("autosave-delay-ms", "20", "metrics-port", String.valueOf(ChildServer.freePort())));
                ZContext ctx = new ZContext();
                Wire w = new Wire(ctx, Wire.Kind.DEALER, server.endpoint());
                HttpClient http = HttpClient.newHttpClient()) {
            assertEquals(
                    200,
                    TestServers.httpGet(http, server.metricsPort(), "/readyz").statusCode());
            disk.fill();
            // a random string barely compresses: the image's snapshot needs new pages the disk does not have
            String big = "r := Random seed: 7. big := String new: 400000. 1 to: big size do: [:i |"
                    + " big at: i put: (Character value: 33 + (r nextInt: 90))]. big size";
            assertEquals(
                    "400000",
                    result(w.call(command("e1", "evaluate", params("code", big))))
                            .path("result")
                            .asText());

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (server.metrics().imageSaveFailureCount() == 0) {
                assertTrue(System.nanoTime() < deadline, "no failed image save counted within 30 s");
                Thread.onSpinWait();
            }
            HttpResponse<String> ready = TestServers.httpGet(http, server.metricsPort(), "/readyz");
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("default image could not be saved"), ready.body());
            assertEquals(
                    200,
                    TestServers.httpGet(http, server.metricsPort(), "/healthz").statusCode());
            assertTrue(TestServers.httpGet(http, server.metricsPort(), "/metrics")
                    .body()
                    .contains("stui_image_save_failures_total"));
            JsonNode info = result(w.call(command("i1", "system_info", params("info_type", "Environment"))));
            assertTrue(info.toString().contains("\"image_save_failures\":"), info.toString());
            assertTrue(info.findValue("image_save_failures").asInt() >= 1, info.toString());

            disk.free();
            // the next retry (at most a minute after the last failure) finds space again
            deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (TestServers.httpGet(http, server.metricsPort(), "/readyz").statusCode() != 200) {
                assertTrue(System.nanoTime() < deadline, "not ready again within 90 s of freeing the disk");
            }
            JsonNode after = result(w.call(command("i2", "system_info", params("info_type", "Environment"))));
            assertEquals(0, after.findValue("image_save_failures").asInt(), after.toString());
        }
    }
}
