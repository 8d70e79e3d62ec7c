package io.stui.bench.load;

import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Records request latencies, total and per request kind, twice: as <em>response time</em> from the
 * moment the request was due to be sent (intended time), which corrects for coordinated omission
 * (a stalled server also delays every request queued behind the stall, and those delays count), and
 * as <em>service time</em> from the moment it actually left. In a closed loop the intended time is
 * the actual send time, so both agree. Thread-safe: client threads record concurrently.
 */
public final class LatencyRecorder {
    private final Histogram responseTotal = newHistogram();
    private final Histogram serviceTotal = newHistogram();
    private final Map<CommandKind, Histogram> responseByKind = new EnumMap<>(CommandKind.class);
    private final Map<CommandKind, Histogram> serviceByKind = new EnumMap<>(CommandKind.class);
    private long errors;

    private static Histogram newHistogram() {
        // Nanoseconds, 3 significant digits, grows as needed so no latency is ever clamped.
        return new Histogram(3);
    }

    /**
     * Records one answered request.
     *
     * @param intendedNanos when the schedule wanted it sent ({@link System#nanoTime()} clock)
     * @param sentNanos     when it was actually sent, not before {@code intendedNanos}
     * @param doneNanos     when its answer arrived
     */
    public synchronized void record(CommandKind kind, long intendedNanos, long sentNanos, long doneNanos) {
        long response = Math.max(0, doneNanos - Math.min(intendedNanos, sentNanos));
        long service = Math.max(0, doneNanos - sentNanos);
        responseTotal.recordValue(response);
        serviceTotal.recordValue(service);
        responseByKind.computeIfAbsent(kind, k -> newHistogram()).recordValue(response);
        serviceByKind.computeIfAbsent(kind, k -> newHistogram()).recordValue(service);
    }

    /** Counts a failed request (error answer, timeout, undecodable reply). */
    public synchronized void recordError() {
        errors++;
    }

    /** Answered requests so far. */
    public synchronized long count() {
        return responseTotal.getTotalCount();
    }

    /** Failed requests so far. */
    public synchronized long errors() {
        return errors;
    }

    /** Response-time histogram (coordinated omission corrected), a copy. */
    public synchronized Histogram responseTimes() {
        return responseTotal.copy();
    }

    /** Service-time histogram, a copy. */
    public synchronized Histogram serviceTimes() {
        return serviceTotal.copy();
    }

    /** Response-time histograms per kind, copies. */
    public synchronized Map<CommandKind, Histogram> responseTimesByKind() {
        Map<CommandKind, Histogram> copy = new EnumMap<>(CommandKind.class);
        responseByKind.forEach((k, h) -> copy.put(k, h.copy()));
        return copy;
    }

    /** Service-time histograms per kind, copies. */
    public synchronized Map<CommandKind, Histogram> serviceTimesByKind() {
        Map<CommandKind, Histogram> copy = new EnumMap<>(CommandKind.class);
        serviceByKind.forEach((k, h) -> copy.put(k, h.copy()));
        return copy;
    }
}
