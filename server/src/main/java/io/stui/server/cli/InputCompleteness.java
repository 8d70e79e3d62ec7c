package io.stui.server.cli;

/**
 * Tells whether Smalltalk source typed so far is complete enough to send: no string ({@code '…'}),
 * comment ({@code "…"}) or bracket ({@code [ ( {}) left open. Used for multi-line input in the REPL.
 */
final class InputCompleteness {
    private InputCompleteness() {}

    /** True when {@code source} closes every string, comment and bracket it opens. */
    static boolean isComplete(String source) {
        int depth = 0;
        boolean inString = false;
        boolean inComment = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\'') {
                    if (i + 1 < source.length() && source.charAt(i + 1) == '\'') {
                        i++; // '' is a quote inside the string
                    } else {
                        inString = false;
                    }
                }
            } else if (inComment) {
                if (c == '"') {
                    inComment = false;
                }
            } else {
                switch (c) {
                    case '\'' -> inString = true;
                    case '"' -> inComment = true;
                    case '$' -> i++; // a character literal: $' or $[ is not an opener
                    case '[', '(', '{' -> depth++;
                    case ']', ')', '}' -> depth--;
                    default -> {}
                }
            }
        }
        return !inString && !inComment && depth <= 0;
    }
}
