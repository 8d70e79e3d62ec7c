package io.stui.smalltalk.syntax;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Turns Smalltalk-80 source into tokens, including all literal forms (radix, exponent, scaled numbers). */
final class Scanner {
    /** Digits in one number literal: converting them costs their number squared (100,000 took 1.7 s here). */
    static final int MAX_LITERAL_DIGITS = 10_000;
    /** Exponents and scales of number literals. */
    static final int MAX_EXPONENT = 100_000;

    private final String src;
    private int p;

    Scanner(String src) {
        this.src = src;
    }

    int position() {
        return p;
    }

    void reset(int pos) {
        p = pos;
    }

    String source() {
        return src;
    }

    SyntaxError error(String msg, int at) {
        return new SyntaxError(msg, src, at);
    }

    private char peek(int k) {
        int i = p + k;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private void skipBlanks() {
        while (p < src.length()) {
            char c = src.charAt(p);
            if (Character.isWhitespace(c)) p++;
            else if (c == '"') {
                int start = p++;
                while (p < src.length() && src.charAt(p) != '"') p++;
                if (p >= src.length()) throw error("Unmatched comment quote", start);
                p++;
            } else break;
        }
    }

    static boolean isBinaryChar(char c) {
        return "+-*/\\<>=~@%|&?,".indexOf(c) >= 0;
    }

    static boolean isIdStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    Token next() {
        skipBlanks();
        int s = p;
        if (p >= src.length()) return new Token(Token.Kind.EOF, "", null, s, s);
        char c = src.charAt(p);
        if (isIdStart(c)) {
            while (p < src.length() && isIdPart(src.charAt(p))) p++;
            if (peek(0) == ':' && peek(1) != '=') {
                p++;
                return tok(Token.Kind.KEYWORD, s);
            }
            return tok(Token.Kind.IDENT, s);
        }
        if (Character.isDigit(c)) return number(s, false);
        switch (c) {
            case '\'':
                return new Token(Token.Kind.LITERAL, null, string(), s, p);
            case '$': {
                p++;
                if (p >= src.length()) throw error("Character expected after $", s);
                int cp = src.codePointAt(p);
                p += Character.charCount(cp);
                return new Token(Token.Kind.LITERAL, null, new Ast.CharValue(cp), s, p);
            }
            case '#':
                return hash(s);
            case ':':
                p++;
                if (peek(0) == '=') {
                    p++;
                    return tok(Token.Kind.ASSIGN, s);
                }
                return tok(Token.Kind.COLON, s);
            case '^':
                p++;
                return tok(Token.Kind.CARET, s);
            case '(':
                p++;
                return tok(Token.Kind.LPAREN, s);
            case ')':
                p++;
                return tok(Token.Kind.RPAREN, s);
            case '[':
                p++;
                return tok(Token.Kind.LBRACKET, s);
            case ']':
                p++;
                return tok(Token.Kind.RBRACKET, s);
            case '{':
                p++;
                return tok(Token.Kind.LBRACE, s);
            case '}':
                p++;
                return tok(Token.Kind.RBRACE, s);
            case '.':
                p++;
                return tok(Token.Kind.PERIOD, s);
            case ';':
                p++;
                return tok(Token.Kind.SEMI, s);
            case '_':
            default:
                if (c == '-' && Character.isDigit(peek(1))) {
                    // a negative literal is decided by the parser; scan '-' alone as a binary operator
                    p++;
                    return tok(Token.Kind.BINARY, s);
                }
                if (isBinaryChar(c)) {
                    p++;
                    while (p < src.length()
                            && isBinaryChar(src.charAt(p))
                            && !(src.charAt(p) == '-' && Character.isDigit(peek(1)))) p++;
                    return tok(Token.Kind.BINARY, s);
                }
                throw error("Unexpected character '" + c + "'", s);
        }
    }

    private Token tok(Token.Kind k, int s) {
        return new Token(k, src.substring(s, p), null, s, p);
    }

    private String string() {
        int start = p;
        p++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (p >= src.length()) throw error("Unmatched string quote", start);
            char c = src.charAt(p++);
            if (c == '\'') {
                if (peek(0) == '\'') {
                    sb.append('\'');
                    p++;
                } else break;
            } else sb.append(c);
        }
        return sb.toString();
    }

    private Token hash(int s) {
        p++;
        char c = peek(0);
        if (c == '(') {
            p++;
            return tok(Token.Kind.HASH_PAREN, s);
        }
        if (c == '[') {
            p++;
            return tok(Token.Kind.HASH_BRACKET, s);
        }
        if (c == '#') {
            Token t = hash(p);
            return new Token(t.kind(), t.text(), t.value(), s, t.end());
        }
        if (c == '\'') return new Token(Token.Kind.LITERAL, null, new Ast.SymbolValue(string()), s, p);
        if (isIdStart(c)) {
            int b = p;
            while (p < src.length() && (isIdPart(src.charAt(p)) || (src.charAt(p) == ':' && peek(1) != '='))) p++;
            return new Token(Token.Kind.LITERAL, null, new Ast.SymbolValue(src.substring(b, p)), s, p);
        }
        if (isBinaryChar(c)) {
            int b = p;
            while (p < src.length() && isBinaryChar(src.charAt(p))) p++;
            return new Token(Token.Kind.LITERAL, null, new Ast.SymbolValue(src.substring(b, p)), s, p);
        }
        throw error("Invalid literal after #", s);
    }

