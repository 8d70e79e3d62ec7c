package io.stui.server.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.stui.server.health.HealthProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of a server whose metrics port is on: each figure in a Prometheus registry of its own (several servers
 * may share a JVM in tests), served over HTTP at {@code /metrics}. The names are listed on {@link ServerMetrics}.
 *
 * <p>Next to {@code /metrics} the HTTP server answers {@code /healthz} and {@code /readyz} (200 or 503, with a line
 * saying why) when given a {@link HealthProbe}; any other path is 404.
 */
final class PrometheusMetrics implements MetricsRecorder {

    /** Named after {@link ServerMetrics}, as the log's {@code metrics_listening} line always was. */
    private static final Logger log = LoggerFactory.getLogger(ServerMetrics.class);

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Histogram latency;
    private final EnumMap<Tally, Counter> tallies = new EnumMap<>(Tally.class);
    private boolean jvmExported;
    private HTTPServer http;

    /** Creates the metrics; {@code sessions} is read at each scrape. */
    PrometheusMetrics(IntSupplier sessions) {
        requests = Counter.builder()
                .name("stui_requests_total")
                .help("Requests answered, by command and outcome (success or error code)")
                .labelNames("command", "outcome")
                .register(registry);
        latency = Histogram.builder()
                .name("stui_request_duration_seconds")
                .help("Time from decoding a request to sending its answer")
                .labelNames("command")
                .classicOnly()
                .classicUpperBounds(
                        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
        for (Tally tally : Tally.values()) {
            tallies.put(
                    tally,
                    Counter.builder().name(tally.metricName).help(tally.help).register(registry));
        }
        GaugeWithCallback.builder()
                .name("stui_sessions")
                .help("Live sessions")
                .callback(cb -> cb.call(sessions.getAsInt()))
                .register(registry);
    }

    /**
     * Adds the JVM's and the process's own metrics. Only for a server whose metrics are served: they load
     * java.lang.management and its MXBeans, about 2 MiB of classes a server without a metrics port would carry for
     * nothing. Call it before the front starts, so the port opens soon after the first answer.
     */
    synchronized void exportJvm() {
        if (!jvmExported) {
            JvmMetrics.builder().register(registry);
            jvmExported = true;
        }
    }

    @Override
    public void frontHandovers(IntSupplier count) {
        CounterWithCallback.builder()
                .name("stui_front_handovers_total")
                .help("Times a long request run on the front's thread made another thread take the sockets over")
                .callback(cb -> cb.call(count.getAsInt()))
                .register(registry);
    }

    @Override
    public void eventsDropped(java.util.function.LongSupplier count) {
        CounterWithCallback.builder()
                .name("stui_events_dropped_total")
                .help("Events at least one subscriber missed: the hand-over queue was full or a subscriber was at its"
                        + " high-water mark")
                .callback(cb -> cb.call(count.getAsLong()))
                .register(registry);
    }

    /**
     * Label lookups build a label array each time; the data points of each command (its latency and
     * its outcomes) are looked up once and kept, so recording costs one map lookup.
     */
    private final class PerCommand {
        final DistributionDataPoint latency;
        final CounterDataPoint success;
        final ConcurrentHashMap<String, CounterDataPoint> failures = new ConcurrentHashMap<>();

        PerCommand(String command) {
            latency = PrometheusMetrics.this.latency.labelValues(command);
            success = requests.labelValues(command, SUCCESS);
        }
    }

    private static final String SUCCESS = "success";
    private final ConcurrentHashMap<String, PerCommand> perCommand = new ConcurrentHashMap<>();

    @Override
    public void request(String command, String outcome, long nanos) {
        PerCommand pc = perCommand.get(command);
        if (pc == null) {
            pc = perCommand.computeIfAbsent(command, PerCommand::new);
        }
        CounterDataPoint counter = SUCCESS.equals(outcome)
                ? pc.success
                : pc.failures.computeIfAbsent(outcome, o -> requests.labelValues(command, o));
        counter.inc();
        pc.latency.observe(nanos / 1e9);
    }

    @Override
    public long requestCount(String command, String outcome) {
        return (long) requests.labelValues(command, outcome).get();
    }

    @Override
    public void count(Tally tally) {
        tallies.get(tally).inc();
    }

    @Override
    public long total(Tally tally) {
        return (long) tallies.get(tally).get();
    }

    /** The registry, for an exporter of the caller's choosing. */
    PrometheusRegistry registry() {
        return registry;
    }

    /** Serves the metrics over HTTP on {@code host:port} (not 0), with {@code /healthz} and {@code /readyz}. */
    int serve(String host, int port, HealthProbe health) {
        exportJvm();
        try {
            http = HTTPServer.builder()
                    .hostname(host)
                    .port(port)
                    .registry(registry)
                    .defaultHandler(new HealthPaths(health))
                    .buildAndStart();
            log.info("event=metrics_listening host={} port={}", host, http.getPort());
            return http.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot serve metrics on " + host + ":" + port + "; choose another --metrics-port", e);
        }
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
            http = null;
        }
    }
}
