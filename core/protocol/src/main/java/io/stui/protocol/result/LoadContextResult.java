package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.time.Instant;
import java.util.List;

/**
 * Result of {@code load_context}.
 *
 * @param sessionId the session
 * @param loadedAt  when the saved context was taken back
 * @param variables the workspace variable names now bound
 */
public record LoadContextResult(String sessionId, Instant loadedAt, List<String> variables) implements CommandResult {
    public Command command() {
        return Command.LOAD_CONTEXT;
    }
}
