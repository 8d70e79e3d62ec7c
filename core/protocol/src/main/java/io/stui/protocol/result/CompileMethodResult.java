package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code compile_method}; a syntax error is a {@code CompilationError} answer instead.
 *
 * @param selector      the compiled method's selector
 * @param className     the class it was compiled into
 * @param isClassMethod whether on the class side
 */
public record CompileMethodResult(String selector, String className, boolean isClassMethod) implements CommandResult {
    public Command command() {
        return Command.COMPILE_METHOD;
    }
}
