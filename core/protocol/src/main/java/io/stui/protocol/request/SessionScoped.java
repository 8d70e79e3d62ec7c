package io.stui.protocol.request;

/**
 * A request that may run inside a session. A server serialises the requests of one session and
 * runs different sessions in parallel; {@link #sessionId()} is the key (null: no session).
 */
public interface SessionScoped {
    /** The session this request names, or null when it runs outside any session. */
    String sessionId();
}
