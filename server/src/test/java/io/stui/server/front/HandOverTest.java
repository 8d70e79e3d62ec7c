package io.stui.server.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hand-over alone: short work keeps the holder; work still running past the relief time changes hands once. */
class HandOverTest {

    private final ThreadFactory threads = Thread.ofPlatform().daemon().factory();

    @Test
    void workThatEndsInTimeKeepsTheSocketsWithTheHolder() {
        HandOver h = new HandOver(Duration.ofSeconds(30), 1, threads, () -> {});
        long start = h.begin();
        assertTrue(h.end(start), "the holder ended first");
        assertEquals(0, h.handovers());
        assertTrue(h.mayRunInPlace());
        h.finish();
    }

    @Test
    void stuckWorkIsTakenOverOnceAndLimitsWorkInPlaceUntilItEnds() throws Exception {
        CountDownLatch tookOver = new CountDownLatch(1);
        HandOver[] box = new HandOver[1];
        HandOver h = new HandOver(Duration.ofMillis(1), 1, threads, () -> {
            if (box[0].watch()) {
                tookOver.countDown();
            }
        });
        box[0] = h;
        h.startRelief();
        long start = h.begin();
        assertTrue(tookOver.await(10, TimeUnit.SECONDS), "the relief took the sockets");
        assertFalse(h.end(start), "the old holder no longer holds the sockets");
        assertEquals(1, h.handovers());
        assertFalse(h.mayRunInPlace(), "one relieved request runs: the limit of 1 is reached");
        h.relievedHolderDone();
        assertTrue(h.mayRunInPlace());
        h.finish();
    }
}
