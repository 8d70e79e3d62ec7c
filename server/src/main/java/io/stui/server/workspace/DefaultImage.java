package io.stui.server.workspace;

import io.stui.server.store.SessionStore;
import io.stui.server.store.StoreException;
import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.EvalResult;
import io.stui.smalltalk.SmalltalkEngine;
import io.stui.smalltalk.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's default image: the one workspace that requests naming no session run in, kept like a Pharo image
 * (variables, globals, classes, methods and extensions persist across requests and restarts).
 *
 * <p>Requests use it one at a time, under a lock: the engine's workspace is not thread-safe. Uncontended (the fast
 * front runs short evaluations one after another on its thread) the lock costs a few nanoseconds.
 *
 * <p>Sessions are private layers over the image ({@link Workspaces}): at the end of each use that changed a
 * definition, the image publishes an immutable view of its classes, methods and globals, and a session takes the
 * newest view as each of its evaluations starts. A {@code 3 + 4} changes nothing: publishing then costs one
 * comparison.
 *
 * <p>Saving is off the request path: a request only notes that the image was used; a timer, once per
 * {@code autosave-delay}, takes a snapshot (under the lock) and writes it to the store only when its bytes differ
 * from the last ones written, so a stream of read-only evaluations ({@code 3 + 4}) costs no disk write. A
 * {@code kill -9} therefore loses at most what changed in the last auto-save window.
 */
