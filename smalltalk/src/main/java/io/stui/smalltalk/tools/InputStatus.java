package io.stui.smalltalk.tools;

/**
 * Whether typed code can be evaluated as it is (Jupyter's is_complete): {@code COMPLETE}, {@code INCOMPLETE} (more
 * lines are expected; {@code indent} is what the next line should start with) or {@code INVALID} (more input
 * cannot fix it).
 */
public record InputStatus(Status status, String indent) {
    public enum Status {
        COMPLETE,
        INCOMPLETE,
        INVALID
    }

    /** Checks {@code code} without running it. */
    public static InputStatus of(String code) {
        Lexer lx = Lexer.of(code);
        if (lx.mismatched) return new InputStatus(Status.INVALID, "");
        String indent = "\t".repeat(lx.open.length());
        if (lx.openLiteral || !lx.open.isEmpty()) return new InputStatus(Status.INCOMPLETE, indent);
        try {
            io.stui.smalltalk.syntax.Parser.parseDoit(code);
            return new InputStatus(Status.COMPLETE, "");
        } catch (io.stui.smalltalk.syntax.SyntaxError e) {
            // an error at the very end is input still being typed ("x foo:", "x :="); anything earlier is invalid
            return e.offset() >= code.stripTrailing().length()
                    ? new InputStatus(Status.INCOMPLETE, "\t")
                    : new InputStatus(Status.INVALID, "");
        } catch (StackOverflowError e) {
            return new InputStatus(Status.INVALID, "");
        }
    }
}
