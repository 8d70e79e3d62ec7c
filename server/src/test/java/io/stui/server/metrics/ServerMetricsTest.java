package io.stui.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServerMetricsTest {

    @Test
    void servesCountersHistogramAndSessionsGauge() throws Exception {
        AtomicInteger sessions = new AtomicInteger(3);
        try (ServerMetrics m = new ServerMetrics(sessions::get)) {
            m.request("ping", "success", 150_000);
            m.request("evaluate", "Timeout", 5_000_000_000L);
            m.evaluationTimeout();
            m.frontHandovers(() -> 2);
            int port = m.serve("127.0.0.1", freePort());
            assertTrue(port > 0);
            String body;
            try (HttpClient http = HttpClient.newHttpClient()) {
                body = http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
            }
            assertTrue(body.contains("stui_requests_total{command=\"ping\",outcome=\"success\"} 1.0"), body);
            assertTrue(body.contains("stui_requests_total{command=\"evaluate\",outcome=\"Timeout\"} 1.0"), body);
            assertTrue(body.contains("stui_request_duration_seconds_bucket{command=\"ping\",le=\"2.5E-4\"} 1"), body);
            assertTrue(body.contains("stui_sessions 3.0"), body);
            assertTrue(body.contains("stui_evaluation_timeouts_total 1.0"), body);
            assertTrue(body.contains("stui_front_handovers_total 2.0"), body);
            assertEquals(1, m.requestCount("ping", "success"));
        }
    }

    private static int freePort() throws Exception {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
