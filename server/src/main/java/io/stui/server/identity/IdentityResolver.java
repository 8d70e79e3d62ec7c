package io.stui.server.identity;

import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.protocol.request.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides who sent a request: from its connection's authenticated user id (the ZAP handler's
 * answer for CURVE or PLAIN, when the front carries it), else from its {@code auth_token} checked against the
 * {@link TokenFile}, else, on a server with neither, nobody ({@link Identity#UNAUTHENTICATED}: the claimed client
 * id stands in, as before).
 *
 * <p>With a token file, every request but {@code ping} must carry a known token; the error says what to send,
 * never which tokens exist, and no token is logged. {@code ping} stays open so liveness probes need no secret
 * (it reveals nothing about sessions).
 */
public final class IdentityResolver {

    private static final Logger log = LoggerFactory.getLogger(IdentityResolver.class);

    private final TokenFile tokens;
    private final String handshakeMechanism;

    /** @param tokens the token file, or null when the server takes no tokens */
    public IdentityResolver(TokenFile tokens) {
        this(tokens, null);
    }

    /**
     * @param tokens             the token file, or null when the server takes no tokens
     * @param handshakeMechanism the mechanism whose ZAP handler names every connection ({@code curve} or
     *                           {@code plain}), or null when the handshake authenticates nobody
     */
    public IdentityResolver(TokenFile tokens, String handshakeMechanism) {
        this.tokens = tokens;
        this.handshakeMechanism = handshakeMechanism;
    }

    /** A resolver for a server with no authentication: every request is {@link Identity#UNAUTHENTICATED}. */
    public static IdentityResolver none() {
        return new IdentityResolver(null);
    }

    /** Whether identities are checked (otherwise client ids are only claimed). */
    public boolean authenticates() {
        return tokens != null || handshakeMechanism != null;
    }

    /** Logs, once at start, what client ids mean on this server. */
    public void logMode(boolean hasClientLists) {
        if (handshakeMechanism != null) {
            log.info("event=identity_mode mode={} tokens={}", handshakeMechanism, tokens == null ? 0 : tokens.size());
        } else if (tokens != null) {
            log.info("event=identity_mode mode=token tokens={}", tokens.size());
        } else {
            log.warn(
                    "event=identity_mode mode=none message=\"client ids are unauthenticated: any client may name"
                            + " any client_id and use any session whose id it knows; set token-file to own sessions by"
                            + " identity\"{}",
                    hasClientLists ? " client_lists=claimed_ids" : "");
        }
    }

    /**
     * The identity of one request.
     *
     * @param connectionUserId the user id ZAP gave the request's connection, or null
     * @throws StuiException {@code PermissionDenied} for a missing or unknown token where one is required
     */
    public Identity resolve(Request request, String authToken, String connectionUserId) {
        if (connectionUserId != null && !connectionUserId.isEmpty()) {
            return Identity.authenticated(connectionUserId);
        }
        if (tokens == null || request instanceof Request.Ping) {
            return Identity.UNAUTHENTICATED;
        }
        if (authToken == null) {
            throw new StuiException(
                    ErrorCode.PERMISSION_DENIED,
                    "This server requires authentication: send your token as the top-level field auth_token of"
                            + " every request.");
        }
        return tokens.identityOf(authToken)
                .map(Identity::authenticated)
                .orElseThrow(() -> new StuiException(
                        ErrorCode.PERMISSION_DENIED,
                        "The auth_token is not valid on this server; ask its operator for a token."));
    }
}
