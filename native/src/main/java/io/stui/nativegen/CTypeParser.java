package io.stui.nativegen;

import java.util.Map;

/**
 * Parses the type spellings clang prints in its JSON AST ({@code qualType} / {@code desugaredQualType}),
 * e.g. {@code "const char *"}, {@code "unsigned char[64]"}, {@code "struct zmq_msg_t"}, {@code "zmq_fd_t"}.
 *
 * <p>Typedef names that clang did not desugar are resolved through the typedefs the header itself
 * declares; anything else unknown is an error that names the spelling, so a new header construct
 * fails the generation loudly instead of producing a wrong binding.
 */
public final class CTypeParser {

    private final Map<String, String> typedefs;

    /**
     * @param typedefs typedef name to the spelling of its underlying type, for names clang leaves sugared
     *                 (e.g. {@code zmq_fd_t} to {@code int}); covers the whole translation unit
     */
    public CTypeParser(Map<String, String> typedefs) {
        this.typedefs = typedefs;
    }

    /** Parses a spelling such as {@code "const zmq_msg_t *"} into a {@link CType}. */
    public CType parse(String spelling) {
        String s = spelling.trim();
        if (s.endsWith("]")) {
            int open = s.lastIndexOf('[');
            String count = s.substring(open + 1, s.length() - 1).trim();
            if (count.isEmpty()) {
                // An incomplete array decays to a pointer wherever it can appear in a prototype.
                return new CType.Pointer(s.substring(0, open).trim());
            }
            return new CType.Array(parse(s.substring(0, open)), Long.parseLong(count));
        }
        if (s.endsWith("*")) {
            return new CType.Pointer(s.substring(0, s.length() - 1).trim());
        }
        if (s.contains("(*")) {
            // Function pointer spelled inline, e.g. "void (*)(void *)".
            return new CType.Pointer(s);
        }
        String base = stripQualifiers(s);
        if (base.startsWith("struct ")) {
            return new CType.Struct(base.substring("struct ".length()).trim());
        }
        if (base.startsWith("union ") || base.startsWith("enum ")) {
            throw new IllegalArgumentException("unsupported C type (unions and enums are not in zmq.h): " + spelling);
        }
        CType builtin = builtin(base);
        if (builtin != null) {
            return builtin;
        }
        String typedef = typedefs.get(base);
        if (typedef != null) {
            return parse(typedef);
        }
        throw new IllegalArgumentException("unknown C type: '" + spelling + "'");
    }

    /**
     * Splits a function type spelling such as {@code "const char *(int)"} and returns its return type.
     */
    public CType parseReturnType(String functionSpelling) {
        int paren = topLevelParamsStart(functionSpelling);
        return parse(functionSpelling.substring(0, paren));
    }

    /** Index of the '(' that opens the parameter list of a function type spelling. */
    static int topLevelParamsStart(String functionSpelling) {
        String s = functionSpelling.trim();
        if (!s.endsWith(")")) {
            throw new IllegalArgumentException("not a function type: " + functionSpelling);
        }
        int depth = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("unbalanced function type: " + functionSpelling);
    }

    private static String stripQualifiers(String s) {
        String out = (" " + s + " ")
                .replace(" const ", " ")
                .replace(" volatile ", " ")
                .replace(" restrict ", " ")
                .replace(" __restrict ", " ")
                .trim();
        return out.replaceAll("\\s+", " ");
    }

    private static CType builtin(String base) {
        return switch (base) {
            case "void" -> new CType.Void();
            case "_Bool", "bool" -> new CType.Primitive(CType.Kind.BOOL);
            case "char", "signed char", "unsigned char" -> new CType.Primitive(CType.Kind.CHAR);
            case "short", "short int", "signed short", "unsigned short", "unsigned short int", "signed short int" ->
                new CType.Primitive(CType.Kind.SHORT);
            case "int", "signed", "signed int", "unsigned", "unsigned int" -> new CType.Primitive(CType.Kind.INT);
            case "long", "long int", "signed long", "unsigned long", "unsigned long int", "signed long int" ->
                new CType.Primitive(CType.Kind.LONG);
            case "long long", "long long int", "signed long long", "unsigned long long", "unsigned long long int" ->
                new CType.Primitive(CType.Kind.LONG_LONG);
            case "float" -> new CType.Primitive(CType.Kind.FLOAT);
            case "double" -> new CType.Primitive(CType.Kind.DOUBLE);
            default -> null;
        };
    }
}
