package io.stui.smalltalk.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * A forgiving tokenizer for tools that look at code being typed: it never fails, and says whether the text ends
 * inside a string, a comment or a character literal, and how deeply brackets are open.
 */
final class Lexer {
    enum Kind {
        WORD,
        KEYWORD,
        BINARY,
        LITERAL,
        BLOCK_ARG,
        OPEN,
        CLOSE,
        PERIOD,
        ASSIGN,
        CARET,
        SEMI,
        PIPE
    }

    record Tok(Kind kind, String text, int pos) {}

    final List<Tok> tokens = new ArrayList<>();
    /** Ends inside '...', "...", a $ without its character or #'...'. */
    boolean openLiteral;
    /** A closing bracket that does not match the open one (or closes nothing). */
    boolean mismatched;
    /** Brackets still open at the end, innermost last. */
    final StringBuilder open = new StringBuilder();

    static Lexer of(String s) {
        Lexer l = new Lexer();
        l.scan(s);
        return l;
    }

    private static boolean binaryChar(char c) {
        return "+-*/\\<>=~@%|&?,".indexOf(c) >= 0;
    }

    private void scan(String s) {
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int e = s.indexOf('"', i + 1);
                if (e < 0) {
                    openLiteral = true;
                    return;
                }
                i = e + 1;
            } else if (c == '\'') {
                int e = endOfString(s, i + 1);
                if (e < 0) {
                    openLiteral = true;
                    return;
                }
                tokens.add(new Tok(Kind.LITERAL, s.substring(i, e), i));
                i = e;
            } else if (c == '$') {
                if (i + 1 >= n) {
                    openLiteral = true;
                    return;
                }
                tokens.add(new Tok(Kind.LITERAL, s.substring(i, i + 2), i));
                i += 2;
            } else if (c == '#') {
                int j = i + 1;
                if (j < n && (s.charAt(j) == '(' || s.charAt(j) == '[' || s.charAt(j) == '{')) {
                    open.append(s.charAt(j));
                    tokens.add(new Tok(Kind.OPEN, s.substring(i, j + 1), i));
                    i = j + 1;
                } else if (j < n && s.charAt(j) == '\'') {
                    int e = endOfString(s, j + 1);
                    if (e < 0) {
                        openLiteral = true;
                        return;
                    }
                    tokens.add(new Tok(Kind.LITERAL, s.substring(i, e), i));
                    i = e;
                } else {
                    while (j < n
                            && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == ':' || s.charAt(j) == '_'))
                        j++;
                    if (j == i + 1) while (j < n && binaryChar(s.charAt(j))) j++;
                    tokens.add(new Tok(Kind.LITERAL, s.substring(i, j), i));
                    i = j;
                }
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n
                        && (Character.isLetterOrDigit(s.charAt(j))
                                || (s.charAt(j) == '.' && j + 1 < n && Character.isDigit(s.charAt(j + 1))))) j++;
                tokens.add(new Tok(Kind.LITERAL, s.substring(i, j), i));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                if (j < n && s.charAt(j) == ':' && !(j + 1 < n && s.charAt(j + 1) == '=')) {
                    tokens.add(new Tok(Kind.KEYWORD, s.substring(i, j + 1), i));
                    i = j + 1;
                } else {
                    tokens.add(new Tok(Kind.WORD, s.substring(i, j), i));
                    i = j;
                }
            } else if (c == ':') {
                if (i + 1 < n && s.charAt(i + 1) == '=') {
                    tokens.add(new Tok(Kind.ASSIGN, ":=", i));
                    i += 2;
                } else {
                    int j = i + 1;
                    while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                    tokens.add(new Tok(Kind.BLOCK_ARG, s.substring(i + 1, j), i));
                    i = j;
                }
            } else if (c == '(' || c == '[' || c == '{') {
                open.append(c);
                tokens.add(new Tok(Kind.OPEN, String.valueOf(c), i++));
            } else if (c == ')' || c == ']' || c == '}') {
                char want = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (open.isEmpty() || open.charAt(open.length() - 1) != want) mismatched = true;
                else open.setLength(open.length() - 1);
                tokens.add(new Tok(Kind.CLOSE, String.valueOf(c), i++));
            } else if (c == '.') {
                tokens.add(new Tok(Kind.PERIOD, ".", i++));
            } else if (c == '^') {
                tokens.add(new Tok(Kind.CARET, "^", i++));
            } else if (c == ';') {
                tokens.add(new Tok(Kind.SEMI, ";", i++));
            } else if (c == '|' && (i + 1 >= n || !binaryChar(s.charAt(i + 1)))) {
                tokens.add(new Tok(Kind.PIPE, "|", i++));
            } else if (binaryChar(c)) {
                int j = i;
                while (j < n && binaryChar(s.charAt(j))) j++;
                tokens.add(new Tok(Kind.BINARY, s.substring(i, j), i));
                i = j;
            } else {
                i++; // a character no token starts with: the parser will say so
            }
        }
    }

    /** Index just after the closing quote of a string whose body starts at {@code from}; -1 when unterminated. */
    private static int endOfString(String s, int from) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '\'') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') i += 2;
                else return i + 1;
            } else i++;
        }
        return -1;
    }
}
