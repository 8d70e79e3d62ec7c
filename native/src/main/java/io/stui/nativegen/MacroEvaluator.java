package io.stui.nativegen;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates object-like macros to integer constants the way the C preprocessor and compiler would:
 * macro references are expanded (object-like and function-like, with a hide set against recursion),
 * then the tokens are parsed as a C integer constant expression with C's typing rules.
 *
 * <p>A macro that is empty, function-like, a string, a floating-point value, or refers to anything that
 * is not a constant yields {@link Optional#empty()}: jextract skips such macros too (strings aside,
 * which this generator also skips because zmq.h defines none).
 */
public final class MacroEvaluator {

    private final MacroTable macros;

    /** @param macros the macro dump to resolve references against */
    public MacroEvaluator(MacroTable macros) {
        this.macros = macros;
    }

    /** Evaluates the macro {@code name}, or returns empty if it is not an integer constant. */
    public Optional<IntegerConstant> evaluate(String name) {
        MacroTable.Macro macro = macros.get(name);
        if (macro == null || macro.functionLike() || macro.body().isEmpty()) {
            return Optional.empty();
        }
        try {
            List<String> expanded = expand(macro.body(), Set.of(name));
            Parser parser = new Parser(expanded);
            IntegerConstant value = parser.conditional();
            if (!parser.atEnd()) {
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (NotConstantException e) {
            return Optional.empty();
        }
    }

    /** Expands macro references in {@code tokens}; names in {@code hidden} are being expanded already. */
    List<String> expand(List<String> tokens, Set<String> hidden) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            String token = tokens.get(i);
            MacroTable.Macro macro =
                    CTokenizer.isIdentifier(token) && !hidden.contains(token) ? macros.get(token) : null;
            if (macro == null) {
                out.add(token);
                i++;
            } else if (!macro.functionLike()) {
                out.addAll(expand(macro.body(), with(hidden, token)));
                i++;
            } else if (i + 1 < tokens.size() && "(".equals(tokens.get(i + 1))) {
                List<List<String>> args = new ArrayList<>();
                int end = collectArguments(tokens, i + 2, args);
                if (args.size() != macro.params().size()
                        && !(macro.params().isEmpty()
                                && args.size() == 1
                                && args.getFirst().isEmpty())) {
                    throw new NotConstantException();
                }
                List<String> substituted = new ArrayList<>();
                for (String bodyToken : macro.body()) {
                    if ("#".equals(bodyToken) || "##".equals(bodyToken)) {
                        throw new NotConstantException(); // stringizing and pasting never form constants here
                    }
                    int param = macro.params().indexOf(bodyToken);
                    if (param >= 0) {
                        substituted.addAll(expand(args.get(param), hidden));
                    } else {
                        substituted.add(bodyToken);
                    }
                }
                out.addAll(expand(substituted, with(hidden, token)));
                i = end;
            } else {
                out.add(token);
                i++;
            }
        }
        return out;
    }

    /** Collects comma-separated arguments starting after '('; returns the index after the closing ')'. */
    private static int collectArguments(List<String> tokens, int start, List<List<String>> args) {
        int depth = 0;
        List<String> current = new ArrayList<>();
        for (int i = start; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if ("(".equals(t)) {
                depth++;
            } else if (")".equals(t)) {
                if (depth == 0) {
                    args.add(current);
                    return i + 1;
                }
                depth--;
            } else if (",".equals(t) && depth == 0) {
                args.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(t);
        }
        throw new NotConstantException();
    }

    private static Set<String> with(Set<String> set, String name) {
        Set<String> copy = new HashSet<>(set);
        copy.add(name);
        return copy;
    }

    /** Signals that an expression is not an integer constant; never escapes the evaluator. */
    private static final class NotConstantException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotConstantException() {
            super(null, null, false, false);
        }
    }

    /** Recursive-descent parser over C's constant-expression grammar, evaluating as it goes. */
    private static final class Parser {
        private final List<String> tokens;
        private int pos;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean atEnd() {
            return pos == tokens.size();
        }

        private String peek() {
            return pos < tokens.size() ? tokens.get(pos) : "";
        }

        private boolean accept(String token) {
            if (peek().equals(token)) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) {
                throw new NotConstantException();
            }
        }

        IntegerConstant conditional() {
            IntegerConstant condition = logicalOr();
            if (accept("?")) {
                IntegerConstant whenTrue = conditional();
                expect(":");
                IntegerConstant whenFalse = conditional();
                IntegerConstant.Type type = IntegerConstant.Type.common(whenTrue.type(), whenFalse.type());
                return IntegerConstant.of(condition.isTrue() ? whenTrue.value() : whenFalse.value(), type);
            }
            return condition;
        }

        private IntegerConstant logicalOr() {
            IntegerConstant left = logicalAnd();
            while (accept("||")) {
                IntegerConstant right = logicalAnd();
                left = bool(left.isTrue() || right.isTrue());
            }
            return left;
        }

