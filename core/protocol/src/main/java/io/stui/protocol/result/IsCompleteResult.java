package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code is_complete}.
 *
 * @param status {@code complete}, {@code incomplete} or {@code invalid}
 * @param indent the indent of the next line when incomplete ("" otherwise)
 */
public record IsCompleteResult(String status, String indent) implements CommandResult {
    public Command command() {
        return Command.IS_COMPLETE;
    }
}
