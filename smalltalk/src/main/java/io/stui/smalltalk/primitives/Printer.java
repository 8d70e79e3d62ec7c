package io.stui.smalltalk.primitives;

import java.math.BigDecimal;
import java.math.BigInteger;

/** printString formats that are faster in Java than in Smalltalk: numbers, strings, symbols. */
final class Printer {
    private Printer() {}

    /** Pharo's Float printing: shortest digits that read back to the same float; decimal form for exponents -3..6. */
    static String printFloat(double d) {
        if (Double.isNaN(d)) return "Float nan";
        if (Double.isInfinite(d)) return d > 0 ? "Float infinity" : "Float negativeInfinity";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        StringBuilder sb = new StringBuilder();
        if (d < 0) {
            sb.append('-');
            d = -d;
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp10 = digits.length() - bd.scale(); // number of digits before the decimal point
        if (exp10 >= -3 && exp10 <= 6) {
            if (exp10 <= 0) {
                sb.append("0.");
                sb.append("0".repeat(-exp10));
                sb.append(digits);
            } else if (digits.length() <= exp10) {
                sb.append(digits).append("0".repeat(exp10 - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, exp10).append('.').append(digits, exp10, digits.length());
            }
        } else {
            sb.append(digits.charAt(0)).append('.');
            sb.append(digits.length() > 1 ? digits.substring(1) : "0");
            sb.append('e').append(exp10 - 1);
        }
        return sb.toString();
    }

    static String printInteger(Object i, int base) {
        if (i instanceof Long l) return Long.toString(l, base).toUpperCase();
        return ((BigInteger) i).toString(base).toUpperCase();
    }

    static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') sb.append('\'');
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    /** Symbol printString: {@code #foo}, {@code #at:put:}, {@code #+}, or {@code #'hello world'}. */
    static String symbol(String s) {
        return "#" + (isLiteralSymbol(s) ? s : quoted(s));
    }

    static boolean isLiteralSymbol(String s) {
        if (s.isEmpty()) return false;
        char c = s.charAt(0);
        if (Character.isLetter(c) || c == '_') {
            boolean lastColon = false;
            for (int i = 0; i < s.length(); i++) {
                char x = s.charAt(i);
                if (x == ':') {
                    if (lastColon) return false;
                    lastColon = true;
                    if (i + 1 < s.length() && !(Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '_'))
                        return false;
                } else if (Character.isLetterOrDigit(x) || x == '_') lastColon = false;
                else return false;
            }
            return true;
        }
        for (int i = 0; i < s.length(); i++) if ("+-*/\\<>=~@%|&?,".indexOf(s.charAt(i)) < 0) return false;
        return true;
    }
}
