package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code clear_context}.
 *
 * @param sessionId the session
 * @param cleared   true
 */
public record ClearContextResult(String sessionId, boolean cleared) implements CommandResult {
    public Command command() {
        return Command.CLEAR_CONTEXT;
    }
}
