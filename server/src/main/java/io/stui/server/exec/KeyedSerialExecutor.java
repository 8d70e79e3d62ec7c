package io.stui.server.exec;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed pool of worker threads that runs tasks sharing a key one at a time, in submission order, while tasks of
 * different keys run in parallel, and shares the workers fairly between clients. The key is a session id (or the
 * default image's lane); tasks without a key run independently.
 *
 * <p><b>Fairness.</b> Every lane belongs to a <em>group</em> (a session's lane to the session's client, a keyless
 * task to the peer that sent it, the default image's lane to a group of its own). A free worker serves the group
 * with the fewest tasks running, the one waiting longest among equals, runs one task of that group's next lane, and
 * puts the group back at the end of the line. So with W workers a request whose lane is free waits for at most one
 * task of any other group to end: while another client keeps every worker busy, the next worker to free itself
 * takes the waiting client's task, not that client's next one ("one evaluation slot"). Within a lane shared by
 * clients ({@link Lane#sharedByClients}: the default image, one evaluation at a time under its lock) the clients
 * take turns too, one task each, the client that ran last going after the others; so a session-less request waits
 * for at most the image's running evaluation and one evaluation of each other client with work queued there.
 *
 * <p>Queues are bounded: each key holds at most {@code perKeyCapacity} waiting tasks and keyless work (and a shared
 * lane) at most {@code keylessCapacity}; {@link #submit} answers false beyond that so the caller can answer "busy"
 * instead of growing memory without limit.
 *
 * <p>A caller that can afford the work may also run a task of an idle lane on its own thread ({@link #runHere}); the
 * lane's order holds all the same. That path takes the executor's monitor twice and allocates nothing.
 *
 * <p>A live session owns its lane for its whole life and passes it ({@link #submit(Lane, Runnable)}); other keys get
 * a lane made when work arrives and dropped when it is done ({@link #submit(String, Runnable)}).
 */
public final class KeyedSerialExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeyedSerialExecutor.class);
    /** The group of work whose sender is not known. */
    private static final Object UNKNOWN_CLIENT = "(unknown)";

    private final int perKeyCapacity;
    private final int keylessCapacity;
    private final List<Thread> workers = new ArrayList<>();
    /** The lanes of keys that own none, while they have work; also the lock of everything below. */
    private final Map<String, Lane> lanes = new HashMap<>();
    /** Groups with a lane ready or a task running. */
    private final Map<Object, Group> groups = new HashMap<>();
    /** Groups with a lane ready to run, longest waiting first. */
    private final ArrayDeque<Group> line = new ArrayDeque<>();
    /** Lanes (owned or not) with work queued or running. */
    private int busyLanes;
    /** Keyless tasks queued or running. */
    private int keylessPending;
    /** Threads in {@link #awaitIdle}. */
    private int idleWaiters;

    private boolean stopping;
    private volatile boolean accepting = true;

    /** The work of one client (or of one shared lane): its lanes ready to run and how many of its tasks run. */
    private static final class Group {
        final Object key;
        final ArrayDeque<Lane> ready = new ArrayDeque<>();
        int running;

        Group(Object key) {
            this.key = key;
        }
    }

    /**
     * The queue of one key's tasks. Guarded by the executor; one that a session owns lives as long as the session.
     * A lane is idle, ready (waiting for a worker) or running one task.
     */
    public static final class Lane {
        private final String key;
        private final boolean owned;
        private final Object group;
        /** Tasks in order; for a lane shared by clients, null (see {@link #byClient}). */
        private final ArrayDeque<Runnable> tasks;
        /** A shared lane's tasks per client, and the clients in turn order. */
        private final Map<Object, ArrayDeque<Runnable>> byClient;

        private final ArrayDeque<Object> turns;
        private Object lastClient;
        private int waiting;
        /** Ready or running. */
        private boolean scheduled;

        private boolean running;
        private Group runningIn;
        private boolean keyless;

        /** A lane its owner keeps, in a group of its own, named by its key in logs. */
        public Lane(String key) {
            this(key, true, key, false);
        }

        /** A lane its owner keeps (a live session's), sharing the workers fairly with the other lanes of {@code client}. */
        public Lane(String key, Object client) {
            this(key, true, client == null ? key : client, false);
        }

        /**
         * A lane its owner keeps whose tasks come from several clients, who take turns (one task each): the default
         * image, which runs one request at a time.
         */
        public static Lane sharedByClients(String key) {
            return new Lane(key, true, key, true);
        }

        private Lane(String key, boolean owned, Object group, boolean shared) {
            this.key = key;
            this.owned = owned;
            this.group = group;
            this.tasks = shared ? null : new ArrayDeque<>();
            this.byClient = shared ? new HashMap<>() : null;
            this.turns = shared ? new ArrayDeque<>() : null;
        }

        private void add(Object client, Runnable task) {
            waiting++;
            if (tasks != null) {
                tasks.add(task);
                return;
            }
            Object c = clientKey(client);
            ArrayDeque<Runnable> q = byClient.get(c);
            if (q == null) {
                q = new ArrayDeque<>();
                byClient.put(c, q);
                turns.add(c);
            }
            q.add(task);
        }

        /** The next task: in order, or the next client's in turn (not the one that ran last while another waits). */
        private Runnable take() {
            waiting--;
            if (tasks != null) {
                return tasks.poll();
            }
            Object c = turns.poll();
            if (lastClient instanceof byte[] b) {
                lastClient = clientKey(b); // kept raw by runHere, which allocates nothing
            }
            if (turns.size() > 0 && c.equals(lastClient)) {
                turns.add(c);
                c = turns.poll();
            }
            ArrayDeque<Runnable> q = byClient.get(c);
            Runnable task = q.poll();
            if (q.isEmpty()) {
                byClient.remove(c);
            } else {
                turns.add(c);
            }
            lastClient = c;
            return task;
        }

        private void clear() {
            waiting = 0;
            if (tasks != null) {
                tasks.clear();
            } else {
                byClient.clear();
                turns.clear();
            }
        }
    }

    /**
     * @param threads         worker threads
     * @param perKeyCapacity  waiting tasks allowed per key
     * @param keylessCapacity waiting tasks allowed without a key, and in a lane shared by clients
     * @param stackBytes      stack size of each worker (the interpreter recurses deeply)
     */
    public KeyedSerialExecutor(int threads, int perKeyCapacity, int keylessCapacity, long stackBytes) {
        this(threads, perKeyCapacity, keylessCapacity, namedThreads(stackBytes));
    }

    /**
     * @param threads         worker threads
     * @param perKeyCapacity  waiting tasks allowed per key
     * @param keylessCapacity waiting tasks allowed without a key, and in a lane shared by clients
     * @param threadFactory   makes the workers (the server passes the engine's evaluation threads)
     */
    public KeyedSerialExecutor(int threads, int perKeyCapacity, int keylessCapacity, ThreadFactory threadFactory) {
        this.perKeyCapacity = perKeyCapacity;
        this.keylessCapacity = keylessCapacity;
        for (int i = 0; i < threads; i++) {
            Thread t = threadFactory.newThread(this::work);
            workers.add(t);
        }
        workers.forEach(Thread::start);
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
        return submit(key, null, task);
    }

    /**
     * As {@link #submit(String, Runnable)}, the work counted as {@code client}'s when the workers are shared out: a
     * key with value equality, or a peer's identity frame ({@code byte[]}, compared by content); null: unknown.
     */
    public boolean submit(String key, Object client, Runnable task) {
        if (!accepting) {
            return false;
        }
        synchronized (lanes) {
            if (key == null) {
                if (stopping || keylessPending >= keylessCapacity) {
                    return false;
                }
                keylessPending++;
                Lane once = new Lane(null, false, clientKey(client), false);
                once.keyless = true;
                return enqueue(once, client, task);
            }
            Lane lane = lanes.get(key);
            if (lane == null) {
                lane = new Lane(key, false, client == null ? key : clientKey(client), false);
                lanes.put(key, lane);
            }
            return enqueue(lane, client, task);
        }
    }

    /**
     * Queues {@code task} behind the earlier tasks of an owned {@code lane}.
     *
     * @return false when the lane is full or the executor is shutting down
     */
    public boolean submit(Lane lane, Runnable task) {
        return submit(lane, null, task);
    }

    /** As {@link #submit(Lane, Runnable)}, from {@code client} (it takes turns with others in a shared lane). */
    public boolean submit(Lane lane, Object client, Runnable task) {
        if (!accepting) {
            return false;
        }
        synchronized (lanes) {
            return enqueue(lane, client, task);
        }
    }

    /** Adds a task to a lane, scheduling the lane when it was idle; call holding the lock. */
    private boolean enqueue(Lane lane, Object client, Runnable task) {
        if (stopping) {
            return false;
        }
        // a session's capacity counts the tasks behind the one running or about to run; a shared lane's, all of them
        int behind = lane.tasks == null || lane.running || lane.waiting == 0 ? lane.waiting : lane.waiting - 1;
        if (behind >= (lane.tasks == null ? keylessCapacity : perKeyCapacity)) {
            return false;
        }
        lane.add(client, task);
        if (!lane.scheduled) {
            lane.scheduled = true;
            busyLanes++;
            ready(lane);
        }
        return true;
    }

    /** Puts a lane with waiting work in its group's line; call holding the lock. */
    private void ready(Lane lane) {
        Group g = groups.computeIfAbsent(lane.group, Group::new);
        if (g.ready.isEmpty()) {
            line.add(g);
        }
        g.ready.add(lane);
        // one lane, one worker; all while someone waits in awaitIdle on the same monitor, as a single wake-up could
        // go to it instead of a worker
        if (idleWaiters > 0) {
            lanes.notifyAll();
        } else {
            lanes.notify();
        }
    }

    /** A worker's life: take the fairest task, run it, settle its lane; until stopped with nothing left. */
    private void work() {
        while (true) {
            Lane lane;
            Runnable task;
            synchronized (lanes) {
                Group g;
                while ((g = nextGroup()) == null) {
                    if (stopping) {
                        return;
                    }
                    try {
                        lanes.wait();
                    } catch (InterruptedException e) {
                        if (stopping) {
                            return;
                        }
                    }
                }
                lane = g.ready.poll();
                if (!g.ready.isEmpty()) {
                    line.add(g);
                }
                g.running++;
                lane.runningIn = g;
                lane.running = true;
                task = lane.take();
            }
            runSafely(task);
            finish(lane);
        }
    }

    /** The group in line with the fewest tasks running, the longest waiting among equals, taken out of the line. */
    private Group nextGroup() {
        Group best = null;
        for (Group g : line) {
            if (best == null || g.running < best.running) {
                best = g;
                if (g.running == 0) {
                    break;
                }
            }
        }
        if (best != null) {
            line.remove(best);
        }
        return best;
    }

    /** Ends the running task of a lane: the lane is ready again when work waits, idle otherwise. */
    private void finish(Lane lane) {
        synchronized (lanes) {
            lane.running = false;
            Group g = lane.runningIn;
            if (g != null) {
                lane.runningIn = null;
                g.running--;
                if (g.running == 0 && g.ready.isEmpty()) {
                    groups.remove(g.key);
                }
            }
            if (lane.keyless) {
                keylessPending--;
            }
            if (lane.waiting > 0 && !stopping) {
                ready(lane);
            } else {
                if (lane.waiting > 0) {
                    log.warn("event=tasks_dropped_at_shutdown session_id={} count={}", lane.key, lane.waiting);
                    lane.clear();
                }
                idle(lane);
            }
        }
    }

    /** A lane has no more work; call holding the lock. */
    private void idle(Lane lane) {
        lane.scheduled = false;
        busyLanes--;
        if (!lane.owned && lane.key != null) {
            lanes.remove(lane.key);
        }
        // only awaitIdle waits for a lane to go idle: waking the idle workers here cost two futex wake-ups and two
        // thread switches per evaluation run in place
        if (idleWaiters > 0) {
            lanes.notifyAll();
        }
    }

    /**
     * Runs {@code task} on the calling thread, now, when {@code key} has nothing queued or running; the key's lane is
     * held meanwhile so that work submitted for the key later waits for it. Saves the hand-off to a worker when the
     * caller can afford to run the task itself.
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
            if (stopping || lanes.containsKey(key)) {
                return false;
            }
            lane = new Lane(key, false, key, false);
            lanes.put(key, lane);
            lane.scheduled = true;
            lane.running = true;
            busyLanes++;
        }
        return runHeld(lane, task);
    }

    /** As {@link #runHere(String, Runnable)} for an owned lane; {@code lane} null runs the task with no order. */
    public boolean runHere(Lane lane, Runnable task) {
        return runHere(lane, null, task);
    }

    /**
     * As {@link #runHere(Lane, Runnable)}, for {@code client} (in a shared lane, the client whose turn it was: the
     * next queued task goes to another client first). {@code client} is only compared, never kept as a key, so the
     * caller may pass a frame it reuses.
     */
    public boolean runHere(Lane lane, Object client, Runnable task) {
        if (!accepting) {
            return false;
        }
        if (lane == null) {
            task.run();
            return true;
        }
        synchronized (lanes) {
            if (stopping || lane.scheduled) {
                return false;
            }
            lane.scheduled = true;
            lane.running = true;
            busyLanes++;
            if (lane.byClient != null) {
                lane.lastClient = client;
            }
        }
        return runHeld(lane, task);
    }

    private boolean runHeld(Lane lane, Runnable task) {
        try {
            task.run();
            return true;
        } finally {
            finish(lane);
        }
    }

    /** A client as a map key: a peer's identity frame compared by content, null as the unknown client. */
    private static Object clientKey(Object client) {
        if (client == null) {
            return UNKNOWN_CLIENT;
        }
        return client instanceof byte[] b ? ByteBuffer.wrap(b) : client;
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
            int n = keylessPending;
            for (Lane l : lanes.values()) {
                n += l.waiting + (l.running ? 1 : 0);
            }
            return n;
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
            idleWaiters++;
            try {
                while (busyLanes > 0 && (left = deadline - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lanes, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            } finally {
                idleWaiters--;
            }
            // a lane can be held by work running on a caller's thread (runHere), which no worker sees
            return busyLanes == 0;
        }
    }

    /** Stops accepting tasks; returns once every accepted task has run or {@code wait} has passed. */
    public boolean shutdown(Duration wait) {
        accepting = false;
        long deadline = System.nanoTime() + wait.toNanos();
        boolean drained = awaitIdle(wait);
        synchronized (lanes) {
            stopping = true;
            if (!drained) {
                dropWaiting();
            }
            lanes.notifyAll();
        }
        boolean stopped = true;
        for (Thread t : workers) {
            try {
                if (!t.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    stopped = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return stopped && drained;
    }

    /** Forgets the work no worker has started (shutting down past the grace); call holding the lock. */
    private void dropWaiting() {
        int dropped = 0;
        for (Group g : line) {
            for (Lane l : g.ready) {
                dropped += l.waiting;
                if (l.keyless) {
                    keylessPending--;
                }
                l.clear();
                idle(l);
            }
            g.ready.clear();
            if (g.running == 0) {
                groups.remove(g.key);
            }
        }
        line.clear();
        if (dropped > 0) {
            log.warn("event=tasks_dropped_at_shutdown count={}", dropped);
        }
    }

    @Override
    public void close() {
        if (!shutdown(Duration.ofSeconds(5))) {
            workers.forEach(Thread::interrupt);
        }
    }
}