    /** Scans a number starting at p (digits); negative when {@code neg}. */
    Token number(int s, boolean neg) {
        int radix = 10;
        int b = p;
        while (Character.isDigit(peek(0))) p++;
        String intPart = src.substring(b, p);
        if (peek(0) == 'r' && digitIn(peek(1), 36, true)) {
            radix = intPart.length() > 2 ? 0 : Integer.parseInt(intPart);
            if (radix < 2 || radix > 36) throw error("Invalid radix " + intPart + " (2 to 36)", s);
            p++;
            boolean rneg = false;
            if (peek(0) == '-') {
                rneg = true;
                p++;
            }
            b = p;
            while (digitIn(peek(0), radix, false)) p++;
            intPart = src.substring(b, p);
            if (intPart.isEmpty()) throw error("Digits expected after radix", p);
            if (rneg) neg = !neg;
        }
        String fracPart = null;
        if (peek(0) == '.' && digitIn(peek(1), radix, false)) {
            p++;
            b = p;
            while (digitIn(peek(0), radix, false)) p++;
            fracPart = src.substring(b, p);
        }
        int exp = 0;
        boolean hasExp = false;
        if ((peek(0) == 'e' || peek(0) == 'd' || peek(0) == 'q')
                && (Character.isDigit(peek(1)) || (peek(1) == '-' && Character.isDigit(peek(2))))) {
            p++;
            b = p;
            if (peek(0) == '-') p++;
            while (Character.isDigit(peek(0))) p++;
            exp = boundedInt(src.substring(b, p), "Exponent", s);
            hasExp = true;
        }
        if (radix == 10 && fracPart == null && !hasExp && intPart.length() <= 18 && peek(0) != 's') {
            // a plain decimal integer that fits a long (the common case): no BigInteger on the way
            long v = Long.parseLong(intPart);
            return new Token(Token.Kind.LITERAL, null, neg ? -v : v, s, p);
        }
        if (intPart.length() + (fracPart == null ? 0 : fracPart.length()) > MAX_LITERAL_DIGITS) {
            // converting digits costs the square of their number, before any evaluation limit applies
            throw error("Number literal longer than " + MAX_LITERAL_DIGITS + " digits; compute it instead", s);
        }
        BigInteger mant = new BigInteger(intPart + (fracPart == null ? "" : fracPart), radix);
        int fracDigits = fracPart == null ? 0 : fracPart.length();
        boolean negFloat = neg && fracPart != null && !(peek(0) == 's');
        if (neg && !negFloat) mant = mant.negate();
        if (peek(0) == 's' && !isIdPart(peek(1)) || (peek(0) == 's' && Character.isDigit(peek(1)))) {
            p++;
            int scale = fracDigits;
            if (Character.isDigit(peek(0))) {
                b = p;
                while (Character.isDigit(peek(0))) p++;
                scale = boundedInt(src.substring(b, p), "Scale", s);
            }
            BigInteger den = BigInteger.valueOf(radix).pow(fracDigits);
            BigInteger num = mant;
            if (exp > 0) num = num.multiply(BigInteger.valueOf(radix).pow(exp));
            if (exp < 0) den = den.multiply(BigInteger.valueOf(radix).pow(-exp));
            BigInteger g = num.gcd(den);
            if (g.signum() != 0) {
                num = num.divide(g);
                den = den.divide(g);
            }
            return new Token(Token.Kind.SCALED, src.substring(s, p), new Object[] {num, den, scale}, s, p);
        }
        Object value;
        if (fracPart != null) {
            if (radix == 10) {
                value = new BigDecimal(mant, fracDigits - exp).doubleValue();
            } else {
                value = new BigDecimal(mant)
                        .divide(
                                new BigDecimal(BigInteger.valueOf(radix).pow(fracDigits)),
                                java.math.MathContext.DECIMAL128)
                        .multiply(new BigDecimal(radix).pow(exp, java.math.MathContext.DECIMAL128))
                        .doubleValue();
            }
            if (negFloat) value = -(Double) value;
        } else if (hasExp && exp < 0) {
            // Integer with a negative exponent is an exact Fraction in Pharo; the parser builds it
            value = new Object[] {
                integer(mant), integer(BigInteger.valueOf(radix).pow(-exp))
            };
            return new Token(Token.Kind.LITERAL, "fraction", value, s, p);
        } else {
            if (hasExp) {
                mant = mant.multiply(BigInteger.valueOf(radix).pow(exp));
            }
            value = integer(mant);
        }
        return new Token(Token.Kind.LITERAL, null, value, s, p);
    }

    /**
     * An exponent or a scale: at most {@link #MAX_EXPONENT} in magnitude, since integer, fraction and scaled literals
     * raise the radix to it exactly.
     */
    private int boundedInt(String digits, String what, int s) {
        String magnitude = digits.startsWith("-") ? digits.substring(1) : digits;
        if (magnitude.length() > 6 || Integer.parseInt(magnitude) > MAX_EXPONENT) {
            throw error(what + " too large (at most " + MAX_EXPONENT + ")", s);
        }
        return Integer.parseInt(digits);
    }

    /** An integer literal's value: a Long whenever it fits, so the parser and compiler test one type. */
    static Object integer(BigInteger b) {
        return b.bitLength() <= 63 ? (Object) b.longValue() : b;
    }

    private static boolean digitIn(char c, int radix, boolean anyUpper) {
        int d = Character.digit(c, radix);
        if (d < 0) return false;
        if (Character.isLetter(c) && !Character.isUpperCase(c)) return false;
        return true;
    }
}
