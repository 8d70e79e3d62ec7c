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
 */
public final class KeyedSerialExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeyedSerialExecutor.class);

    private final ThreadPoolExecutor pool;
    private final int perKeyCapacity;
    private final int keylessCapacity;
    private final Map<String, ArrayDeque<Runnable>> lanes = new HashMap<>();
    private final AtomicInteger keylessPending = new AtomicInteger();
    private volatile boolean accepting = true;
    /** Head of a lane whose task runs on a caller's thread ({@link #runHere}); never run by the pool. */
    private static final Runnable RUNNING_ELSEWHERE = () -> {};

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
            ArrayDeque<Runnable> lane = lanes.get(key);
            if (lane == null) {
                lane = new ArrayDeque<>();
                lanes.put(key, lane);
                lane.add(task);
                ArrayDeque<Runnable> l = lane;
                pool.execute(() -> drainOne(key, l));
                return true;
            }
            // the head of a lane is the running (or scheduled) task
            if (lane.size() > perKeyCapacity) {
                return false;
            }
            lane.add(task);
            return true;
        }
    }

    private void drainOne(String key, ArrayDeque<Runnable> lane) {
        Runnable task;
        synchronized (lanes) {
            task = lane.peek();
        }
        runSafely(task);
        finishHead(key, lane);
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
        ArrayDeque<Runnable> lane;
        synchronized (lanes) {
            if (lanes.containsKey(key)) {
                return false;
            }
            lane = new ArrayDeque<>();
            lane.add(RUNNING_ELSEWHERE);
            lanes.put(key, lane);
        }
        try {
            task.run();
            return true;
        } finally {
            finishHead(key, lane);
        }
    }

    /** Removes the finished head of a lane and schedules the next task, or retires the lane. */
    private void finishHead(String key, ArrayDeque<Runnable> lane) {
        synchronized (lanes) {
            lane.poll();
            if (lane.isEmpty()) {
                lanes.remove(key);
                lanes.notifyAll();
            } else {
                try {
                    pool.execute(() -> drainOne(key, lane));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    log.warn("event=tasks_dropped_at_shutdown session_id={} count={}", key, lane.size());
                    lanes.remove(key);
                    lanes.notifyAll();
                }
            }
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            log.error("event=worker_task_failed error=\"{}\"", e.toString(), e);
        }
    }

    /** Tasks queued or running. */
    public int pending() {
        synchronized (lanes) {
            return lanes.values().stream().mapToInt(ArrayDeque::size).sum() + keylessPending.get();
        }
    }

    /** Stops accepting tasks; returns once every accepted task has run or {@code wait} has passed. */
    public boolean shutdown(Duration wait) {
        accepting = false;
        long deadline = System.nanoTime() + wait.toNanos();
        boolean drained;
        synchronized (lanes) {
            long left;
            while (!lanes.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lanes, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            // a lane can be held by work running on a caller's thread (runHere), which the pool does not see
            drained = lanes.isEmpty();
        }
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
