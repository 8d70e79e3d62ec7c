package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code remove_method}.
 *
 * @param removed false when the class had no such method
 */
public record RemoveMethodResult(boolean removed) implements CommandResult {
    public Command command() {
        return Command.REMOVE_METHOD;
    }
}
