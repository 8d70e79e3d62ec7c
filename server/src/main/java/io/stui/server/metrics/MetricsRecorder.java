package io.stui.server.metrics;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** Where {@link ServerMetrics} keeps its figures: in Prometheus when they are served, else in plain counters. */
interface MetricsRecorder extends AutoCloseable {
    void request(String command, String outcome, long nanos);

    long requestCount(String command, String outcome);

    void count(Tally tally);

    long total(Tally tally);

    /** A figure kept elsewhere and read when the metrics are read. */
    void frontHandovers(IntSupplier count);

    /** As {@link #frontHandovers}. */
    void eventsDropped(LongSupplier count);

    @Override
    void close();
}
