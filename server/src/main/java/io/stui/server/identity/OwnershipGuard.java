package io.stui.server.identity;

import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.protocol.request.Request;
import io.stui.protocol.request.SessionScoped;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Refuses a request that names a session its identity does not own, with exactly the answer a session that does
 * not exist gets, so a stranger learns nothing (not even that the id is taken). One check for every command that
 * names a session, before its handler runs. On a server without authentication it checks nothing.
 */
public final class OwnershipGuard {

    private final SessionOwners owners;
    private final UnaryOperator<String> notFoundMessage;

    /** @param notFoundMessage the text of the registry's own answer for a session id it does not know */
    public OwnershipGuard(SessionOwners owners, UnaryOperator<String> notFoundMessage) {
        this.owners = owners;
        this.notFoundMessage = notFoundMessage;
    }

    /** Throws {@code SessionNotFound} when {@code request} names a session {@code who} does not own. */
    public void check(Request request, Identity who) {
        if (!who.authenticated() || !(request instanceof SessionScoped scoped) || scoped.sessionId() == null) {
            return;
        }
        String id = scoped.sessionId();
        // only restore_session reaches sessions that are no longer live; the others answer NotFound for those anyway
        Optional<String> owner = owners.ownerOf(id, request instanceof Request.RestoreSession);
        if (owner.isPresent() && !owner.get().equals(who.name())) {
            throw new StuiException(ErrorCode.SESSION_NOT_FOUND, notFoundMessage.apply(id));
        }
    }
}
