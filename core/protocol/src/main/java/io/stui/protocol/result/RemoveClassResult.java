package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code remove_class}.
 *
 * @param removed false when there was no such class
 */
public record RemoveClassResult(boolean removed) implements CommandResult {
    public Command command() {
        return Command.REMOVE_CLASS;
    }
}
