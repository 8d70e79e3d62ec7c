package io.stui.server.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;

/**
 * One client session: identity, timing and the client's own state. The Smalltalk workspace that goes
 * with it lives in the command layer, keyed by {@link #id()}.
 *
 * <p>Thread-safe: mutable fields are guarded by the instance.
 */
public final class Session {
    private final String id;
    private final String clientId;
    private final long createdAt;
    private final Duration timeout;
    private long lastModified;
    private long lastAccess;
    private JsonNode state;

    Session(
            String id,
            String clientId,
            long createdAt,
            Duration timeout,
            long lastModified,
            long lastAccess,
            JsonNode state) {
        this.id = id;
        this.clientId = clientId;
        this.createdAt = createdAt;
        this.timeout = timeout;
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

    synchronized void touch(long nowMillis) {
        lastAccess = Math.max(lastAccess, nowMillis);
    }

    synchronized void modified(long nowMillis) {
        lastModified = Math.max(lastModified, nowMillis);
        touch(nowMillis);
    }

    synchronized void setState(JsonNode newState, long nowMillis) {
        state = newState.deepCopy();
        modified(nowMillis);
    }
}
