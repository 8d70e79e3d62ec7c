package io.stui.server.store;

/**
 * A session row as kept on disk.
 *
 * @param sessionId      random session id
 * @param clientId       the client that opened it
 * @param createdAt      creation time, epoch milliseconds
 * @param lastModified   last change of the client state, epoch milliseconds
 * @param lastAccess     last request naming the session, epoch milliseconds
 * @param timeoutSeconds idle time after which the session expires
 * @param stateJson      the client's {@code update_session_state} data as a JSON object text
 * @param owner          the identity that owns the session (its client id on a server without authentication)
 */
public record StoredSession(
        String sessionId,
        String clientId,
        long createdAt,
        long lastModified,
        long lastAccess,
        long timeoutSeconds,
        String stateJson,
        String owner) {

    /** A session owned by its client id (as on a server without authentication). */
    public StoredSession(
            String sessionId,
            String clientId,
            long createdAt,
            long lastModified,
            long lastAccess,
            long timeoutSeconds,
            String stateJson) {
        this(sessionId, clientId, createdAt, lastModified, lastAccess, timeoutSeconds, stateJson, clientId);
    }

    public StoredSession {
        if (owner == null) {
            owner = clientId;
        }
    }
}
