package io.stui.server.metrics;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** Where {@link ServerMetrics} keeps its figures: in Prometheus when they are served, else in plain counters. */
interface MetricsRecorder extends AutoCloseable {
    void request(String command, String outcome, long nanos);

    void evaluationTimeout();

    void autosaved();

    void autosaveFailed();

    void imageSaveFailed();

    long requestCount(String command, String outcome);

    long timeoutCount();

    long autosaveCount();

    long autosaveFailureCount();

    long imageSaveFailureCount();

    /** A figure kept elsewhere and read when the metrics are read. */
    void frontHandovers(IntSupplier count);

    /** As {@link #frontHandovers}. */
    void eventsDropped(LongSupplier count);

    @Override
    void close();
}
