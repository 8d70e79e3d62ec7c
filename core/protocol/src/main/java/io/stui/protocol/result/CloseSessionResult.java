package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code close_session}.
 *
 * @param sessionId the session
 * @param closed    true
 */
public record CloseSessionResult(String sessionId, boolean closed) implements CommandResult {
    public Command command() {
        return Command.CLOSE_SESSION;
    }
}
