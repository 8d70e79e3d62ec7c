package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code interrupt}.
 *
 * @param interrupted true when an evaluation was running (and is now stopping); false when there was none
 */
public record InterruptResult(boolean interrupted) implements CommandResult {
    public Command command() {
        return Command.INTERRUPT;
    }
}
