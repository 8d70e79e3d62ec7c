package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.time.Instant;
import java.util.List;

/**
 * Result of {@code save_context}; once sent, the context is durable.
 *
 * @param sessionId   the session
 * @param savedAt     when it was saved
 * @param variables   the workspace variable names saved
 * @param historySize number of evaluations in the saved history
 */
public record SaveContextResult(String sessionId, Instant savedAt, List<String> variables, int historySize)
        implements CommandResult {
    public Command command() {
        return Command.SAVE_CONTEXT;
    }
}
