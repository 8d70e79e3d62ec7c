package io.stui.smalltalk;

import java.util.List;

/**
 * Why an evaluation failed.
 *
 * @param kind         the category of failure
 * @param errorClass   Smalltalk error class name (e.g. {@code ZeroDivide}, {@code MessageNotUnderstood}, {@code SyntaxError}, {@code Timeout})
 * @param messageText  the exception's messageText
 * @param line         1-based line of a syntax error, 0 otherwise
 * @param column       1-based column of a syntax error, 0 otherwise
 * @param stackTrace   Smalltalk frames, innermost first, e.g. {@code SmallInteger(Number)>>foo}
 */
public record EvalFailure(
        Kind kind, String errorClass, String messageText, int line, int column, List<String> stackTrace) {
    /** Failure categories. */
    public enum Kind {
        /** The code does not parse or compile. */
        SYNTAX,
        /** An unhandled Smalltalk exception. */
        ERROR,
        /** The time limit passed. */
        TIMEOUT,
        /** {@link Workspace#interrupt()} was called. */
        INTERRUPTED,
        /** The instruction budget was used up. */
        BUDGET,
        /** The call stack grew past the depth limit. */
        RECURSION,
        /** The allocation limit was exceeded. */
        ALLOCATION,
        /** An internal fault of the evaluator (a bug); the workspace stays usable. */
        INTERNAL
    }

    public EvalFailure {
        stackTrace = List.copyOf(stackTrace);
    }

    /** One-line description, e.g. {@code ZeroDivide: Division by zero}. */
    public String describe() {
        String where = kind == Kind.SYNTAX ? " (line " + line + ", column " + column + ")" : "";
        return errorClass + ": " + messageText + where;
    }
}
