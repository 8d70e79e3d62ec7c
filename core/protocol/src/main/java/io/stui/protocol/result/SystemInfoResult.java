package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code system_info}.
 *
 * @param info the information asked for
 */
public record SystemInfoResult(SystemInfo info) implements CommandResult {
    public Command command() {
        return Command.SYSTEM_INFO;
    }
}
