package io.stui.server.workspace;

import io.stui.server.exec.KeyedSerialExecutor;
import io.stui.server.store.SessionStore;
import io.stui.server.store.StoreException;
import io.stui.server.store.StoredContext;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves changed workspaces in the background, coalescing bursts: the first change of a session
 * schedules one save {@code delay} later, and changes until then ride along with it (the workspace
 * itself records that a save is scheduled).
 *
 * <p>The snapshot itself is taken inside the session's lane of the {@link KeyedSerialExecutor}, so
 * it never overlaps an evaluation of that session and reflects every request answered before it.
 * Writing the snapshot to SQLite happens on a single writer thread, in the order snapshots were
 * taken, off the request path.
 *
 * <p>A write that fails (a full disk, an I/O error) is not lost: the workspace is marked changed again and a new
 * snapshot is taken and written after a back-off (doubling up to {@link #MAX_BACKOFF}), and each failure is
 * reported to {@code onFailed} (metrics, and a warning in the session's next answer).
 */
public final class AutoSaver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AutoSaver.class);

    private final Duration delay;
    private final KeyedSerialExecutor lanes;
    private final SessionStore store;
    private final BiFunction<String, SessionWorkspace, Optional<StoredContext>> snapshotter;
    private final Runnable onWritten;
    private final BiConsumer<String, String> onFailed;
    /** Failed writes in a row, by session: the back-off grows with them and a success clears them. */
    private final ConcurrentHashMap<String, Integer> failuresInARow = new ConcurrentHashMap<>();

    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private final ScheduledExecutorService timer;
    private final java.util.concurrent.ExecutorService writer;

    /**
     * @param snapshotter takes an auto-save snapshot of a session's workspace (called in the session's
     *                    lane); empty when there is nothing to save
     * @param onWritten   told after each snapshot is durably written (metrics)
     */
    public AutoSaver(
            Duration delay,
            KeyedSerialExecutor lanes,
            SessionStore store,
            BiFunction<String, SessionWorkspace, Optional<StoredContext>> snapshotter,
            Runnable onWritten) {
        this(delay, lanes, store, snapshotter, onWritten, (session, error) -> {});
    }

    /** @param onFailed told of each failed write: the session id and what failed */
    public AutoSaver(
            Duration delay,
            KeyedSerialExecutor lanes,
            SessionStore store,
            BiFunction<String, SessionWorkspace, Optional<StoredContext>> snapshotter,
            Runnable onWritten,
            BiConsumer<String, String> onFailed) {
        this.delay = delay;
        this.onWritten = onWritten;
        this.onFailed = onFailed;
        this.lanes = lanes;
        this.store = store;
        this.snapshotter = snapshotter;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "stui-autosave-timer"));
        this.writer = Executors.newSingleThreadExecutor(r -> daemon(r, "stui-autosave-writer"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Notes that a session's workspace changed; a save follows within the delay. */
    public void changed(KeyedSerialExecutor.Lane lane, String sessionId, SessionWorkspace sw) {
        if (sw.scheduleSave()) {
            try {
                timer.schedule(() -> enqueue(lane, sessionId, sw), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                sw.saveTaken(); // shutting down: the save at shutdown covers it
            }
        }
    }

    /** True while a save of this workspace is pending. */
    public boolean isPending(SessionWorkspace sw) {
        return sw.isSavePending();
    }

    private void enqueue(KeyedSerialExecutor.Lane lane, String sessionId, SessionWorkspace sw) {
        boolean queued = lanes.submit(lane, () -> {
            sw.saveTaken();
            Optional<StoredContext> snap;
            try {
                snap = snapshotter.apply(sessionId, sw);
            } catch (RuntimeException e) {
                log.warn("event=autosave_snapshot_failed session_id={} error=\"{}\"", sessionId, e.toString());
                return;
            }
            snap.ifPresent(s -> writer.execute(() -> write(s, lane, sw)));
        });
        if (!queued) {
            // the lane is full or the server is stopping: try again later unless stopping
            sw.saveTaken();
            if (!timer.isShutdown()) {
                changed(lane, sessionId, sw);
            }
        }
    }

    private void write(StoredContext s, KeyedSerialExecutor.Lane lane, SessionWorkspace sw) {
        String sessionId = s.sessionId();
        try {
            store.saveContext(s);
            failuresInARow.remove(sessionId);
            onWritten.run();
            log.debug("event=autosaved session_id={} bytes={}", sessionId, s.snapshot().length);
        } catch (StoreException e) {
            if (sw.isEnded() || isGone(sessionId)) {
                // the session was closed in the meantime; its rows are gone with it
                failuresInARow.remove(sessionId);
                log.debug("event=autosave_skipped session_id={} error=\"{}\"", sessionId, e.getMessage());
                return;
            }
            int failures = failuresInARow.merge(sessionId, 1, Integer::sum);
            Duration backoff = backoff(failures);
            log.warn(
                    "event=autosave_failed session_id={} failures_in_a_row={} retry_in_ms={} error=\"{}\"",
                    sessionId,
                    failures,
                    backoff.toMillis(),
                    e.getMessage());
            onFailed.accept(sessionId, e.getMessage());
            sw.markDirty();
            try {
                timer.schedule(() -> changed(lane, sessionId, sw), backoff.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // shutting down: the save at shutdown takes the workspace, which is marked changed
            }
        }
    }

    private boolean isGone(String sessionId) {
        try {
            return store.loadSession(sessionId).isEmpty();
        } catch (StoreException e) {
            return false;
        }
    }

    /** The wait before retrying after {@code failures} failed writes in a row: the delay doubled, at most 30 s. */
    Duration backoff(int failures) {
        long base = Math.max(delay.toMillis(), 100);
        long millis = base << Math.min(failures - 1, 20);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    /** Stops scheduling and waits for queued writes; pending sessions are left to the caller's final save. */
    @Override
    public void close() {
        timer.shutdownNow();
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("event=autosave_writer_slow");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