        private IntegerConstant logicalAnd() {
            IntegerConstant left = bitOr();
            while (accept("&&")) {
                IntegerConstant right = bitOr();
                left = bool(left.isTrue() && right.isTrue());
            }
            return left;
        }

        private IntegerConstant bitOr() {
            IntegerConstant left = bitXor();
            while (accept("|")) {
                IntegerConstant right = bitXor();
                left = arithmetic(left, right, left.value() | right.value());
            }
            return left;
        }

        private IntegerConstant bitXor() {
            IntegerConstant left = bitAnd();
            while (accept("^")) {
                IntegerConstant right = bitAnd();
                left = arithmetic(left, right, left.value() ^ right.value());
            }
            return left;
        }

        private IntegerConstant bitAnd() {
            IntegerConstant left = equality();
            while (accept("&")) {
                IntegerConstant right = equality();
                left = arithmetic(left, right, left.value() & right.value());
            }
            return left;
        }

        private IntegerConstant equality() {
            IntegerConstant left = relational();
            while (true) {
                if (accept("==")) {
                    left = bool(left.value() == relational().value());
                } else if (accept("!=")) {
                    left = bool(left.value() != relational().value());
                } else {
                    return left;
                }
            }
        }

        private IntegerConstant relational() {
            IntegerConstant left = shift();
            while (true) {
                String op = peek();
                if (!op.equals("<") && !op.equals(">") && !op.equals("<=") && !op.equals(">=")) {
                    return left;
                }
                pos++;
                IntegerConstant right = shift();
                boolean unsigned =
                        IntegerConstant.Type.common(left.type(), right.type()).unsigned();
                int cmp = unsigned
                        ? Long.compareUnsigned(left.value(), right.value())
                        : Long.compare(left.value(), right.value());
                left = bool(
                        switch (op) {
                            case "<" -> cmp < 0;
                            case ">" -> cmp > 0;
                            case "<=" -> cmp <= 0;
                            default -> cmp >= 0;
                        });
            }
        }

        private IntegerConstant shift() {
            IntegerConstant left = additive();
            while (true) {
                if (accept("<<")) {
                    IntegerConstant right = additive();
                    left = IntegerConstant.of(left.value() << right.value(), left.type());
                } else if (accept(">>")) {
                    IntegerConstant right = additive();
                    left = IntegerConstant.of(
                            left.type().unsigned() ? left.value() >>> right.value() : left.value() >> right.value(),
                            left.type());
                } else {
                    return left;
                }
            }
        }

        private IntegerConstant additive() {
            IntegerConstant left = multiplicative();
            while (true) {
                if (accept("+")) {
                    IntegerConstant right = multiplicative();
                    left = arithmetic(left, right, left.value() + right.value());
                } else if (accept("-")) {
                    IntegerConstant right = multiplicative();
                    left = arithmetic(left, right, left.value() - right.value());
                } else {
                    return left;
                }
            }
        }

        private IntegerConstant multiplicative() {
            IntegerConstant left = unary();
            while (true) {
                if (accept("*")) {
                    IntegerConstant right = unary();
                    left = arithmetic(left, right, left.value() * right.value());
                } else if (peek().equals("/") || peek().equals("%")) {
                    boolean divide = peek().equals("/");
                    pos++;
                    IntegerConstant right = unary();
                    if (right.value() == 0) {
                        throw new NotConstantException();
                    }
                    IntegerConstant.Type type = IntegerConstant.Type.common(left.type(), right.type());
                    long result;
                    if (type.unsigned()) {
                        result = divide
                                ? Long.divideUnsigned(left.value(), right.value())
                                : Long.remainderUnsigned(left.value(), right.value());
                    } else {
                        result = divide ? left.value() / right.value() : left.value() % right.value();
                    }
                    left = IntegerConstant.of(result, type);
                } else {
                    return left;
                }
            }
        }

        private IntegerConstant unary() {
            if (accept("-")) {
                IntegerConstant v = unary();
                return IntegerConstant.of(-v.value(), v.type());
            }
            if (accept("+")) {
                IntegerConstant v = unary();
                return IntegerConstant.of(v.value(), v.type());
            }
            if (accept("~")) {
                IntegerConstant v = unary();
                return IntegerConstant.of(~v.value(), v.type());
            }
            if (accept("!")) {
                return bool(!unary().isTrue());
            }
            if (peek().equals("(") && castType(pos + 1) != null) {
                pos++;
                IntegerConstant.Type target = castType(pos);
                while (!peek().equals(")")) {
                    pos++;
                }
                pos++;
                IntegerConstant v = unary();
                return IntegerConstant.of(v.value(), target);
            }
            return primary();
        }

