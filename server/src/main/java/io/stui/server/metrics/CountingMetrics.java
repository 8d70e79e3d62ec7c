package io.stui.server.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The figures of a server whose metrics port is off: only the counts that {@code system_info}, the log and the tests
 * read, in plain counters. The Prometheus client (its registry, histograms and about 70 classes) is then never
 * loaded, and no latency is recorded, since nothing could read it.
 */
final class CountingMetrics implements MetricsRecorder {
    /** Answered requests by command, then by outcome. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, LongAdder>> requests = new ConcurrentHashMap<>();

    private final LongAdder timeouts = new LongAdder();
    private final LongAdder autosaves = new LongAdder();
    private final LongAdder autosaveFailures = new LongAdder();
    private final LongAdder imageSaveFailures = new LongAdder();

    @Override
    public void request(String command, String outcome, long nanos) {
        counter(command, outcome).increment();
    }

    private LongAdder counter(String command, String outcome) {
        ConcurrentHashMap<String, LongAdder> outcomes = requests.get(command);
        if (outcomes == null) {
            requests.putIfAbsent(command, new ConcurrentHashMap<>());
            outcomes = requests.get(command);
        }
        LongAdder count = outcomes.get(outcome);
        if (count == null) {
            outcomes.putIfAbsent(outcome, new LongAdder());
            count = outcomes.get(outcome);
        }
        return count;
    }

    @Override
    public long requestCount(String command, String outcome) {
        ConcurrentHashMap<String, LongAdder> outcomes = requests.get(command);
        LongAdder count = outcomes == null ? null : outcomes.get(outcome);
        return count == null ? 0 : count.sum();
    }

    @Override
    public void evaluationTimeout() {
        timeouts.increment();
    }

    @Override
    public void autosaved() {
        autosaves.increment();
    }

    @Override
    public void autosaveFailed() {
        autosaveFailures.increment();
    }

    @Override
    public void imageSaveFailed() {
        imageSaveFailures.increment();
    }

    @Override
    public long timeoutCount() {
        return timeouts.sum();
    }

    @Override
    public long autosaveCount() {
        return autosaves.sum();
    }

    @Override
    public long autosaveFailureCount() {
        return autosaveFailures.sum();
    }

    @Override
    public long imageSaveFailureCount() {
        return imageSaveFailures.sum();
    }

    @Override
    public void frontHandovers(IntSupplier count) {}

    @Override
    public void eventsDropped(LongSupplier count) {}

    @Override
    public void close() {}
}
