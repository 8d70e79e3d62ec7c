package io.stui.server.front;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who holds a {@link FastFront}'s sockets while work runs in place on the holder's thread, and the
 * <em>relief</em> thread that takes them over when that work takes long.
 *
 * <p><b>Invariant.</b> The sockets change hands only through one compare-and-set of the start time of the work
 * running in place to {@code NONE}: the holder that {@linkplain #end ends} its work first wins and keeps the
 * sockets; the relief that finds the same work still running one look after it became overdue wins instead and
 * becomes the holder, and the old holder, once its work is done, queues the answer like any worker. The
 * compare-and-set is also the memory barrier ZeroMQ asks for when a socket changes threads, and the holder is
 * never inside a socket call while work runs in place, so the sockets change hands only between calls. At most
 * {@code maxRelieved} relieved requests run at a time; beyond that {@link #mayRunInPlace} says no.
 *
 * <p>An idle relief sleeps until the holder {@linkplain #begin begins} work in place, so an idle server does not
 * wake up periodically.
 *
 * <p>A relieved holder whose work is done and that is not needed as the relief waits a while as a spare, and the
 * next relief is a spare when there is one: on a busy small machine hand-overs come every few hundred requests, and
 * each new thread also made and connected its own doorbell socket.
 */
final class HandOver {

    private static final Logger log = LoggerFactory.getLogger(HandOver.class);

    /** The start time while the holder runs nothing in place. */
    static final long NONE = 0;
    /** Relief looks after this many idle looks go to sleep until the holder begins work in place. */
    private static final int IDLE_LOOKS_BEFORE_SLEEP = 200;
    /** How long a spare front thread waits to become a relief before it ends. */
    private static final long SPARE_KEEP_SECONDS = 60;
    /** The relief to be: started, not yet watching (unparking it is a no-op; it checks {@code finished} first). */
    private static final Thread COMING = new Thread(() -> {}, "stui-relief-coming");

    private final long reliefAfterNanos;
    private final int maxRelieved;
    /** Runs each relief's life; its idle threads are the spares. */
    private final ThreadPoolExecutor reliefThreads;

    private final Runnable reliefLife;
    /** When the holder began work in place that a relief may take over (nanoTime, never NONE); NONE otherwise. */
    private final AtomicLong inPlaceSince = new AtomicLong(NONE);

    private final AtomicReference<Thread> relief = new AtomicReference<>();
    private volatile boolean reliefAsleep;
    private volatile boolean finished;
    private final AtomicInteger relievedRunning = new AtomicInteger();
    private final AtomicInteger handovers = new AtomicInteger();

    /**
     * @param reliefLife what a relief thread runs: {@link #watch} and, once it returns true, the holder's loop
     */
    HandOver(Duration reliefAfter, int maxRelieved, ThreadFactory threads, Runnable reliefLife) {
        this.reliefAfterNanos = reliefAfter.toNanos();
        this.maxRelieved = maxRelieved;
        this.reliefThreads = new ThreadPoolExecutor(
                0, Integer.MAX_VALUE, SPARE_KEEP_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
        this.reliefLife = reliefLife;
    }

    /** Whether a request read now may run in place: fewer than {@code maxRelieved} relieved requests are running. */
    boolean mayRunInPlace() {
        return relievedRunning.get() < maxRelieved;
    }

    /** The holder begins work in place; answers its start, for {@link #end}. Wakes a sleeping relief. */
    long begin() {
        long now = System.nanoTime();
        long start = now == NONE ? 1 : now;
        inPlaceSince.set(start);
        if (reliefAsleep) {
            Thread r = relief.get();
            if (r != null) {
                LockSupport.unpark(r);
            }
        }
        return start;
    }

    /** The holder's work in place begun at {@code start} ended; true when this thread still holds the sockets. */
    boolean end(long start) {
        return inPlaceSince.compareAndSet(start, NONE);
    }

    /**
     * A holder relieved during its work has finished it: stays on as the next relief (true) unless there is one
     * already or the front has stopped (false: the thread ends).
     */
    boolean relievedHolderDone() {
        relievedRunning.decrementAndGet();
        return !finished && relief.compareAndSet(null, Thread.currentThread());
    }

    /**
     * The relief's watch: looks at the holder about every {@code reliefAfter}; takes the sockets over when work in
     * place has kept the holder longer than that and is still there at the next look. Returns true once this thread
     * holds the sockets, false when the front has stopped.
     */
    boolean watch() {
        relief.compareAndSet(COMING, Thread.currentThread());
        int idleLooks = 0;
        long overdueSeen = NONE;
        while (!finished) {
            long start = inPlaceSince.get();
            // take over when the same work is still there one look after it was first seen overdue: the holder has
            // had a look's time to run, so a pause that stopped every thread (a GC, the machine busy elsewhere)
            // does not count as the holder being stuck
            boolean overdue = start != NONE && System.nanoTime() - start >= reliefAfterNanos;
            boolean stuck = overdue && start == overdueSeen;
            overdueSeen = overdue ? start : NONE;
            if (stuck) {
                if (inPlaceSince.compareAndSet(start, NONE)) {
                    relievedRunning.incrementAndGet();
                    handovers.incrementAndGet();
                    relief.set(null);
                    log.debug("event=front_taken_over busy_ms={}", (System.nanoTime() - start) / 1_000_000);
                    startRelief();
                    return true;
                }
                continue;
            }
            if (start == NONE && ++idleLooks >= IDLE_LOOKS_BEFORE_SLEEP) {
                idleLooks = 0;
                reliefAsleep = true;
                // re-check after announcing the sleep: a request that began before the announcement was seen
                if (inPlaceSince.get() == NONE && !finished) {
                    LockSupport.park(this);
                }
                reliefAsleep = false;
            } else {
                if (start != NONE) {
                    idleLooks = 0;
                }
                LockSupport.parkNanos(this, reliefAfterNanos);
            }
        }
        return false;
    }

    /** Starts a relief thread unless one is watching or the front has stopped. */
    void startRelief() {
        if (finished) {
            return;
        }
        if (relief.compareAndSet(null, COMING)) {
            try {
                reliefThreads.execute(reliefLife);
            } catch (RejectedExecutionException e) {
                relief.compareAndSet(COMING, null); // the front has stopped meanwhile
            }
        }
    }

    /** The front has stopped: the relief ends its watch. */
    void finish() {
        finished = true;
        reliefThreads.shutdown();
        Thread r = relief.get();
        if (r != null) {
            LockSupport.unpark(r);
        }
    }

    /** How many times a relief has taken the sockets over. */
    int handovers() {
        return handovers.get();
    }
}
