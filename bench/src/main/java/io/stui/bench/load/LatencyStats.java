package io.stui.bench.load;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency histogram, in milliseconds.
 *
 * @param count number of recorded requests
 */
public record LatencyStats(
        long count, double meanMs, double p50Ms, double p95Ms, double p99Ms, double p999Ms, double maxMs) {

    private static final double NANOS_PER_MS = 1e6;

    /** Reads the percentiles of a nanosecond histogram; an empty histogram gives zeros. */
    public static LatencyStats of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencyStats(0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencyStats(
                h.getTotalCount(),
                h.getMean() / NANOS_PER_MS,
                h.getValueAtPercentile(50) / NANOS_PER_MS,
                h.getValueAtPercentile(95) / NANOS_PER_MS,
                h.getValueAtPercentile(99) / NANOS_PER_MS,
                h.getValueAtPercentile(99.9) / NANOS_PER_MS,
                h.getMaxValue() / NANOS_PER_MS);
    }
}
