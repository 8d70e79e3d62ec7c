package io.stui.nativegen;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the replacement text of a {@code #define} into C preprocessing tokens: identifiers, numbers,
 * character and string literals, and punctuators (longest match first).
 */
public final class CTokenizer {

    private static final String[] PUNCTUATORS = {
        "<<=", ">>=", "...", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "->", "++", "--", "##", "+=", "-=", "*=",
        "/=", "%=", "&=", "|=", "^="
    };

    private CTokenizer() {}

    /** Tokenizes {@code text}; throws naming the text if it contains a character C does not allow. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                int start = i;
                i++;
                while (i < n) {
                    char d = text.charAt(i);
                    boolean exponentSign =
                            (d == '+' || d == '-') && "eEpP".indexOf(text.charAt(i - 1)) >= 0 && !isHex(text, start);
                    if (Character.isLetterOrDigit(d) || d == '.' || d == '_' || exponentSign) {
                        i++;
                    } else {
                        break;
                    }
                }
                tokens.add(text.substring(start, i));
            } else if (c == '"' || c == '\'') {
                int start = i;
                i++;
                while (i < n && text.charAt(i) != c) {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                if (i >= n) {
                    throw new IllegalArgumentException("unterminated literal in: " + text);
                }
                i++;
                tokens.add(text.substring(start, i));
            } else {
                String punct = null;
                for (String p : PUNCTUATORS) {
                    if (text.startsWith(p, i)) {
                        punct = p;
                        break;
                    }
                }
                if (punct == null) {
                    if ("()[]{},;:?~!%^&*-+=<>|/.#".indexOf(c) < 0) {
                        throw new IllegalArgumentException("unexpected character '" + c + "' in: " + text);
                    }
                    punct = String.valueOf(c);
                }
                tokens.add(punct);
                i += punct.length();
            }
        }
        return tokens;
    }

    private static boolean isHex(String text, int start) {
        return text.startsWith("0x", start) || text.startsWith("0X", start);
    }

    /** True if the token is a C identifier. */
    public static boolean isIdentifier(String token) {
        return !token.isEmpty() && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_');
    }
}
