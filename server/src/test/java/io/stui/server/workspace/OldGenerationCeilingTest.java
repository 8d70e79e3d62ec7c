package io.stui.server.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanNotificationInfo;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class OldGenerationCeilingTest {

    private static final long MIB = 1L << 20;

    @Test
    void underChurnTheSerialOldGenerationStaysNearItsCeilingInsteadOfGrowingTowardsTheMaximumHeap() throws Exception {
        Result without = churn("none");
        Result with = churn("ceiling");
        assertTrue(without.peakOld > 48 * MIB, "without the ceiling the old generation grows: " + without);
        assertTrue(
                with.peakOld < 24 * MIB, "with the ceiling it stays near 8-12 MiB plus one young collection: " + with);
        assertTrue(with.collections > 0, with.toString());
    }

    @Test
    void theCeilingIsTheFactorTimesWhatSurvivedAtLeastTheFloorAtMostThePoolMaximum() {
        FakePool pool = new FakePool(100 * MIB);
        OldGenerationCeiling c = new OldGenerationCeiling(pool, new NoEmitter(), () -> {}, 8 * MIB, 1.5);
        assertEquals(8 * MIB, c.ceilingFor(2 * MIB));
        assertEquals(15 * MIB, c.ceilingFor(10 * MIB));
        assertEquals(100 * MIB, c.ceilingFor(90 * MIB));
    }

    @Test
    void overTheCeilingItCollectsOnceAndRaisesTheCeilingToFollowWhatIsLive() {
        FakePool pool = new FakePool(256 * MIB);
        AtomicInteger gcs = new AtomicInteger();
        OldGenerationCeiling c = new OldGenerationCeiling(
                pool,
                new NoEmitter(),
                () -> {
                    gcs.incrementAndGet();
                    pool.used = 20 * MIB; // a full collection: what is left is live
                    pool.afterCollection = 20 * MIB;
                },
                8 * MIB,
                1.5);
        c.start();
        assertEquals(8 * MIB, c.ceiling());
        pool.used = 9 * MIB;
        c.collect();
        assertEquals(1, gcs.get());
        assertEquals(30 * MIB, c.ceiling(), "1.5 x the 20 MiB that survived");
        c.collect(); // the notification of a collection that already happened: 20 MiB is under 30
        assertEquals(1, gcs.get());
        c.close();
        assertEquals(0, pool.threshold, "closing clears the threshold");
    }

    @Test
    void whenTheOldGenerationStaysCommittedBeyondTheFloorWithNoCollectionItCollectsOncePerWaitBackingOff() {
        FakePool pool = new FakePool(256 * MIB);
        AtomicInteger gcs = new AtomicInteger();
        OldGenerationCeiling c = new OldGenerationCeiling(
                pool,
                new NoEmitter(),
                () -> {
                    gcs.incrementAndGet();
                    pool.afterCollection = pool.used; // nothing freed: what is there is live
                },
                8 * MIB,
                1.5);
        long period = OldGenerationCeiling.SETTLE_PERIOD.toNanos();
        long t = System.nanoTime();
        pool.used = 200 * MIB;
        assertTrue(!c.settle(t), "a collection ran less than a period ago (the start)");
        assertTrue(c.settle(t + period + 1), "committed beyond the floor, no collection for a period");
        assertEquals(1, gcs.get());
        assertTrue(!c.settle(t + 2 * period + 2), "it freed nothing: the wait doubled");
        assertTrue(c.settle(t + 3 * period + 2));
        assertEquals(2, gcs.get());
    }

    private record Result(long peakOld, long collections) {}

    private static Result churn(String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(
                        java.toString(),
                        "-XX:+UseSerialGC",
                        "-Xms8m",
                        "-Xmx256m",
                        "-Xmn4m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        OldGenChurnMain.class.getName(),
                        mode))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Matcher m = Pattern.compile("peakOldBytes=(\\d+) collections=(\\d+)").matcher(out);
        assertTrue(m.find(), out);
        return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    /** An old generation whose occupancy the test sets. */
    private static final class FakePool implements MemoryPoolMXBean {
        final long max;
        long used;
        long afterCollection;
        long threshold;

        FakePool(long max) {
            this.max = max;
        }

        @Override
        public String getName() {
            return OldGenerationCeiling.SERIAL_OLD_POOL;
        }

        @Override
        public MemoryType getType() {
            return MemoryType.HEAP;
        }

        @Override
        public MemoryUsage getUsage() {
            return new MemoryUsage(0, used, max, max);
        }

        @Override
        public MemoryUsage getPeakUsage() {
            return getUsage();
        }

        @Override
        public void resetPeakUsage() {}

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public String[] getMemoryManagerNames() {
            return new String[0];
        }

        @Override
        public long getUsageThreshold() {
            return threshold;
        }

        @Override
        public void setUsageThreshold(long t) {
            threshold = t;
        }

        @Override
        public boolean isUsageThresholdExceeded() {
            return used >= threshold;
        }

        @Override
        public long getUsageThresholdCount() {
            return 0;
        }

        @Override
        public boolean isUsageThresholdSupported() {
            return true;
        }

        @Override
        public long getCollectionUsageThreshold() {
            return 0;
        }

        @Override
        public void setCollectionUsageThreshold(long t) {}

        @Override
        public boolean isCollectionUsageThresholdExceeded() {
            return false;
        }

        @Override
        public long getCollectionUsageThresholdCount() {
            return 0;
        }

        @Override
        public MemoryUsage getCollectionUsage() {
            return new MemoryUsage(0, afterCollection, max, max);
        }

        @Override
        public boolean isCollectionUsageThresholdSupported() {
            return true;
        }

        @Override
        public ObjectName getObjectName() {
            return null;
        }
    }

    /** Notifications are driven by the test calling {@code collect()} directly. */
    private static final class NoEmitter implements NotificationEmitter {
        @Override
        public void addNotificationListener(NotificationListener l, NotificationFilter f, Object h) {}

        @Override
        public void removeNotificationListener(NotificationListener l) throws ListenerNotFoundException {}

        @Override
        public void removeNotificationListener(NotificationListener l, NotificationFilter f, Object h) {}

        @Override
        public MBeanNotificationInfo[] getNotificationInfo() {
            return new MBeanNotificationInfo[0];
        }
    }
}
