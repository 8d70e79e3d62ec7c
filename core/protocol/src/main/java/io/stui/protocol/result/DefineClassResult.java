package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code define_class}.
 *
 * @param classInfo the class as {@code browse_class} describes it
 */
public record DefineClassResult(ClassInfo classInfo) implements CommandResult {
    public Command command() {
        return Command.DEFINE_CLASS;
    }
}
