package io.stui.server.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.stui.server.health.HealthProbe;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Every path of the metrics port but {@code /metrics}: {@code /healthz} and {@code /readyz} (200 when the probe
 * passes, 503 when not, with its line of text), and 404 for anything else, so a typo is not taken for a page.
 */
final class HealthPaths implements HttpHandler {
    private final HealthProbe probe;

    HealthPaths(HealthProbe probe) {
        this.probe = probe;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            HealthProbe.Result result = switch (path) {
                case "/healthz" -> probe == null ? new HealthProbe.Result(true, "ok") : probe.health();
                case "/readyz" -> probe == null ? new HealthProbe.Result(true, "ready") : probe.readiness();
                default -> null;
            };
            int status = result == null ? 404 : result.ok() ? 200 : 503;
            String text = result == null
                    ? "not found: " + "/metrics, /healthz and /readyz are served here\n"
                    : result.text() + "\n";
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
