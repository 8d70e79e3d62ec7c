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

    private final LongAdder[] tallies = new LongAdder[Tally.values().length];

    CountingMetrics() {
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new LongAdder();
        }
    }

    @Override
    public void request(String command, String outcome, long nanos) {
        counter(command, outcome).increment();
    }

    private LongAdder counter(String command, String outcome) {
        // get first: computeIfAbsent alone would lock a bin on every request
        ConcurrentHashMap<String, LongAdder> outcomes = requests.get(command);
        if (outcomes == null) {
            outcomes = requests.computeIfAbsent(command, c -> new ConcurrentHashMap<>());
        }
        LongAdder count = outcomes.get(outcome);
        return count != null ? count : outcomes.computeIfAbsent(outcome, o -> new LongAdder());
    }

    @Override
    public long requestCount(String command, String outcome) {
        ConcurrentHashMap<String, LongAdder> outcomes = requests.get(command);
        LongAdder count = outcomes == null ? null : outcomes.get(outcome);
        return count == null ? 0 : count.sum();
    }

    @Override
    public void count(Tally tally) {
        tallies[tally.ordinal()].increment();
    }

    @Override
    public long total(Tally tally) {
        return tallies[tally.ordinal()].sum();
    }

    @Override
    public void frontHandovers(IntSupplier count) {}

    @Override
    public void eventsDropped(LongSupplier count) {}

    @Override
    public void close() {}
}