public final class DefaultImage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DefaultImage.class);

    private final Workspace workspace;
    private final ReentrantLock lock = new ReentrantLock();
    private final SessionStore store;
    private final Clock clock;
    /** Requests that used the image so far; {@link #savedUses} is how many of them the store is known to hold. */
    private final AtomicLong uses = new AtomicLong();

    private volatile long savedUses;
    private final ScheduledExecutorService timer;
    /** What the store holds (guarded by this object's monitor). */
    private byte[] lastSaved;
    /** When the store last took the image, epoch milliseconds; 0 before the first save of this process. */
    private volatile long savedAt;
    /** Longest wait between two attempts to save after failures (a full disk may take a while to clear). */
    static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);

    private final Duration delay;
    private final Runnable onSaveFailed;
    /** Saves that failed since the last one that worked; 0 while the store holds what it was last given. */
    private volatile int failuresInARow;
    /** No automatic save before this (clock millis): the backoff after a failure. */
    private volatile long nextAttemptAt;

    private DefaultImage(
            Workspace workspace,
            byte[] lastSaved,
            SessionStore store,
            Clock clock,
            Duration delay,
            Runnable onSaveFailed) {
        this.workspace = workspace;
        this.delay = delay;
        this.onSaveFailed = onSaveFailed;
        workspace.publish();
        this.lastSaved = lastSaved;
        this.store = store;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stui-image-autosave");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, delay.toMillis());
        timer.scheduleWithFixedDelay(this::saveIfUsed, period, period, TimeUnit.MILLISECONDS);
    }

    /** The image as the store last saved it, or a new one. */
    public static DefaultImage open(SmalltalkEngine engine, SessionStore store, Clock clock, Duration autosaveDelay) {
        return open(engine, store, clock, autosaveDelay, () -> {});
    }

    /** As {@link #open(SmalltalkEngine, SessionStore, Clock, Duration)}, telling {@code onSaveFailed} each failure. */
    public static DefaultImage open(
            SmalltalkEngine engine, SessionStore store, Clock clock, Duration autosaveDelay, Runnable onSaveFailed) {
        Optional<byte[]> saved = store.loadImage();
        Workspace ws = null;
        if (saved.isPresent()) {
            try {
                ws = engine.restoreWorkspace(saved.get());
                log.info("event=image_revived bytes={}", saved.get().length);
            } catch (RuntimeException e) {
                // the bytes stay in the store until the next save replaces them; say so loudly
                log.error("event=image_revive_failed error=\"{}\"", e.toString());
            }
        }
        if (ws == null) {
            ws = engine.newWorkspace();
        }
        return new DefaultImage(ws, saved.orElse(null), store, clock, autosaveDelay, onSaveFailed);
    }

    /** Runs {@code work} on the image, alone; the image is saved within the auto-save delay if it changed. */
    public <T> T use(Function<Workspace, T> work) {
        lock.lock();
        try {
            return work.apply(workspace);
        } finally {
            workspace.publish();
            lock.unlock();
            uses.incrementAndGet();
        }
    }

    /**
     * Evaluates {@code code} in the image, alone, as {@link Workspace#evaluateOnce}: the value gets no object id and
     * no history entry. The session-less {@code evaluate} path: no object is allocated per call beyond the
     * evaluation's own.
     */
    public EvalResult evaluate(String code, EvalLimits limits) {
        lock.lock();
        try {
            return workspace.evaluateOnce(code, limits);
        } finally {
            workspace.publish();
            lock.unlock();
            uses.incrementAndGet();
        }
    }

    /**
     * Limits what the image may keep alive to {@code bytes} (setting {@code session-memory-limit}, as for a session):
     * a session-less evaluation that would take it past fails like a session's, and every other request goes on.
     */
    public void limitMemory(long bytes) {
        use(ws -> {
            ws.setMemoryLimit(bytes, "the default image", "session-memory-limit");
            return null;
        });
    }

    /**
     * The image's workspace as the base sessions are layered over. Sessions only read what the image publishes at
     * the end of each use (under the lock), never the workspace itself: use {@link #use} to run anything in it.
     */
    public Workspace base() {
        return workspace;
    }

    private void saveIfUsed() {
        // read before the snapshot: a use counted later may be missing from it, and is saved at the next tick
        long u = uses.get();
        if (u != savedUses && clock.millis() >= nextAttemptAt && save()) {
            savedUses = u;
        }
    }

    /** True while a request has used the image since the last snapshot the store holds. */
    public boolean hasUnsavedChanges() {
        return uses.get() != savedUses;
    }

    /** Saves that failed since the last one that worked (0: saving works). */
    public int saveFailuresInARow() {
        return failuresInARow;
    }

    /**
     * Writes the image to the store now if it differs from what the store holds; true when the store holds the
     * image as it is now (written, or already equal).
     */
    public boolean save() {
        byte[] bytes;
        lock.lock();
        try {
            bytes = workspace.snapshot();
        } catch (RuntimeException e) {
            log.warn("event=image_snapshot_failed error=\"{}\"", e.toString());
            failed();
            return false;
        } finally {
            lock.unlock();
        }
        synchronized (this) {
            if (Arrays.equals(bytes, lastSaved)) {
                saved();
                return true;
            }
            try {
                store.saveImage(bytes, clock.millis());
                lastSaved = bytes;
                savedAt = clock.millis();
                log.debug("event=image_saved bytes={}", bytes.length);
                saved();
                return true;
            } catch (StoreException e) {
                long retryIn = failed();
                log.error(
                        "event=image_save_failed failures_in_a_row={} retry_in_ms={} error=\"{}\"",
                        failuresInARow,
                        retryIn,
                        e.getMessage());
                return false;
            }
        }
    }

    private synchronized void saved() {
        if (failuresInARow > 0) {
            log.info("event=image_save_recovered failures_in_a_row={}", failuresInARow);
        }
        failuresInARow = 0;
        nextAttemptAt = 0;
    }

    /** Counts a failure and puts the next automatic attempt off: the delay doubled per failure, at most a minute. */
    private synchronized long failed() {
        int n = ++failuresInARow;
        long wait = Math.min(MAX_RETRY_DELAY.toMillis(), Math.max(1, delay.toMillis()) << Math.min(n - 1, 20));
        nextAttemptAt = clock.millis() + wait;
        onSaveFailed.run();
        return wait;
    }

    /** When this server last wrote the image to the store (epoch ms), 0 when it has not yet. */
    public long savedAt() {
        return savedAt;
    }

    /** Stops the timer and saves what changed (at shutdown, with the workers stopped). */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        save();
        workspace.close();
    }
}
