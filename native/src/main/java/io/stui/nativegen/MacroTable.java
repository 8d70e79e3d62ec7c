package io.stui.nativegen;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The macros printed by {@code clang -dM -E header.h}: one {@code #define NAME body} or
 * {@code #define NAME(params) body} per line, already free of comments and line continuations.
 */
public final class MacroTable {

    /**
     * One macro definition.
     *
     * @param name   macro name
     * @param params parameter names of a function-like macro, or {@code null} for an object-like one
     * @param body   replacement tokens
     * @param source the definition as clang printed it, for documentation
     */
    public record Macro(String name, List<String> params, List<String> body, String source) {
        /** True for {@code #define F(x) ...}. */
        public boolean functionLike() {
            return params != null;
        }
    }

    private final Map<String, Macro> macros;

    private MacroTable(Map<String, Macro> macros) {
        this.macros = macros;
    }

    /** Parses a whole {@code -dM} dump; later definitions of the same name win, as in the preprocessor. */
    public static MacroTable parse(String dump) {
        Map<String, Macro> macros = new LinkedHashMap<>();
        for (String raw : dump.split("\\R")) {
            String line = raw.strip();
            if (!line.startsWith("#define ")) {
                continue;
            }
            Macro macro = parseDefine(line);
            macros.put(macro.name(), macro);
        }
        return new MacroTable(Collections.unmodifiableMap(macros));
    }

    private static Macro parseDefine(String line) {
        String rest = line.substring("#define ".length());
        int nameEnd = 0;
        while (nameEnd < rest.length()
                && (Character.isLetterOrDigit(rest.charAt(nameEnd)) || rest.charAt(nameEnd) == '_')) {
            nameEnd++;
        }
        String name = rest.substring(0, nameEnd);
        if (nameEnd < rest.length() && rest.charAt(nameEnd) == '(') {
            // Function-like: the '(' follows the name without a space.
            int close = rest.indexOf(')', nameEnd);
            String paramText = rest.substring(nameEnd + 1, close).strip();
            List<String> params = paramText.isEmpty() ? List.of() : List.of(paramText.split("\\s*,\\s*"));
            String body = rest.substring(close + 1);
            return new Macro(name, params, tokenizeOrEmpty(body), line);
        }
        return new Macro(name, null, tokenizeOrEmpty(rest.substring(nameEnd)), line);
    }

    private static List<String> tokenizeOrEmpty(String body) {
        try {
            return CTokenizer.tokenize(body);
        } catch (IllegalArgumentException e) {
            // Bodies such as __attribute__ spellings with odd characters are never constants.
            return List.of("#");
        }
    }

    /** The macro of that name, or {@code null}. */
    public Macro get(String name) {
        return macros.get(name);
    }

    /** All macros, in dump order. */
    public Iterable<Macro> all() {
        return macros.values();
    }
}
