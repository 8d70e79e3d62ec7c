package io.stui.smalltalk.syntax;

/** A Smalltalk syntax error with its 1-based line and column in the source. */
public final class SyntaxError extends RuntimeException {
    private final int offset;
    private final int line;
    private final int column;

    public SyntaxError(String message, String source, int offset) {
        super(message, null, false, false);
        this.offset = offset;
        int l = 1, c = 1;
        for (int i = 0; i < Math.min(offset, source.length()); i++) {
            if (source.charAt(i) == '\n') {
                l++;
                c = 1;
            } else c++;
        }
        this.line = l;
        this.column = c;
    }

    public int offset() {
        return offset;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
