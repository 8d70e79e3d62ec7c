package io.stui.bench.load;

/**
 * When each request of one client is due in an open-loop run: a fixed interval from a start
 * instant, independent of when earlier answers came back. A client that falls behind sends at once,
 * but its latencies are measured from these intended instants (the wrk2 approach to coordinated
 * omission). Closed-loop runs have no schedule: each request is due when the previous one answered.
 */
public final class OpenLoopSchedule {
    private final long startNanos;
    private final long intervalNanos;
    private long next;

    /**
     * @param startNanos    instant of the first request ({@link System#nanoTime()} clock)
     * @param intervalNanos time between two requests of this client, positive
     */
    public OpenLoopSchedule(long startNanos, long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive, got " + intervalNanos + " ns");
        }
        this.startNanos = startNanos;
        this.intervalNanos = intervalNanos;
    }

    /**
     * The schedule of one of {@code clients} clients sharing {@code totalRate} requests/s; clients
     * are staggered across one interval so that they do not all fire at the same instant.
     */
    public static OpenLoopSchedule forClient(long startNanos, double totalRate, int clients, int clientIndex) {
        if (!(totalRate > 0) || clients <= 0 || clientIndex < 0 || clientIndex >= clients) {
            throw new IllegalArgumentException("need a positive rate, clients > 0 and 0 <= index < clients");
        }
        long interval = Math.max(1, Math.round(1e9 * clients / totalRate));
        return new OpenLoopSchedule(startNanos + interval * clientIndex / clients, interval);
    }

    /** Intended send instant of the next request; advances the schedule. */
    public long nextIntended() {
        return startNanos + intervalNanos * next++;
    }

    /** Interval between requests of this client. */
    public long intervalNanos() {
        return intervalNanos;
    }
}
