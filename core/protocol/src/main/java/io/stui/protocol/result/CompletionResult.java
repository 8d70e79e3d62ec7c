package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.util.List;

/**
 * Result of {@code complete}.
 *
 * @param candidates   ranked: exact prefix first, then frequency
 * @param replaceStart 0-based offset where the replaced text starts
 * @param replaceEnd   0-based offset where it ends (exclusive)
 */
public record CompletionResult(List<CompletionCandidate> candidates, int replaceStart, int replaceEnd)
        implements CommandResult {
    public Command command() {
        return Command.CODE_COMPLETION;
    }
}
