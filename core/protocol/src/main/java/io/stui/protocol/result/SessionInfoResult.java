package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.time.Instant;

/**
 * Result of {@code get_session_info}.
 *
 * @param sessionId       the session
 * @param clientId        its owner
 * @param createdAt       creation time
 * @param lastModified    last change
 * @param timeout         idle seconds before expiry
 * @param isActive        whether it is open
 * @param timeUntilExpiry seconds left before it expires if left idle
 * @param isExpired       whether it has expired
 */
public record SessionInfoResult(
        String sessionId,
        String clientId,
        Instant createdAt,
        Instant lastModified,
        long timeout,
        boolean isActive,
        long timeUntilExpiry,
        boolean isExpired)
        implements CommandResult {
    public Command command() {
        return Command.GET_SESSION_INFO;
    }
}
