package io.stui.smalltalk.image;

import io.stui.smalltalk.image.Definitions.ClassDef;
import io.stui.smalltalk.image.Definitions.Kind;
import io.stui.smalltalk.image.Definitions.MethodDef;
import io.stui.smalltalk.image.Definitions.Where;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one Tonel file, the format Pharo projects keep in git: an optional class comment, a declaration
 * ({@code Class {...}}, {@code Trait {...}}, {@code Extension {...}} or {@code Package {...}}, a STON map), then
 * methods written {@code { #category : 'x' } Foo >> bar: a [ body ]} ({@code Foo class >> ...} or
 * {@code Foo classSide >> ...} for the class side). Throws {@link Malformed} with the offset of what it could not
 * read.
 */
public final class TonelReader {
    /** The file is not Tonel as this reader knows it. */
    public static final class Malformed extends Exception {
        public final int offset;

        Malformed(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private final SourceText file;
    private final String s;
    private int p;

    private TonelReader(SourceText file) {
        this.file = file;
        this.s = file.contents();
    }

    /** True when the contents start as a Tonel file does (after an optional comment). */
    public static boolean looksLikeTonel(String text) {
        TonelReader r = new TonelReader(new SourceText("", text));
        try {
            r.skipSpace();
            if (r.peek() == '"') r.comment();
            r.skipSpace();
            String word = r.identifier();
            r.skipSpace();
            return r.peek() == '{'
                    && (word.equals("Class")
                            || word.equals("Trait")
                            || word.equals("Extension")
                            || word.equals("Package"));
        } catch (Malformed e) {
            return false;
        }
    }

    public static Definitions.ReadFile read(SourceText file) throws Malformed {
        return new TonelReader(file).readFile();
    }

    private Definitions.ReadFile readFile() throws Malformed {
        ClassDef def = new ClassDef();
        skipSpace();
        if (peek() == '"') def.comment = comment();
        skipSpace();
        int declAt = p;
        String word = identifier();
        def.kind = switch (word) {
            case "Class" -> Kind.CLASS;
            case "Trait" -> Kind.TRAIT;
            case "Extension" -> Kind.EXTENSION;
            case "Package" -> Kind.PACKAGE;
            default -> throw new Malformed("Class, Trait, Extension or Package declaration expected", declAt);
        };
        def.where = new Where(file, declAt);
        skipSpace();
        Map<String, Object> map = map();
        def.name = string(map, "name", declAt);
        if (def.name == null) throw new Malformed("the declaration has no #name", declAt);
        def.superclass = string(map, "superclass", declAt);
        def.instVars = names(map.get(map.containsKey("instVars") ? "instVars" : "slots"), declAt);
        def.classVars = names(map.get("classVars"), declAt);
        def.classInstVars = names(map.get(map.containsKey("classInstVars") ? "classInstVars" : "classSlots"), declAt);
        def.category = string(map, "category", declAt);
        def.packageName = string(map, "package", declAt);
        def.tag = string(map, "tag", declAt);
        def.type = string(map, "type", declAt);
        def.traits = string(map, "traits", declAt);
        def.classTraits = string(map, "classTraits", declAt);
        List<MethodDef> methods = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (p >= s.length()) break;
            methods.add(method(def));
        }
        return new Definitions.ReadFile(file, def, methods, List.of());
    }

    private MethodDef method(ClassDef def) throws Malformed {
        String category = "as yet unclassified";
        if (peek() == '{') {
            int at = p;
            Map<String, Object> meta = map();
            String c = string(meta, "category", at);
            if (c != null) category = c;
            skipSpaceAndComments();
        }
        int at = p;
        String className = identifier();
        if (className.isEmpty()) throw new Malformed("method definition expected (Class >> selector [ ... ])", at);
        skipSpace();
        boolean classSide = false;
        int save = p;
        String side = identifier();
        if (side.equals("class") || side.equals("classSide")) classSide = true;
        else p = save;
        skipSpace();
        if (!s.startsWith(">>", p)) throw new Malformed("'>>' expected after the class name", p);
        p += 2;
        skipSpace();
        int patternStart = p;
        while (p < s.length() && s.charAt(p) != '[') {
            if (s.charAt(p) == '"') {
                comment();
                continue;
            }
            if (s.charAt(p) == ']' || s.charAt(p) == '\'')
                throw new Malformed("'[' expected after the message pattern", p);
            p++;
        }
        if (p >= s.length()) throw new Malformed("'[' expected after the message pattern", patternStart);
        String pattern = s.substring(patternStart, p).stripTrailing();
        int open = p++;
        int bodyStart = p;
        int close = matchingBracket(open);
        String body = s.substring(bodyStart, close);
        if (body.endsWith("\n")) body = body.substring(0, body.length() - 1);
        if (body.endsWith("\r")) body = body.substring(0, body.length() - 1);
        p = close + 1;
        if (!className.equals(def.name) && def.kind != Kind.PACKAGE)
            throw new Malformed("method of " + className + " in the file of " + def.name, at);
        return new MethodDef(
                className, classSide, category, pattern + body, file, patternStart, pattern.length(), bodyStart);
    }

    /** The offset of the ']' closing the '[' at {@code open}, skipping strings, comments and character literals. */
    private int matchingBracket(int open) throws Malformed {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '[' -> depth++;
                case ']' -> {
                    if (--depth == 0) return i;
                }
                case '\'' -> {
                    int e = s.indexOf('\'', i + 1);
                    if (e < 0) throw new Malformed("unterminated string", i);
                    i = e;
                }
                case '"' -> {
                    int e = s.indexOf('"', i + 1);
                    if (e < 0) throw new Malformed("unterminated comment", i);
                    i = e;
                }
                case '$' -> i++;
                default -> {}
            }
        }
        throw new Malformed("the method body's '[' is never closed", open);
    }

    // ------------------------------------------------------------ STON subset

    private Map<String, Object> map() throws Malformed {
        if (peek() != '{') throw new Malformed("'{' expected", p);
        p++;
        Map<String, Object> out = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            p++;
            return out;
        }
        while (true) {
            skipSpace();
            int at = p;
            Object key = value();
            if (!(key instanceof String k)) throw new Malformed("a #key expected", at);
            skipSpace();
            if (peek() != ':') throw new Malformed("':' expected", p);
            p++;
            skipSpace();
            out.put(k, value());
            skipSpace();
            if (peek() == ',') {
                p++;
                continue;
            }
            if (peek() == '}') {
                p++;
                return out;
            }
            throw new Malformed("',' or '}' expected", p);
        }
    }

    private Object value() throws Malformed {
        char c = peek();
        if (c == '\'') return quoted();
        if (c == '#') {
            p++;
            if (peek() == '\'') return quoted();
            int start = p;
            while (p < s.length() && (Character.isLetterOrDigit(s.charAt(p)) || ":_.".indexOf(s.charAt(p)) >= 0)) p++;
            if (p == start) throw new Malformed("a symbol expected after '#'", start);
            return s.substring(start, p);
        }
        if (c == '[') {
            p++;
            List<Object> list = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                p++;
                return list;
            }
            while (true) {
                skipSpace();
                list.add(value());
                skipSpace();
                if (peek() == ',') {
                    p++;
                    continue;
                }
                if (peek() == ']') {
                    p++;
                    return list;
                }
                throw new Malformed("',' or ']' expected", p);
            }
        }
        if (c == '{') return map();
        int start = p;
        String word = identifier();
        if (word.equals("nil")) return null;
        if (word.equals("true") || word.equals("false")) return word;
        while (p < s.length() && (Character.isDigit(s.charAt(p)) || s.charAt(p) == '.' || s.charAt(p) == '-')) p++;
        if (p > start) return s.substring(start, p);
        throw new Malformed("a value expected", start);
    }

    private String quoted() throws Malformed {
        int start = p++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (p >= s.length()) throw new Malformed("unterminated string", start);
            char c = s.charAt(p++);
            if (c == '\'') {
                if (peek() == '\'') {
                    b.append('\'');
                    p++;
                } else return b.toString();
            } else b.append(c);
        }
    }

    private static String string(Map<String, Object> map, String key, int at) throws Malformed {
        Object v = map.get(key);
        if (v == null || v instanceof String) return (String) v;
        throw new Malformed("#" + key + " must be a string or symbol", at);
    }

    /** Variable names from a list of strings or symbols (or of slot maps with a #name). */
    private static List<String> names(Object v, int at) throws Malformed {
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (!(v instanceof List<?> list)) throw new Malformed("a list of variable names expected", at);
        for (Object o : list) {
            if (o instanceof String n) out.add(n);
            else if (o instanceof Map<?, ?> m && m.get("name") instanceof String n) out.add(n);
            else throw new Malformed("a variable name expected", at);
        }
        return out;
    }

    // ------------------------------------------------------------ lexical

    private char peek() {
        return p < s.length() ? s.charAt(p) : '\0';
    }

    private void skipSpace() {
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) p++;
    }

    private void skipSpaceAndComments() throws Malformed {
        while (true) {
            skipSpace();
            if (peek() != '"') return;
            comment();
        }
    }

    /** A double-quoted comment ({@code ""} stands for one quote); answers its text. */
    private String comment() throws Malformed {
        int start = p++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (p >= s.length()) throw new Malformed("unterminated comment", start);
            char c = s.charAt(p++);
            if (c == '"') {
                if (peek() == '"') {
                    b.append('"');
                    p++;
                } else return b.toString().strip();
            } else b.append(c);
        }
    }

    private String identifier() {
        int start = p;
        while (p < s.length() && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_')) p++;
        return s.substring(start, p);
    }
}
