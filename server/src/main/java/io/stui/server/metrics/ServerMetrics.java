package io.stui.server.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.stui.server.health.HealthProbe;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The server's metrics: Prometheus metrics, optionally served over HTTP at {@code /metrics}, and the counts the
 * server reads itself ({@code system_info}, tests). A server whose metrics port is off counts in plain counters
 * ({@link CountingMetrics}) and never loads the Prometheus client.
 *
 * <ul>
 *   <li>{@code stui_requests_total{command,outcome}}: answered requests; outcome is {@code success},
 *       the protocol error code, or {@code retry_answered} (a retried request given its first answer)</li>
 *   <li>{@code stui_request_duration_seconds{command}}: time from decode to answer</li>
 *   <li>{@code stui_sessions}: live sessions</li>
 *   <li>{@code stui_evaluation_timeouts_total}: evaluations stopped by the time or step limit</li>
 *   <li>{@code stui_autosaves_total}: workspace snapshots written by the background auto-save</li>
 *   <li>{@code stui_front_handovers_total}: times a long request run on the front's thread made another
 *       thread take the sockets over</li>
 *   <li>{@code stui_autosave_failures_total}: auto-save writes that failed (each is retried and reported to the
 *       session's client)</li>
 *   <li>{@code stui_image_save_failures_total}, {@code stui_events_dropped_total}</li>
 *   <li>the JVM's and the process's own metrics ({@code jvm_*}, {@code process_*}: memory, threads, GC, CPU, open
 *       files)</li>
 * </ul>
 *
 * <p>Next to {@code /metrics} the HTTP server answers {@code /healthz} and {@code /readyz} (200 or 503, with a line
 * saying why) when given a {@link HealthProbe}; any other path is 404.
 */
public final class ServerMetrics implements AutoCloseable {

    private final MetricsRecorder recorder;
    /** The same object as {@code recorder} when the metrics are in Prometheus, else null. */
    private final PrometheusMetrics prometheus;

    private volatile IntSupplier handovers = () -> 0;

    /** Metrics in Prometheus, which {@link #serve} can serve; {@code sessions} is read at each scrape. */
    public ServerMetrics(IntSupplier sessions) {
        this(sessions, true);
    }

    /**
     * @param exported whether the metrics may be served ({@link #serve}, {@link #registry}): false for a server
     *     whose metrics port is off, which then keeps only the counts
     */
    public ServerMetrics(IntSupplier sessions, boolean exported) {
        if (exported) {
            prometheus = new PrometheusMetrics(sessions);
            recorder = prometheus;
        } else {
            prometheus = null;
            recorder = new CountingMetrics();
        }
    }

    /**
     * Adds the JVM's and the process's own metrics. Only for a server whose metrics are served: they load
     * java.lang.management and its MXBeans, about 2 MiB of classes a server without a metrics port would carry for
     * nothing. Call it before the front starts, so the port opens soon after the first answer.
     */
    public void exportJvm() {
        exported().exportJvm();
    }

    /** Publishes the front end's hand-over count, read at each scrape. */
    public void frontHandovers(IntSupplier count) {
        handovers = count;
        recorder.frontHandovers(count);
    }

    /** Publishes the events socket's drops, read at each scrape. */
    public void eventsDropped(LongSupplier count) {
        recorder.eventsDropped(count);
    }

    /** Records one answered request ({@code outcome}: {@code success} or the error code). */
    public void request(String command, String outcome, long nanos) {
        recorder.request(command, outcome, nanos);
    }

    /** Records one evaluation stopped by a limit. */
    public void evaluationTimeout() {
        recorder.count(Tally.EVALUATION_TIMEOUTS);
    }

    /** Requests answered so far for a command and outcome (for tests and system_info). */
    public long requestCount(String command, String outcome) {
        return recorder.requestCount(command, outcome);
    }

    /** Records one auto-saved workspace. */
    public void autosaved() {
        recorder.count(Tally.AUTOSAVES);
    }

    /** Records one failed auto-save write. */
    public void autosaveFailed() {
        recorder.count(Tally.AUTOSAVE_FAILURES);
    }

    /** Records one failed save of the default image. */
    public void imageSaveFailed() {
        recorder.count(Tally.IMAGE_SAVE_FAILURES);
    }

    /** Saves of the default image failed so far. */
    public long imageSaveFailureCount() {
        return recorder.total(Tally.IMAGE_SAVE_FAILURES);
    }

    /** Auto-save writes failed so far. */
    public long autosaveFailureCount() {
        return recorder.total(Tally.AUTOSAVE_FAILURES);
    }

    /** Workspaces auto-saved so far. */
    public long autosaveCount() {
        return recorder.total(Tally.AUTOSAVES);
    }

    /** Evaluations stopped by a limit so far. */
    public long timeoutCount() {
        return recorder.total(Tally.EVALUATION_TIMEOUTS);
    }

    /** Front hand-overs so far (see {@link #frontHandovers}). */
    public int handoverCount() {
        return handovers.getAsInt();
    }

    /** The registry, for an exporter of the caller's choosing. */
    public PrometheusRegistry registry() {
        return exported().registry();
    }

    /**
     * Serves the metrics over HTTP on {@code host:port}; port 0 means off. Returns the bound port,
     * or 0 when off.
     */
    public int serve(String host, int port) {
        return serve(host, port, null);
    }

    /** As {@link #serve(String, int)}, with {@code /healthz} and {@code /readyz} answered by {@code health}. */
    public int serve(String host, int port, HealthProbe health) {
        return port == 0 ? 0 : exported().serve(host, port, health);
    }

    private PrometheusMetrics exported() {
        if (prometheus == null) {
            throw new IllegalStateException("these metrics were made without Prometheus (metrics port off)");
        }
        return prometheus;
    }

    @Override
    public void close() {
        recorder.close();
    }
}
