package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.time.Instant;

/**
 * Result of {@code create_session}.
 *
 * @param sessionId the new session's id
 * @param clientId  its owner
 * @param createdAt creation time
 * @param timeout   idle seconds before it expires
 * @param isActive  true
 */
public record CreateSessionResult(String sessionId, String clientId, Instant createdAt, long timeout, boolean isActive)
        implements CommandResult {
    public Command command() {
        return Command.CREATE_SESSION;
    }
}
