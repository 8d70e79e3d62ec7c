package io.stui.bench.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * The phases of one run shared by all clients: warm-up until {@code measureStart}, then either a
 * fixed measured duration or a measured request budget, plus the instant the last measured answer
 * arrived (for the rate).
 */
final class RunClock {
    final long start;
    final long measureStart;
    private final long end; // Long.MAX_VALUE when the run is bounded by a request count
    private final AtomicLong budget;
    private final LongAccumulator lastAnswer = new LongAccumulator(Math::max, Long.MIN_VALUE);
    private volatile boolean stopped;

    RunClock(long start, LoadSpec spec) {
        this.start = start;
        this.measureStart = start + spec.warmup().toNanos();
        this.end = spec.requests() > 0
                ? Long.MAX_VALUE
                : measureStart + spec.duration().toNanos();
        this.budget = new AtomicLong(spec.requests() > 0 ? spec.requests() : Long.MAX_VALUE);
    }

    /** True if a request due at {@code intended} falls in the measurement window. */
    boolean measured(long intended) {
        return intended >= measureStart;
    }

    /**
     * Claims the right to send a request due at {@code intended}: false once the run is over (time
     * up, budget spent or stopped). Warm-up requests do not use the budget.
     */
    boolean claim(long intended) {
        if (stopped || intended >= end) {
            return false;
        }
        if (!measured(intended)) {
            return true;
        }
        return budget.getAndDecrement() > 0;
    }

    /** Ends the run early (interrupt, fatal error). */
    void stop() {
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }

    void answered(long doneNanos) {
        lastAnswer.accumulate(doneNanos);
    }

    /** Length of the measurement window: the planned duration, or up to the last answer if later. */
    double measuredSeconds(long now) {
        long last = lastAnswer.get();
        long until = end == Long.MAX_VALUE ? (last == Long.MIN_VALUE ? now : last) : Math.max(end, Math.min(last, now));
        return Math.max(0, until - measureStart) / 1e9;
    }
}
