package io.stui.smalltalk;

/** Why a load failed, and where: the file's name as given, a 1-based line and column (0 when not known). */
public record LoadFailure(String file, int line, int column, String message) {
    /** {@code file:line:column: message}, as compilers print it. */
    public String describe() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
