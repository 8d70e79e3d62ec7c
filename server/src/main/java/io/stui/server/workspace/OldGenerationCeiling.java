package io.stui.server.workspace;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the serial collector's old generation near what is live, so the server's memory stays
 * bounded under a steady load of session requests.
 *
 * <p>Why it is needed: with {@code -XX:+UseSerialGC} (the {@code stui serve} profile) a young
 * collection promotes into the old generation as long as its free <em>plus uncommitted</em> space
 * can take the survivors, so the old generation is only collected once it has grown to
 * {@code -Xmx}. Under load, objects that outlive a few young collections pile up there: a session's
 * evaluation history keeps its last 1,000 entries, so each entry lives about a second and is
 * promoted before it dies. A mixed load of 8 clients grew the heap by about 1.5 MiB a second
 * (135 MiB resident after 25 s) without a single full collection.
 *
 * <p>This sets a usage threshold on the old generation (the JVM checks it after every collection)
 * and asks for a full collection when occupancy passes the ceiling: {@code factor} times what
 * survived the last full collection, at least {@code floor}. The ceiling follows the live data, so
 * a server that really holds more (big workspaces) is not collected over and over. Other
 * collectors bound their old generation themselves; there {@link #install} does nothing.
 *
 * <p>It also gives memory back after a spike (issue #16): a refused memory bomb leaves the old generation
 * committed (and resident) at the size of the bomb, garbage that no ceiling crossing will ever collect because
 * nothing is allocated any more. So, every {@link #SETTLE_PERIOD}, when the old generation is committed beyond the
 * floor and no full collection ran in the last period, it asks for one; the collector then shrinks the generation
 * to what is live (serve.jvm-options: {@code -XX:-ShrinkHeapInSteps}, {@code -XX:MaxHeapFreeRatio}) and the
 * pages go back to the system. A collection that finds nearly everything live doubles the wait (up to eight
 * periods), so a server that really holds a big heap is not collected every period. Under load the ceiling's own
 * collections come more often than the period, so this adds none there.
 */
public final class OldGenerationCeiling implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OldGenerationCeiling.class);
    /** The serial collector's old generation pool. */
    static final String SERIAL_OLD_POOL = "Tenured Gen";

    private final MemoryPoolMXBean pool;
    private final NotificationEmitter emitter;
    private final Runnable fullCollection;
    private final long floor;
    private final double factor;
    private final NotificationListener listener = this::onNotification;
    private final AtomicLong collections = new AtomicLong();
    /** How often the old generation is looked at for memory to give back. */
    static final Duration SETTLE_PERIOD = Duration.ofSeconds(15);

    private volatile long lastFullCollection = System.nanoTime();
    private long settleWait = SETTLE_PERIOD.toNanos();
    private ScheduledExecutorService settler;

    OldGenerationCeiling(
            MemoryPoolMXBean pool, NotificationEmitter emitter, Runnable fullCollection, long floor, double factor) {
        if (floor <= 0 || factor < 1) {
            throw new IllegalArgumentException("floor must be positive and factor at least 1");
        }
        this.pool = pool;
        this.emitter = emitter;
        this.fullCollection = fullCollection;
        this.floor = floor;
        this.factor = factor;
    }

    /**
     * Watches the old generation of the serial collector; empty when the JVM runs another
     * collector (or cannot watch the pool).
     *
     * @param floorBytes the lowest ceiling, in bytes
     * @param factor     the ceiling as a multiple of what survived the last full collection
     */
    public static Optional<OldGenerationCeiling> install(long floorBytes, double factor) {
        Optional<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && SERIAL_OLD_POOL.equals(p.getName()))
                .filter(MemoryPoolMXBean::isUsageThresholdSupported)
                .findFirst();
        if (old.isEmpty() || !(ManagementFactory.getMemoryMXBean() instanceof NotificationEmitter emitter)) {
            return Optional.empty();
        }
        OldGenerationCeiling c = new OldGenerationCeiling(old.get(), emitter, System::gc, floorBytes, factor);
        c.start();
        c.settler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stui-old-gen-settler");
            t.setDaemon(true);
            return t;
        });
        long period = SETTLE_PERIOD.toMillis();
        c.settler.scheduleWithFixedDelay(() -> c.settle(System.nanoTime()), period, period, TimeUnit.MILLISECONDS);
        return Optional.of(c);
    }

    void start() {
        emitter.addNotificationListener(listener, null, null);
        long live = Math.max(
                0,
                pool.getCollectionUsage() == null
                        ? 0
                        : pool.getCollectionUsage().getUsed());
        long ceiling = ceilingFor(live);
        pool.setUsageThreshold(ceiling);
        log.info(
                "event=old_gen_ceiling pool=\"{}\" ceiling_mib={} floor_mib={} factor={}",
                pool.getName(),
                mib(ceiling),
                mib(floor),
                factor);
    }

    /** The ceiling for a given live size: {@code factor} times it, at least the floor, at most the pool's maximum. */
    long ceilingFor(long liveBytes) {
        long c = Math.max(floor, (long) (liveBytes * factor));
        long max = pool.getUsage().getMax();
        return max > 0 ? Math.min(c, max) : c;
    }

    /** The current ceiling in bytes. */
    public long ceiling() {
        return pool.getUsageThreshold();
    }

    /** Full collections this asked for. */
    public long collections() {
        return collections.get();
    }

    private void onNotification(Notification n, Object handback) {
        if (!MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED.equals(n.getType())
                || !(n.getUserData() instanceof CompositeData data)
                || !pool.getName().equals(MemoryNotificationInfo.from(data).getPoolName())) {
            return;
        }
        collect();
    }

    /** Collects when the old generation is still over its ceiling, then sets the ceiling from what survived. */
    void collect() {
        long before = pool.getUsage().getUsed();
        long ceiling = pool.getUsageThreshold();
        if (ceiling <= 0 || before < ceiling) {
            return; // a collection since the notification already brought it down
        }
        fullCollection.run();
        lastFullCollection = System.nanoTime();
        collections.incrementAndGet();
        long live = pool.getCollectionUsage().getUsed();
        long next = ceilingFor(live);
        pool.setUsageThreshold(next);
        log.debug(
                "event=old_gen_collected before_mib={} live_mib={} ceiling_mib={}", mib(before), mib(live), mib(next));
    }

    /**
     * Collects when the old generation is committed beyond the floor and no full collection ran for the wait (one
     * period, longer after collections that freed little), so that a spike's memory is returned; true when it did.
     */
    synchronized boolean settle(long now) {
        MemoryUsage usage = pool.getUsage();
        if (usage.getCommitted() <= floor || now - lastFullCollection < settleWait) {
            return false;
        }
        long before = usage.getUsed();
        fullCollection.run();
        lastFullCollection = now;
        collections.incrementAndGet();
        long live = pool.getCollectionUsage().getUsed();
        pool.setUsageThreshold(ceilingFor(live));
        // little garbage: what is there is live, look again later; much: back to the period
        long period = SETTLE_PERIOD.toNanos();
        settleWait = live > before - before / 10 ? Math.min(settleWait * 2, 8 * period) : period;
        log.debug("event=old_gen_settled before_mib={} live_mib={}", mib(before), mib(live));
        return true;
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /** Stops watching (the threshold is cleared). */
    @Override
    public void close() {
        if (settler != null) {
            settler.shutdownNow();
        }
        try {
            emitter.removeNotificationListener(listener);
        } catch (ListenerNotFoundException e) {
            // never added or already removed: nothing to stop
        }
        pool.setUsageThreshold(0);
    }
}