        /** If the tokens from {@code at} spell an integer type name followed by ')', that type; else null. */
        private IntegerConstant.Type castType(int at) {
            StringBuilder name = new StringBuilder();
            int i = at;
            while (i < tokens.size() && !tokens.get(i).equals(")")) {
                name.append(name.isEmpty() ? "" : " ").append(tokens.get(i));
                i++;
            }
            if (i >= tokens.size()) {
                return null;
            }
            return switch (name.toString()) {
                case "char", "signed char", "short", "signed short", "int", "signed int", "signed" ->
                    IntegerConstant.Type.INT;
                case "unsigned char", "unsigned short", "unsigned", "unsigned int" -> IntegerConstant.Type.UINT;
                case "long", "signed long", "long long", "signed long long", "long int" -> IntegerConstant.Type.LONG;
                case "unsigned long", "unsigned long long", "unsigned long int", "size_t" -> IntegerConstant.Type.ULONG;
                default -> null;
            };
        }

        private IntegerConstant primary() {
            if (accept("(")) {
                IntegerConstant v = conditional();
                expect(")");
                return v;
            }
            String token = peek();
            if (token.isEmpty()) {
                throw new NotConstantException();
            }
            pos++;
            if (Character.isDigit(token.charAt(0))) {
                return integerLiteral(token);
            }
            if (token.startsWith("'")) {
                return characterLiteral(token);
            }
            // Identifiers left after expansion, strings, floats: not an integer constant.
            throw new NotConstantException();
        }

        private static IntegerConstant bool(boolean b) {
            return IntegerConstant.of(b ? 1 : 0, IntegerConstant.Type.INT);
        }

        private static IntegerConstant arithmetic(IntegerConstant a, IntegerConstant b, long result) {
            return IntegerConstant.of(result, IntegerConstant.Type.common(a.type(), b.type()));
        }
    }

    /** Types an integer literal as C11 6.4.4.1 does on LP64. */
    static IntegerConstant integerLiteral(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        int suffixStart = lower.length();
        while (suffixStart > 0 && (lower.charAt(suffixStart - 1) == 'u' || lower.charAt(suffixStart - 1) == 'l')) {
            suffixStart--;
        }
        String digits = lower.substring(0, suffixStart);
        String suffix = lower.substring(suffixStart);
        if (lower.startsWith("0x") && suffixStart < 2) {
            throw new NotConstantException();
        }
        BigInteger value;
        boolean decimal = false;
        try {
            if (digits.startsWith("0x")) {
                value = new BigInteger(digits.substring(2), 16);
            } else if (digits.startsWith("0b")) {
                value = new BigInteger(digits.substring(2), 2);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                value = new BigInteger(digits.substring(1), 8);
            } else {
                value = new BigInteger(digits, 10);
                decimal = true;
            }
        } catch (NumberFormatException e) {
            throw new NotConstantException(); // floating-point literals and other non-integers
        }
        boolean unsigned = suffix.contains("u");
        boolean longSuffix = suffix.contains("l");
        if (!suffix.isEmpty() && !suffix.matches("u|l|ll|ul|lu|ull|llu")) {
            throw new NotConstantException();
        }
        long bits = value.longValue();
        boolean fitsInt = value.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0;
        boolean fitsUint = value.compareTo(BigInteger.valueOf(0xFFFF_FFFFL)) <= 0;
        boolean fitsLong = value.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) <= 0;
        if (value.bitLength() > 64) {
            throw new NotConstantException();
        }
        IntegerConstant.Type type;
        if (unsigned) {
            type = !longSuffix && fitsUint ? IntegerConstant.Type.UINT : IntegerConstant.Type.ULONG;
        } else if (longSuffix) {
            type = fitsLong ? IntegerConstant.Type.LONG : IntegerConstant.Type.ULONG;
            if (decimal && !fitsLong) {
                throw new NotConstantException();
            }
        } else if (fitsInt) {
            type = IntegerConstant.Type.INT;
        } else if (!decimal && fitsUint) {
            type = IntegerConstant.Type.UINT;
        } else if (fitsLong) {
            type = IntegerConstant.Type.LONG;
        } else if (!decimal) {
            type = IntegerConstant.Type.ULONG;
        } else {
            throw new NotConstantException();
        }
        return IntegerConstant.of(bits, type);
    }

    private static IntegerConstant characterLiteral(String token) {
        String body = token.substring(1, token.length() - 1);
        int value;
        if (body.length() == 1) {
            value = body.charAt(0);
        } else if (body.startsWith("\\")) {
            value = switch (body) {
                case "\\n" -> '\n';
                case "\\t" -> '\t';
                case "\\r" -> '\r';
                case "\\0" -> 0;
                case "\\\\" -> '\\';
                case "\\'" -> '\'';
                case "\\\"" -> '"';
                default -> throw new NotConstantException();
            };
        } else {
            throw new NotConstantException();
        }
        return IntegerConstant.of(value, IntegerConstant.Type.INT);
    }
}
