package io.stui.smalltalk.tools;

/**
 * What compiling a method answered: its selector, or why it did not compile, with the 1-based line and column
 * of the error in the method's source.
 */
public record CompileOutcome(String selector, String error, int line, int column) {
    public boolean ok() {
        return error == null;
    }

    static CompileOutcome compiled(String selector) {
        return new CompileOutcome(selector, null, 0, 0);
    }

    static CompileOutcome failed(String message, int line, int column) {
        return new CompileOutcome(null, message, line, column);
    }
}
