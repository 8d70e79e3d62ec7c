package io.stui.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    private static final long MS = 1_000_000;

    /**
     * An open-loop client due every 1 ms; request 10 stalls for 100 ms. The 99 requests queued
     * behind the stall each waited for it: measured from their intended time they show the
     * backlog, measured from their actual send they look fast (coordinated omission).
     */
    @Test
    void responseTimeCountsTheBacklogBehindAStallButServiceTimeDoesNot() {
        LatencyRecorder r = new LatencyRecorder();
        OpenLoopSchedule schedule = new OpenLoopSchedule(0, MS);
        long clientFreeAt = 0;
        for (int i = 0; i < 1000; i++) {
            long intended = schedule.nextIntended();
            long sent = Math.max(intended, clientFreeAt);
            long service = i == 10 ? 100 * MS : MS / 10;
            long done = sent + service;
            r.record(CommandKind.PING, intended, sent, done);
            clientFreeAt = done;
        }
        Histogram response = r.responseTimes();
        Histogram service = r.serviceTimes();
        assertEquals(1000, response.getTotalCount());
        // Service time: one slow request among 1000; the 99th percentile is the normal 0.1 ms.
        assertEquals(0.1, service.getValueAtPercentile(99) / 1e6, 0.001);
        // Response time: the requests queued behind the stall show it. Request 11 was due at 11 ms,
        // left at 110 ms and was answered at 110.1 ms (99.1 ms); the queue drains by request 121.
        assertTrue(
                response.getValueAtPercentile(95) > 50 * MS,
                "p95 response " + response.getValueAtPercentile(95) / 1e6 + " ms should show the backlog");
        assertEquals(100.0, response.getMaxValue() / 1e6, 0.2);
        long behindStall = response.getCountBetweenValues(2 * MS, 200 * MS);
        assertTrue(behindStall >= 105 && behindStall <= 112, "requests delayed by the stall: " + behindStall);
    }

    @Test
    void inAClosedLoopResponseAndServiceTimesAgree() {
        LatencyRecorder r = new LatencyRecorder();
        long t = 0;
        for (int i = 0; i < 100; i++) {
            long service = (i + 1) * 10_000L;
            r.record(CommandKind.EVALUATE, t, t, t + service);
            t += service;
        }
        assertEquals(
                r.serviceTimes().getValueAtPercentile(99), r.responseTimes().getValueAtPercentile(99));
        assertEquals(100, r.responseTimesByKind().get(CommandKind.EVALUATE).getTotalCount());
    }

    @Test
    void keepsKindsApartAndCountsErrors() {
        LatencyRecorder r = new LatencyRecorder();
        r.record(CommandKind.PING, 0, 0, MS);
        r.record(CommandKind.EVALUATE, 0, 0, 50 * MS);
        r.recordError();
        assertEquals(2, r.count());
        assertEquals(1, r.errors());
        assertEquals(
                1,
                LatencyStats.of(r.responseTimesByKind().get(CommandKind.PING)).maxMs(),
                0.01);
        assertEquals(
                50,
                LatencyStats.of(r.responseTimesByKind().get(CommandKind.EVALUATE))
                        .p50Ms(),
                0.1);
    }

    @Test
    void aSendBeforeItsIntendedTimeIsMeasuredFromTheSend() {
        LatencyRecorder r = new LatencyRecorder();
        r.record(CommandKind.PING, 10 * MS, 5 * MS, 6 * MS);
        assertEquals(1, r.responseTimes().getMaxValue() / 1e6, 0.01);
    }
}
