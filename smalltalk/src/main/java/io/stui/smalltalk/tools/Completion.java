package io.stui.smalltalk.tools;

import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.ClassTable;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StSymbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Code completion at a cursor, from what is known there without running anything: temporaries and workspace
 * variables, classes and globals at the start of an expression; after a receiver whose class is known (a literal,
 * a class name, a workspace variable's current value, {@code self} in a method of a known class) that class's
 * selectors, else every selector in the system; and the next keyword of a keyword message being typed.
 * Ranked: candidates starting with the typed prefix exactly (case included) first, then by how many methods
 * send the selector, then alphabetically.
 */
public final class Completion {
    /** At most this many candidates are answered. */
    public static final int MAX_CANDIDATES = 200;

    private static final List<String> PSEUDO = List.of("self", "super", "nil", "true", "false", "thisContext");

    private final Environment env;
    private final Map<String, Binding> variables;
    private final Navigation navigation;

    public Completion(Environment env, Map<String, Binding> variables, Navigation navigation) {
        this.env = env;
        this.variables = variables;
        this.navigation = navigation;
    }

    /**
     * Completes {@code source} at {@code cursor}; {@code selfClass} (may be null) is the class whose method is being
     * edited, with {@code classSide} for a class-side method: then the source is a method and {@code self},
     * instance variables and the method's arguments are known.
     */
    public Completions complete(String source, int cursor, String selfClass, boolean classSide) {
        int cur = Math.max(0, Math.min(cursor, source.length()));
        int start = cur;
        while (start > 0 && wordChar(source.charAt(start - 1))) start--;
        int end = cur;
        while (end < source.length() && wordChar(source.charAt(end))) end++;
        String prefix = source.substring(start, cur);
        Lexer lx = Lexer.of(source.substring(0, start));
        if (lx.openLiteral || (!prefix.isEmpty() && Character.isDigit(prefix.charAt(0))))
            return new Completions(start, end, List.of());
        StClass self = null;
        if (selfClass != null) {
            StClass c = env.classNamed(selfClass);
            if (c != null) self = classSide ? c.metaclass() : c;
        }
        List<Lexer.Tok> t = lx.tokens;
        Map<String, Candidate> found = new LinkedHashMap<>();
        Lexer.Tok prev = t.isEmpty() || (self != null && t.size() == patternLength(t)) ? null : t.getLast();
        if (prev != null && (endsOperand(prev) || prev.kind() == Lexer.Kind.SEMI)) {
            keywordContinuation(t, prefix, self, found);
            StClass receiver = prev.kind() == Lexer.Kind.SEMI ? null : operandClass(t, t.size() - 1, self);
            selectors(receiver, prefix, found);
        } else if (prev == null || startsExpression(prev)) {
            variables(source, t, prefix, self, found);
        }
        return new Completions(start, end, rank(found, prefix));
    }

    /** Tokens in a method's pattern ({@code foo}, {@code + other}, {@code at: i put: v}). */
    private static int patternLength(List<Lexer.Tok> t) {
        if (t.isEmpty()) return 0;
        if (t.get(0).kind() == Lexer.Kind.WORD) return 1;
        if (t.get(0).kind() == Lexer.Kind.BINARY) return 2;
        int n = 0;
        while (n + 1 < t.size()
                && t.get(n).kind() == Lexer.Kind.KEYWORD
                && t.get(n + 1).kind() == Lexer.Kind.WORD) n += 2;
        return n;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean endsOperand(Lexer.Tok t) {
        return switch (t.kind()) {
            case WORD, LITERAL, CLOSE -> true;
            default -> false;
        };
    }

    private static boolean startsExpression(Lexer.Tok t) {
        return switch (t.kind()) {
            case OPEN, PERIOD, ASSIGN, CARET, KEYWORD, BINARY, PIPE -> !t.text().startsWith("#");
            default -> false;
        };
    }

    /** The class of the operand ending at token {@code i}, when it is a single known primary; null otherwise. */
    private StClass operandClass(List<Lexer.Tok> t, int i, StClass self) {
        Lexer.Tok tok = t.get(i);
        if (i > 0 && endsOperand(t.get(i - 1)) && tok.kind() == Lexer.Kind.WORD) return null; // a unary send's result
        ClassTable k = env.classes;
        return switch (tok.kind()) {
            case LITERAL -> literalClass(tok.text());
            case CLOSE ->
                tok.text().equals("]") ? k.blockClosure : tok.text().equals("}") ? k.bootEnv.classNamed("Array") : null;
            case WORD ->
                switch (tok.text()) {
                    case "self" -> self != null ? self : k.undefinedObject;
                    case "super" -> self != null ? self.superclass : null;
                    case "nil" -> k.undefinedObject;
                    case "true" -> env.classes.classOf(Boolean.TRUE);
                    case "false" -> env.classes.classOf(Boolean.FALSE);
                    case "thisContext" -> k.context;
                    default -> {
                        if (Character.isUpperCase(tok.text().charAt(0))) {
                            Binding b = env.binding(tok.text());
                            yield b == null ? null : env.classes.classOf(b.value);
                        }
                        Binding b = variables.get(tok.text());
                        yield b == null || declaredTemp(t, tok.text()) ? null : env.classes.classOf(b.value);
                    }
                };
            default -> null;
        };
    }

    /** A literal's class, from its text: string, character, symbol, literal array, float, scaled or integer. */
    private StClass literalClass(String text) {
        char c = text.charAt(0);
        if (c == '\'') return env.classes.classOf(new io.stui.smalltalk.objects.StString(""));
        if (c == '$') return env.classes.classOf(io.stui.smalltalk.objects.Char.of('a'));
        if (text.startsWith("#(") || text.startsWith("#{")) return env.classes.classOf(new Object[0]);
        if (text.startsWith("#[")) return env.classes.classOf(new byte[0]);
        if (c == '#') return env.classes.classOf(StSymbol.of("x"));
        if (text.contains("r")) return null; // a radix integer: small or large, unknown here
        if (text.contains("s")) return env.classes.bootEnv.classNamed("ScaledDecimal");
        if (text.contains(".") || text.contains("e")) return env.classes.classOf(0.0);
        return text.length() > 15 ? null : env.classes.classOf(0L);
    }

    private static boolean declaredTemp(List<Lexer.Tok> t, String name) {
        boolean inDecl = false;
        for (Lexer.Tok x : t) {
            if (x.kind() == Lexer.Kind.PIPE) inDecl = !inDecl;
            else if (inDecl && x.kind() == Lexer.Kind.WORD && x.text().equals(name)) return true;
            else if (x.kind() == Lexer.Kind.BLOCK_ARG && x.text().equals(name)) return true;
        }
        return false;
    }

    /** Selectors the receiver's class understands (every selector in the system when it is unknown). */
    private void selectors(StClass receiver, String prefix, Map<String, Candidate> found) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        if (receiver != null) {
            for (StClass c = receiver; c != null; c = c.superclass)
                for (Map.Entry<StSymbol, CompiledMethod> e : c.localMethods(env).entrySet())
                    addSelector(e.getKey().name, c, lower, found);
        } else {
            for (StClass c : env.visibleClasses())
                for (StClass side : List.of(c, c.metaclass()))
                    for (StSymbol s : side.localMethods(env).keySet()) addSelector(s.name, side, lower, found);
        }
    }

    private static void addSelector(String sel, StClass definer, String lowerPrefix, Map<String, Candidate> found) {
        if (!sel.toLowerCase(Locale.ROOT).startsWith(lowerPrefix)) return;
        int colon = sel.indexOf(':');
        String text = colon >= 0 ? sel.substring(0, colon + 1) : sel;
        if (!Character.isLetter(sel.charAt(0)) && !lowerPrefix.isEmpty()) return;
        found.putIfAbsent(text, new Candidate(text, "selector", definer.printName() + ">>" + sel));
    }

    /**
     * In {@code r at: 1 pu|}, the keyword parts typed so far ({@code at:}) and the receiver before them name the
     * message being written: answer the next keyword ({@code put:}) of the selectors that continue it.
     */
    private void keywordContinuation(List<Lexer.Tok> t, String prefix, StClass self, Map<String, Candidate> found) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int first = -1;
        for (int i = t.size() - 1; i >= 0; i--) {
            Lexer.Tok x = t.get(i);
            if (x.kind() == Lexer.Kind.CLOSE) depth++;
            else if (x.kind() == Lexer.Kind.OPEN) {
                if (depth == 0) break;
                depth--;
            } else if (depth == 0) {
                if (x.kind() == Lexer.Kind.PERIOD
                        || x.kind() == Lexer.Kind.ASSIGN
                        || x.kind() == Lexer.Kind.CARET
                        || x.kind() == Lexer.Kind.SEMI
                        || x.kind() == Lexer.Kind.PIPE) break;
                if (x.kind() == Lexer.Kind.KEYWORD) {
                    parts.addFirst(x.text());
                    first = i;
                }
            }
        }
        if (parts.isEmpty()) return;
        StClass receiver = first > 0 && isSinglePrimary(t, first - 1) ? operandClass(t, first - 1, self) : null;
        String typed = String.join("", parts) + prefix;
        String lowerTyped = typed.toLowerCase(Locale.ROOT);
        List<StClass> classes = new ArrayList<>();
        if (receiver != null) for (StClass c = receiver; c != null; c = c.superclass) classes.add(c);
        else
            for (StClass c : env.visibleClasses()) {
                classes.add(c);
                classes.add(c.metaclass());
            }
        String done = String.join("", parts);
        for (StClass c : classes) {
            for (StSymbol s : c.localMethods(env).keySet()) {
                String sel = s.name;
                if (sel.length() <= done.length()
                        || !sel.toLowerCase(Locale.ROOT).startsWith(lowerTyped)) continue;
                if (!sel.startsWith(done)) continue;
                int next = sel.indexOf(':', done.length());
                if (next < 0) continue;
                String part = sel.substring(done.length(), next + 1);
                found.putIfAbsent(part, new Candidate(part, "keyword", c.printName() + ">>" + sel));
            }
        }
    }

    /** Whether the operand ending at token {@code i} is one primary (not the result of a unary or binary send). */
    private static boolean isSinglePrimary(List<Lexer.Tok> t, int i) {
        return i == 0 || !endsOperand(t.get(i - 1)) && t.get(i - 1).kind() != Lexer.Kind.BINARY;
    }

    private void variables(
            String source, List<Lexer.Tok> t, String prefix, StClass self, Map<String, Candidate> found) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        // temporaries and block arguments declared anywhere in the source, then the method's own arguments
        Lexer all = Lexer.of(source);
        boolean inDecl = false;
        for (Lexer.Tok x : all.tokens) {
            if (x.kind() == Lexer.Kind.PIPE) inDecl = !inDecl;
            else if ((inDecl && x.kind() == Lexer.Kind.WORD) || x.kind() == Lexer.Kind.BLOCK_ARG)
                addName(x.text(), "variable", "temporary", lower, found);
            else if (inDecl) inDecl = false;
        }
        if (self != null) {
            List<Lexer.Tok> toks = all.tokens;
            for (int i = 0; i + 1 < toks.size() && toks.get(i).kind() == Lexer.Kind.KEYWORD; i += 2)
                if (toks.get(i + 1).kind() == Lexer.Kind.WORD)
                    addName(toks.get(i + 1).text(), "variable", "argument", lower, found);
            if (toks.size() > 1
                    && toks.get(0).kind() == Lexer.Kind.BINARY
                    && toks.get(1).kind() == Lexer.Kind.WORD)
                addName(toks.get(1).text(), "variable", "argument", lower, found);
            for (String iv : self.allInstVarNames()) addName(iv, "variable", "instance variable", lower, found);
        }
        for (Binding b : variables.values())
            addName(b.name, "variable", env.classes.classOf(b.value).printName(), lower, found);
        for (String p : PSEUDO) addName(p, "variable", "pseudo-variable", lower, found);
        for (StClass c : env.visibleClasses()) addName(c.name, "class", c.category, lower, found);
        for (String g : globalNames()) {
            Binding b = env.binding(g);
            if (b != null && !(b.value instanceof StClass))
                addName(g, "global", env.classes.classOf(b.value).printName(), lower, found);
        }
    }

    private List<String> globalNames() {
        return new ArrayList<>(env.globalNames());
    }

    private static void addName(
            String name, String kind, String detail, String lowerPrefix, Map<String, Candidate> found) {
        if (name.toLowerCase(Locale.ROOT).startsWith(lowerPrefix))
            found.putIfAbsent(name, new Candidate(name, kind, detail));
    }

    private List<Candidate> rank(Map<String, Candidate> found, String prefix) {
        Map<String, Integer> freq = navigation.index().sendCounts();
        List<Candidate> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparing((Candidate c) -> c.text().startsWith(prefix) ? 0 : 1)
                .thenComparing(c -> -frequency(c, freq))
                .thenComparing(Candidate::text));
        return out.size() > MAX_CANDIDATES ? out.subList(0, MAX_CANDIDATES) : out;
    }

    private static int frequency(Candidate c, Map<String, Integer> freq) {
        if (!c.kind().equals("selector") && !c.kind().equals("keyword")) return 0;
        String detail = c.detail();
        String sel = detail.substring(detail.indexOf(">>") + 2);
        return freq.getOrDefault(sel, 0);
    }
}
