package io.stui.server.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.stui.server.exec.KeyedSerialExecutor;
import io.stui.server.workspace.SessionWorkspace;
import io.stui.server.workspace.Workspaces;
import java.time.Duration;

/**
 * Everything the server knows of one live session, in one object: its metadata (identity, timing, the client's
 * own state), its serial lane (its requests run one at a time, in order), its Smalltalk workspace (made or revived
 * on first use) and, through the workspace, its auto-save state.
 *
 * <p>Thread-safe: the metadata is guarded by the instance; the workspace is used from the session's lane only.
 */
public final class LiveSession {
    private final String id;
    private final String clientId;
    private final String owner;
    private final long createdAt;
    private final Duration timeout;
    private final KeyedSerialExecutor.Lane lane;
    private long lastModified;
    private long lastAccess;
    private boolean accessedSinceFlush;
    private JsonNode state;
    private volatile SessionWorkspace workspace;
    private volatile boolean ended;
    private final SessionInterrupts interrupts = new SessionInterrupts();

    LiveSession(
            String id,
            String clientId,
            long createdAt,
            Duration timeout,
            long lastModified,
            long lastAccess,
            JsonNode state) {
        this(id, clientId, clientId, createdAt, timeout, lastModified, lastAccess, state);
    }

    LiveSession(
            String id,
            String clientId,
            String owner,
            long createdAt,
            Duration timeout,
            long lastModified,
            long lastAccess,
            JsonNode state) {
        this.id = id;
        this.clientId = clientId;
        this.owner = owner == null ? clientId : owner;
        this.createdAt = createdAt;
        this.timeout = timeout;
        // an owner's sessions share the workers as one: an identity inventing client ids gets no more than its share
        this.lane = new KeyedSerialExecutor.Lane(id, this.owner);
        this.lastModified = lastModified;
        this.lastAccess = lastAccess;
        this.state = state == null ? JsonNodeFactory.instance.objectNode() : state.deepCopy();
    }

    /** The session id (128 random bits, hex). */
    public String id() {
        return id;
    }

    /** The client that opened the session. */
    public String clientId() {
        return clientId;
    }

    /**
     * The identity that owns the session: only it may use the session on a server that authenticates; quotas count
     * by it. Its client id on a server without authentication.
     */
    public String owner() {
        return owner;
    }

    /** The lane of the worker pool the session's requests, auto-saves and clean-ups run in, one at a time. */
    public KeyedSerialExecutor.Lane lane() {
        return lane;
    }

    /** Creation time, epoch milliseconds. */
    public long createdAt() {
        return createdAt;
    }

    /** Idle time after which the session expires. */
    public Duration timeout() {
        return timeout;
    }

    /** Last change of the client state or workspace, epoch milliseconds. */
    public synchronized long lastModified() {
        return lastModified;
    }

    /** Last request naming this session, epoch milliseconds. */
    public synchronized long lastAccess() {
        return lastAccess;
    }

    /** A copy of the client's stored state. */
    public synchronized JsonNode state() {
        return state.deepCopy();
    }

    /** Seconds left before the session expires if nothing touches it (never negative). */
    public synchronized long secondsUntilExpiry(long nowMillis) {
        long left = lastAccess + timeout.toMillis() - nowMillis;
        return Math.max(0, (left + 999) / 1000);
    }

    /** True when the idle time has run out at {@code nowMillis}. */
    public synchronized boolean isExpired(long nowMillis) {
        return nowMillis - lastAccess >= timeout.toMillis();
    }

    /**
     * The session's workspace: the live one, or one revived from the store (or new) on first use. Call from the
     * session's lane; a parked workspace is in use again.
     */
    public SessionWorkspace workspace(Workspaces source) {
        SessionWorkspace sw = workspace;
        if (sw == null) {
            synchronized (this) {
                sw = workspace;
                if (sw == null) {
                    sw = source.revive(id);
                    workspace = sw;
                }
            }
        }
        sw.unpark();
        return sw;
    }

    /** The evaluation running now and the interrupts kept for requests not started (any thread). */
    public SessionInterrupts interrupts() {
        return interrupts;
    }

    /** The workspace if it has been made, else null (for the sweep and the save at shutdown). */
    public SessionWorkspace workspaceIfLive() {
        return workspace;
    }

    /** True once the session has ended (closed or expired). */
    public boolean isEnded() {
        return ended;
    }

    synchronized void touch(long nowMillis) {
        lastAccess = Math.max(lastAccess, nowMillis);
        accessedSinceFlush = true;
    }

    synchronized void modified(long nowMillis) {
        lastModified = Math.max(lastModified, nowMillis);
        touch(nowMillis);
    }

    synchronized void setState(JsonNode newState, long nowMillis) {
        state = newState.deepCopy();
        modified(nowMillis);
    }

    /** The access time to write if the session was accessed since the last flush, else -1; clears the mark. */
    synchronized long takeAccessToFlush() {
        if (!accessedSinceFlush) {
            return -1;
        }
        accessedSinceFlush = false;
        return lastAccess;
    }

    /**
     * Lets go of the workspace's evaluation thread when the session is idle (the workspace stays usable; a thread
     * starts again on the next request). Runs in the session's lane, so it never races a request of the session.
     *
     * @return whether a park was queued
     */
    boolean park(KeyedSerialExecutor lanes) {
        SessionWorkspace sw = workspace;
        if (sw == null || sw.isParked() || !lanes.submit(lane, sw::release)) {
            return false;
        }
        sw.parked();
        return true;
    }

    /** Ends the session: its workspace is closed in its lane, after the work already queued, or at once when stopping. */
    void end(KeyedSerialExecutor lanes) {
        ended = true;
        SessionWorkspace sw = workspace;
        if (sw != null) {
            sw.ended();
            if (!lanes.submit(lane, sw::release)) {
                sw.release();
            }
        }
    }
}
