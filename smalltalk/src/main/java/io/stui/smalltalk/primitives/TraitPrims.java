package io.stui.smalltalk.primitives;

import static io.stui.smalltalk.primitives.Primitives.FAIL;
import static io.stui.smalltalk.primitives.Primitives.bool;
import static io.stui.smalltalk.primitives.Primitives.text;

import io.stui.smalltalk.compiler.ClassBuilder;
import io.stui.smalltalk.compiler.TraitBuilder;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.Primitive;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.objects.StSymbol;
import io.stui.smalltalk.syntax.Parser;
import io.stui.smalltalk.syntax.SyntaxError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Traits as Pharo has them: a class copies the methods of its trait composition in, each compiled as if written in
 * the class (so {@code self}, {@code super} and instance variables mean what they mean there); the class's own
 * methods win over trait methods. The composition algebra ({@code +}, {@code -}, {@code @}) is Smalltalk, in
 * {@code Traits.st}; this installs its outcome. Also the reflection SUnit needs (a frame's line).
 */
final class TraitPrims {
    private TraitPrims() {}

    static void register(Map<String, Primitive> m) {
        m.put("classIsTrait", (in, r, a, s) -> bool(((StClass) r).thisClass.isTrait));
        m.put("classTraitComposition", (in, r, a, s) -> ((StClass) r).traitComposition);
        m.put("classPackageName", (in, r, a, s) -> {
            StClass c = ((StClass) r).thisClass;
            return new StString(c.packageName != null ? c.packageName : c.category);
        });
        m.put("classLocalSelectors", (in, r, a, s) -> {
            StClass c = (StClass) r;
            TreeSet<String> names = new TreeSet<>();
            for (StSymbol k : c.localMethods(in.env).keySet())
                if (c.traitOrigins == null || !c.traitOrigins.containsKey(k)) names.add(k.name);
            return names.stream().map(StSymbol::of).toArray();
        });
        m.put("classTraitOriginOf", (in, r, a, s) -> {
            StClass c = (StClass) r;
            return a[0] instanceof StSymbol sel && c.traitOrigins != null ? c.traitOrigins.get(sel) : null;
        });
        m.put("traitNamedPackage", (in, r, a, s) -> {
            String name = text(a[0]);
            String pkg = text(a[1]);
            if (name == null || pkg == null || name.isEmpty() || !Character.isUpperCase(name.charAt(0))) return FAIL;
            if (in.env.isKernel) return FAIL;
            try {
                return TraitBuilder.defineTrait(in.env, name, List.of(), pkg, pkg);
            } catch (IllegalArgumentException e) {
                return in.signalError("Error", e.getMessage(), s);
            }
        });
        m.put("classApplyTraitMethods", (in, r, a, s) -> {
            StClass c = (StClass) r;
            if (!(a[1] instanceof Object[] pairs)) return FAIL;
            if (!in.env.owns(c)) {
                return in.refuseKernelMutation(s, c.thisClass);
            }
            c.traitComposition = a[0];
            apply(in.env, c, pairs);
            return r;
        });
        m.put("contextLine", (in, r, a, s) -> (long) ((Context) r).line());
    }

    /** Replaces the class's trait methods with those of {@code pairs} ({selector. CompiledMethod} arrays). */
    private static void apply(Environment env, StClass c, Object[] pairs) {
        if (c.traitOrigins != null) for (StSymbol sel : c.traitOrigins.keySet()) c.methods.remove(sel);
        c.traitOrigins = new HashMap<>();
        Map<StSymbol, List<CompiledMethod>> bySelector = new LinkedHashMap<>();
        for (Object p : pairs) {
            if (p instanceof Object[] pair
                    && pair.length == 2
                    && pair[0] instanceof StSymbol sel
                    && pair[1] instanceof CompiledMethod cm)
                bySelector.computeIfAbsent(sel, k -> new ArrayList<>()).add(cm);
        }
        for (Map.Entry<StSymbol, List<CompiledMethod>> e : bySelector.entrySet()) {
            StSymbol sel = e.getKey();
            if (c.methods.containsKey(sel)) continue; // the class's own method wins
            CompiledMethod first = e.getValue().get(0);
            StClass origin = origin(first);
            boolean conflict = false;
            for (CompiledMethod other : e.getValue()) if (origin(other) != origin) conflict = true;
            String source = conflict ? conflictSource(sel.name) : renamed(first.source, first.selector, sel.name);
            if (source == null) continue;
            try {
                ClassBuilder.compile(env, c, source, first.category);
            } catch (SyntaxError bad) {
                // the trait method does not compile in this class (say, it assigns a variable the class lacks):
                // leave it out, as a send of it will then tell
                continue;
            }
            c.traitOrigins.put(sel, origin);
        }
        env.changed();
    }

    /** The trait a method was written in (a trait's own composition copies methods in from others). */
    private static StClass origin(CompiledMethod m) {
        StClass holder = m.methodClass;
        StClass o = holder.traitOrigins == null ? null : holder.traitOrigins.get(m.selector);
        return o != null ? o : holder;
    }

    /** The method's source under another selector of the same arity (a trait alias), or null when they differ. */
    private static String renamed(String source, StSymbol from, String to) {
        if (from.name.equals(to)) return source;
        List<String> args = Parser.patternArguments(source);
        if (arity(to) != args.size()) return null;
        return header(to, args) + source.substring(Parser.patternEnd(source));
    }

    private static String conflictSource(String selector) {
        List<String> args = new ArrayList<>();
        for (int i = 1; i <= arity(selector); i++) args.add("arg" + i);
        return header(selector, args) + "\n\t^ self traitConflict";
    }

    private static int arity(String selector) {
        if (!Character.isLetter(selector.charAt(0)) && selector.charAt(0) != '_') return 1;
        return (int) selector.chars().filter(ch -> ch == ':').count();
    }

    private static String header(String selector, List<String> args) {
        if (args.isEmpty()) return selector;
        if (arity(selector) == 1 && !selector.endsWith(":")) return selector + " " + args.get(0);
        String[] parts = selector.split(":");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) b.append(' ');
            b.append(parts[i]).append(": ").append(args.get(i));
        }
        return b.toString();
    }
}
