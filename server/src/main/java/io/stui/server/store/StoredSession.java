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
 */
public record StoredSession(
        String sessionId,
        String clientId,
        long createdAt,
        long lastModified,
        long lastAccess,
        long timeoutSeconds,
        String stateJson) {}
