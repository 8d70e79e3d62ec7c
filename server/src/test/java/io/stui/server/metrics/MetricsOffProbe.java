package io.stui.server.metrics;

import io.stui.server.StuiServer;
import io.stui.server.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Map;

/** A server without a metrics port, started and stopped in a JVM of its own: {@link MetricsOffTest}'s child. */
public final class MetricsOffProbe {
    private MetricsOffProbe() {}

    public static void main(String[] args) {
        Map<String, String> flags = Map.of(
                "endpoint", "tcp://127.0.0.1:*",
                "store", Path.of(args[0], "stui.db").toString(),
                "events-endpoint", "none",
                "workers", "1");
        try (StuiServer server = StuiServer.start(ConfigLoader.load(Map.of(), flags))) {
            System.out.println("listening on " + server.endpoint() + ", metrics port " + server.metricsPort());
        }
    }
}
