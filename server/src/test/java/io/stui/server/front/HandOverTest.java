package io.stui.server.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void aRelievedHolderThatIsNotNeededWaitsAsASpareAndIsTheNextRelief() throws Exception {
        AtomicInteger made = new AtomicInteger();
        ThreadFactory counting = r -> {
            made.incrementAndGet();
            return threads.newThread(r);
        };
        CountDownLatch[] tookOver = {new CountDownLatch(1)};
        HandOver[] box = new HandOver[1];
        // a relief's life as FastFront's: watch, and once holding, be relieved at once and finish as a relieved holder
        HandOver h = new HandOver(Duration.ofMillis(1), 4, counting, () -> {
            if (box[0].watch()) {
                tookOver[0].countDown();
            }
        });
        box[0] = h;
        h.startRelief();
        for (int round = 0; round < 3; round++) {
            tookOver[0] = new CountDownLatch(1);
            CountDownLatch now = tookOver[0];
            long start = h.begin();
            assertTrue(now.await(10, TimeUnit.SECONDS), "the relief took the sockets");
            assertFalse(h.end(start));
            // this thread, the relieved holder, is done; a new relief was started at the takeover, so it is not needed
            assertFalse(h.relievedHolderDone());
        }
        assertEquals(3, h.handovers());
        // each takeover starts the next relief and then ends the life of the one that took over (this test's life):
        // that thread waits as a spare and runs the next relief's life, so four reliefs need two threads (without
        // spares, four); fewer than four leaves room for a spare not yet back in time on a loaded machine
        assertTrue(made.get() < 4, "threads made for four reliefs: " + made.get());
        h.finish();
    }
}
