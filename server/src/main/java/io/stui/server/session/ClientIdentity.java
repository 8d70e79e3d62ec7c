package io.stui.server.session;

import io.stui.protocol.request.Request;
import io.stui.protocol.request.SessionScoped;
import java.util.function.Function;

/**
 * Who sent a request, as far as the server can tell today: the {@code client_id} a {@code create_session} names,
 * or the client owning the live session a request names. Self-declared, not authenticated; this is the one
 * accessor to replace when identities are (the retry cache keys its answers by it).
 */
public final class ClientIdentity implements Function<Request, String> {
    private final SessionManager sessions;

    public ClientIdentity(SessionManager sessions) {
        this.sessions = sessions;
    }

    /** The identity behind a request, or null when it names none. */
    @Override
    public String apply(Request request) {
        if (request instanceof Request.CreateSession c) {
            return c.clientId();
        }
        if (request instanceof SessionScoped s && s.sessionId() != null) {
            return sessions.find(s.sessionId()).map(LiveSession::clientId).orElse(null);
        }
        return null;
    }
}
