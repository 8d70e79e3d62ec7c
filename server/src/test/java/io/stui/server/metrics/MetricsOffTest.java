package io.stui.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.server.ChildJvm;
import io.stui.server.StuiServer;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server whose metrics port is off keeps its counts without the Prometheus client. */
class MetricsOffTest {

    @Test
    void aServerWithoutAMetricsPortLoadsNoPrometheusAndNoKeyAgreement(@TempDir Path dir) throws Exception {
        Set<String> loaded = ChildJvm.classesLoaded(dir, MetricsOffProbe.class, dir.toString());
        assertTrue(
                loaded.contains(StuiServer.class.getName()),
                "the probe should have started a server: " + loaded.size());
        assertEquals(Set.of(), only(loaded, "io.prometheus."), "Prometheus classes loaded with the metrics port off");
        // the health probe's CURVE key pair is made only for a metrics port (it loads the JDK's XDH)
        assertEquals(Set.of(), only(loaded, "sun.security.ec."), "key agreement loaded with the metrics port off");
    }

    @Test
    void countsWithoutPrometheus() {
        try (ServerMetrics m = new ServerMetrics(() -> 0, false)) {
            m.request("ping", "success", 1000);
            m.request("ping", "success", 1000);
            m.request("evaluate", "Timeout", 1000);
            m.evaluationTimeout();
            m.autosaved();
            m.autosaveFailed();
            m.imageSaveFailed();
            m.imageSaveFailed();
            m.frontHandovers(() -> 4);
            assertEquals(2, m.requestCount("ping", "success"));
            assertEquals(1, m.requestCount("evaluate", "Timeout"));
            assertEquals(0, m.requestCount("evaluate", "success"));
            assertEquals(0, m.requestCount("describe", "success"));
            assertEquals(1, m.timeoutCount());
            assertEquals(1, m.autosaveCount());
            assertEquals(1, m.autosaveFailureCount());
            assertEquals(2, m.imageSaveFailureCount());
            assertEquals(4, m.handoverCount());
            assertEquals(0, m.serve("127.0.0.1", 0));
            assertThrows(IllegalStateException.class, () -> m.serve("127.0.0.1", 9));
            assertThrows(IllegalStateException.class, m::registry);
        }
    }

    private static Set<String> only(Set<String> loaded, String prefix) {
        return loaded.stream()
                .filter(n -> n.startsWith(prefix))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
