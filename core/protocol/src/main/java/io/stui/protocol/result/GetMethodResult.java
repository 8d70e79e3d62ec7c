package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code get_method}.
 *
 * @param method the method
 */
public record GetMethodResult(MethodInfo method) implements CommandResult {
    public Command command() {
        return Command.GET_METHOD;
    }
}
