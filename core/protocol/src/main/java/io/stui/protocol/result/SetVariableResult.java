package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code set_variable}.
 *
 * @param result     the printString of the value assigned
 * @param inspection the object inspected again after the assignment, as {@code inspect} answers it
 */
public record SetVariableResult(String result, InspectResult inspection) implements CommandResult {
    public Command command() {
        return Command.SET_VARIABLE;
    }
}
