package io.stui.smalltalk.tools;

import io.stui.smalltalk.objects.ClassTable;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.LayerView;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StSymbol;
import io.stui.smalltalk.syntax.Ast;
import io.stui.smalltalk.syntax.Parser;
import io.stui.smalltalk.syntax.SyntaxError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which methods send which selectors and name which globals, read from the methods' sources. The kernel's part
 * is built once per JVM (the kernel never changes after boot); a workspace's part is rebuilt, lazily, after any
 * definition (its environment's token changes), and only covers what the workspace defined.
 */
final class SystemIndex {
    /** One method and what it uses: selectors it sends (or names as literal symbols) and globals it reads. */
    record Entry(StClass cls, CompiledMethod method, Map<String, Integer> sends, Map<String, Integer> globals) {
        MethodRef ref(int line) {
            StClass c = cls;
            return new MethodRef(c.isMeta ? c.thisClass.name : c.name, method.selector.name, c.isMeta, line);
        }
    }

    private static volatile List<Entry> kernelEntries;

    private final Environment env;
    private Object builtFor;
    private List<Entry> ownEntries = List.of();
    /** The entries of the parent layer's methods, for the view they were read from. */
    private LayerView parentFor;

    private List<Entry> parentEntries = List.of();

    SystemIndex(Environment env) {
        this.env = env;
    }

    /** Every method visible in the workspace, with its uses: kernel methods not replaced, then the workspace's. */
    synchronized List<Entry> entries() {
        List<Entry> kernel = kernelEntries(env.classes);
        if (builtFor != env.token()) {
            List<Entry> own = new ArrayList<>();
            for (StClass c : env.userClasses()) {
                if (env.classNamed(c.name) != c) continue;
                for (StClass side : List.of(c, c.metaclass()))
                    for (CompiledMethod m : side.methods.values()) own.add(entry(side, m));
            }
            for (Map.Entry<StClass, Map<StSymbol, CompiledMethod>> e :
                    env.extensions().entrySet())
                for (CompiledMethod m : e.getValue().values()) own.add(entry(e.getKey(), m));
            ownEntries = own;
            builtFor = env.token();
        }
        LayerView view = env.view();
        if (view != parentFor) {
            List<Entry> below = new ArrayList<>();
            if (view != null)
                for (Map.Entry<StClass, Map<StSymbol, CompiledMethod>> e :
                        view.methods().entrySet())
                    for (CompiledMethod m : e.getValue().values()) below.add(entry(e.getKey(), m));
            parentEntries = below;
            parentFor = view;
        }
        List<Entry> all = new ArrayList<>(kernel.size() + parentEntries.size() + ownEntries.size());
        boolean overlay = !env.extensions().isEmpty() || !env.userClasses().isEmpty() || view != null;
        for (Entry e : kernel) {
            if (overlay && !visible(e)) continue;
            all.add(e);
        }
        for (Entry e : parentEntries) if (visible(e)) all.add(e);
        all.addAll(ownEntries);
        return all;
    }

    /** A method below this workspace is hidden when the workspace (or a layer between) replaced it or its class's name. */
    private boolean visible(Entry e) {
        StClass base = e.cls.isMeta ? e.cls.thisClass : e.cls;
        if (env.classNamed(base.name) != base) return false;
        return env.localMethod(e.cls, e.method.selector) == e.method;
    }

    private static List<Entry> kernelEntries(ClassTable k) {
        List<Entry> e = kernelEntries;
        if (e != null) return e;
        synchronized (SystemIndex.class) {
            if (kernelEntries == null) {
                List<Entry> out = new ArrayList<>();
                for (StClass c : k.kernelClasses)
                    for (StClass side : List.of(c, c.metaclass()))
                        for (CompiledMethod m : side.methods.values()) out.add(entry(side, m));
                kernelEntries = List.copyOf(out);
            }
            return kernelEntries;
        }
    }

    static Entry entry(StClass cls, CompiledMethod m) {
        Map<String, Integer> sends = new LinkedHashMap<>();
        Map<String, Integer> globals = new LinkedHashMap<>();
        String src = m.source;
        if (src != null) {
            try {
                Ast.Method ast = Parser.parseMethod(src);
                Lines lines = new Lines(src);
                Ast.walk(ast.statements(), a -> index(a, lines, sends, globals));
            } catch (SyntaxError | StackOverflowError ignored) {
                // a source that no longer parses (it compiled once) contributes nothing
            }
        }
        return new Entry(cls, m, sends, globals);
    }

    private static void index(Ast a, Lines lines, Map<String, Integer> sends, Map<String, Integer> globals) {
        switch (a) {
            case Ast.Send s -> sends.putIfAbsent(s.selector(), lines.at(s.pos()));
            case Ast.Assign as -> {
                if (Character.isUpperCase(as.name().charAt(0))) globals.putIfAbsent(as.name(), lines.at(as.pos()));
            }
            case Ast.Variable v -> {
                if (Character.isUpperCase(v.name().charAt(0))) globals.putIfAbsent(v.name(), lines.at(v.pos()));
            }
            case Ast.Literal l -> literal(l.value(), lines.at(l.pos()), sends);
            default -> {}
        }
    }

    /** Literal symbols count as sends, as in Pharo ({@code perform: #foo}, {@code collect: #name}). */
    private static void literal(Object v, int line, Map<String, Integer> sends) {
        if (v instanceof StSymbol s) sends.putIfAbsent(s.name, line);
        else if (v instanceof Object[] arr) for (Object x : arr) literal(x, line, sends);
    }

    /** Line numbers by offset, computed once per source. */
    static final class Lines {
        private final int[] starts;

        Lines(String src) {
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < src.length(); i++) if (src.charAt(i) == '\n') s.add(i + 1);
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        int at(int pos) {
            int i = java.util.Arrays.binarySearch(starts, pos);
            return (i >= 0 ? i : -i - 2) + 1;
        }
    }

    private Map<String, Integer> counts;
    private Object countsFor;

    /** How many visible methods send each selector (completion ranks by it). */
    synchronized Map<String, Integer> sendCounts() {
        List<Entry> all = entries();
        if (counts == null || countsFor != env.token()) {
            Map<String, Integer> c = new HashMap<>();
            for (Entry e : all) for (String s : e.sends.keySet()) c.merge(s, 1, Integer::sum);
            counts = c;
            countsFor = env.token();
        }
        return counts;
    }
}
