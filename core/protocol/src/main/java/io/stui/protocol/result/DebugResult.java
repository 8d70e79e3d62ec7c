package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code debug}.
 *
 * @param result    what the operation did, in a sentence
 * @param debugInfo current line, method and locals
 */
public record DebugResult(String result, DebugInfo debugInfo) implements CommandResult {
    public Command command() {
        return Command.DEBUG;
    }
}
