package io.stui.server.exec;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed pool of worker threads that runs tasks sharing a key one at a time, in submission order,
 * while tasks of different keys run in parallel. The key is a session id; tasks without a key run
 * independently.
 *
 * <p>Queues are bounded: each key holds at most {@code perKeyCapacity} waiting tasks and keyless
 * work at most {@code keylessCapacity}; {@link #submit} answers false beyond that so the caller can
 * answer "busy" instead of growing memory without limit. A lane that has work runs one task and then
 * goes to the back of the pool's queue, so one busy session cannot starve the others.
 *
 * <p>A caller that can afford the work may also run a task of an idle key on its own thread
 * ({@link #runHere}); the key's order holds all the same.
 *
 * <p>A key's queue is a {@link Lane}. A live session owns its lane for its whole life and passes it
 * ({@link #submit(Lane, Runnable)}); other keys get a lane made when work arrives and dropped when it
 * is done ({@link #submit(String, Runnable)}).
 */
public final class KeyedSerialExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeyedSerialExecutor.class);

    private final ThreadPoolExecutor pool;
    private final int perKeyCapacity;
    private final int keylessCapacity;
    /** The lanes of keys that own none, while they have work; also the lock of every lane. */
    private final Map<String, Lane> lanes = new HashMap<>();
    /** Lanes (owned or not) with work queued or running; guarded by {@link #lanes}. */
    private int busyLanes;

    private final AtomicInteger keylessPending = new AtomicInteger();
    private volatile boolean accepting = true;
    /** Head of a lane whose task runs on a caller's thread ({@link #runHere}); never run by the pool. */
    private static final Runnable RUNNING_ELSEWHERE = () -> {};

    /**
     * The queue of one key's tasks, its head the task running or scheduled. Guarded by the executor; one that a
     * session owns lives as long as the session.
     */
    public static final class Lane {
        private final String key;
        private final boolean owned;
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        /** A lane its owner keeps (a live session's), named by its key in logs. */
        public Lane(String key) {
            this(key, true);
        }

        private Lane(String key, boolean owned) {
            this.key = key;
            this.owned = owned;
        }
    }

    /**
     * @param threads         worker threads
     * @param perKeyCapacity  waiting tasks allowed per key
     * @param keylessCapacity waiting tasks allowed without a key
     * @param stackBytes      stack size of each worker (the interpreter recurses deeply)
     */
    public KeyedSerialExecutor(int threads, int perKeyCapacity, int keylessCapacity, long stackBytes) {
        this(threads, perKeyCapacity, keylessCapacity, namedThreads(stackBytes));
    }

    /**
     * @param threads         worker threads
     * @param perKeyCapacity  waiting tasks allowed per key
     * @param keylessCapacity waiting tasks allowed without a key
     * @param threadFactory   makes the workers (the server passes the engine's evaluation threads)
     */
    public KeyedSerialExecutor(int threads, int perKeyCapacity, int keylessCapacity, ThreadFactory threadFactory) {
        this.perKeyCapacity = perKeyCapacity;
        this.keylessCapacity = keylessCapacity;
        this.pool = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threadFactory);
    }

    private static ThreadFactory namedThreads(long stackBytes) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, "stui-worker-" + n.incrementAndGet(), stackBytes);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Queues {@code task} behind the earlier tasks of {@code key} ({@code null}: no ordering).
     *
     * @return false when the queue for that key is full or the executor is shutting down
     */
    public boolean submit(String key, Runnable task) {
        if (!accepting) {
            return false;
        }
        if (key == null) {
            if (keylessPending.incrementAndGet() > keylessCapacity) {
                keylessPending.decrementAndGet();
                return false;
            }
            pool.execute(() -> {
                keylessPending.decrementAndGet();
                runSafely(task);
            });
            return true;
        }
        synchronized (lanes) {
            Lane lane = lanes.get(key);
            if (lane == null) {
                lane = new Lane(key, false);
                lanes.put(key, lane);
            }
            return enqueue(lane, task);
        }
    }

    /**
     * Queues {@code task} behind the earlier tasks of an owned {@code lane}.
     *
     * @return false when the lane is full or the executor is shutting down
     */
    public boolean submit(Lane lane, Runnable task) {
        if (!accepting) {
            return false;
        }
        synchronized (lanes) {
            return enqueue(lane, task);
        }
    }

    /** Adds a task to a lane, scheduling it when the lane was idle; call holding the lock. */
    private boolean enqueue(Lane lane, Runnable task) {
        if (lane.tasks.isEmpty()) {
            lane.tasks.add(task);
            busyLanes++;
            pool.execute(() -> drainOne(lane));
            return true;
        }
        // the head of a lane is the running (or scheduled) task
        if (lane.tasks.size() > perKeyCapacity) {
            return false;
        }
        lane.tasks.add(task);
        return true;
    }

    private void drainOne(Lane lane) {
        Runnable task;
        synchronized (lanes) {
            task = lane.tasks.peek();
        }
        runSafely(task);
        finishHead(lane);
    }

    /**
     * Runs {@code task} on the calling thread, now, when {@code key} has nothing queued or running; the key's
     * lane is held meanwhile so that work submitted for the key later waits for it. Saves the hand-off to a
     * worker when the caller can afford to run the task itself.
     *
     * @return whether the task ran (false: the key is busy or the executor is stopping; nothing ran)
     */
    public boolean runHere(String key, Runnable task) {
        if (!accepting) {
            return false;
        }
        if (key == null) {
            task.run();
            return true;
        }
        Lane lane;
        synchronized (lanes) {
            if (lanes.containsKey(key)) {
                return false;
            }
            lane = new Lane(key, false);
            lanes.put(key, lane);
            hold(lane);
        }
        return runHeld(lane, task);
    }

    /** As {@link #runHere(String, Runnable)} for an owned lane; {@code lane} null runs the task with no order. */
    public boolean runHere(Lane lane, Runnable task) {
        if (!accepting) {
            return false;
        }
        if (lane == null) {
            task.run();
            return true;
        }
        synchronized (lanes) {
            if (!lane.tasks.isEmpty()) {
                return false;
            }
            hold(lane);
        }
        return runHeld(lane, task);
    }

    /** Marks an idle lane as running a task elsewhere; call holding the lock. */
    private void hold(Lane lane) {
        lane.tasks.add(RUNNING_ELSEWHERE);
        busyLanes++;
    }

    private boolean runHeld(Lane lane, Runnable task) {
        try {
            task.run();
            return true;
        } finally {
            finishHead(lane);
        }
    }

    /** Removes the finished head of a lane and schedules the next task, or retires the lane. */
    private void finishHead(Lane lane) {
        synchronized (lanes) {
            lane.tasks.poll();
            if (lane.tasks.isEmpty()) {
                idle(lane);
            } else {
                try {
                    pool.execute(() -> drainOne(lane));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    log.warn("event=tasks_dropped_at_shutdown session_id={} count={}", lane.key, lane.tasks.size());
                    lane.tasks.clear();
                    idle(lane);
                }
            }
        }
    }

    /** A lane has no more work; call holding the lock. */
    private void idle(Lane lane) {
        busyLanes--;
        if (!lane.owned) {
            lanes.remove(lane.key);
        }
        lanes.notifyAll();
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            log.error("event=worker_task_failed error=\"{}\"", e.toString(), e);
        }
    }

    /** Tasks queued or running without a key or under a key that owns no lane (for tests and diagnostics). */
    public int pending() {
        synchronized (lanes) {
            return lanes.values().stream().mapToInt(l -> l.tasks.size()).sum() + keylessPending.get();
        }
    }

    /**
     * Waits until no lane has work queued or running (a lane's last task has finished and the lane is idle again),
     * at most {@code wait}; answers whether that happened.
     */
    public boolean awaitIdle(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lanes) {
            long left;
            while (busyLanes > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lanes, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            // a lane can be held by work running on a caller's thread (runHere), which the pool does not see
            return busyLanes == 0;
        }
    }

    /** Stops accepting tasks; returns once every accepted task has run or {@code wait} has passed. */
    public boolean shutdown(Duration wait) {
        accepting = false;
        long deadline = System.nanoTime() + wait.toNanos();
        boolean drained = awaitIdle(wait);
        pool.shutdown();
        try {
            return pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS) && drained;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (!shutdown(Duration.ofSeconds(5))) {
            pool.shutdownNow();
        }
    }
}
