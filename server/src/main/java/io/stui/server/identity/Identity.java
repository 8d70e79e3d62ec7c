package io.stui.server.identity;

import java.util.Objects;

/**
 * Who sent a request, as the server established it (never as the request claims).
 *
 * <p>{@code authenticated}: the name comes from a credential the server checked (a token of the token file,
 * later a ZAP user id); sessions are then owned by this name. Otherwise the server has no authentication
 * configured and the name is null: the claimed {@code client_id} stands in for it, as before identities existed.
 *
 * @param name the identity's name when authenticated, null otherwise
 */
public record Identity(String name, boolean authenticated) {

    /** The identity of every request on a server with no authentication configured. */
    public static final Identity UNAUTHENTICATED = new Identity(null, false);

    /**
     * The identity of the request running on this thread. A scoped value rather than a handler parameter, so the
     * handlers that need it (create and list sessions) read it without every row of the command table changing.
     */
    public static final ScopedValue<Identity> CURRENT = ScopedValue.newInstance();

    public Identity {
        if (authenticated) {
            Objects.requireNonNull(name, "an authenticated identity has a name");
        }
    }

    /** An identity the server checked. */
    public static Identity authenticated(String name) {
        return new Identity(name, true);
    }

    /** The identity of the running request; {@link #UNAUTHENTICATED} outside a request (tests, tools). */
    public static Identity current() {
        return CURRENT.orElse(UNAUTHENTICATED);
    }

    /**
     * The owner of what this identity creates, and the name quotas and allow/deny lists apply to: the identity's
     * name, or the claimed client id on a server without authentication.
     */
    public String ownerFor(String claimedClientId) {
        return authenticated ? name : claimedClientId;
    }
}
