package io.stui.smalltalk.tools;

import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StSymbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Senders, implementors, references, class hierarchy and method search over everything a workspace sees
 * (kernel, image and its own definitions). Answers are sorted by class, side and selector, then paged.
 */
public final class Navigation {
    private final Environment env;
    private final SystemIndex index;

    public Navigation(Environment env) {
        this.env = env;
        this.index = new SystemIndex(env);
    }

    SystemIndex index() {
        return index;
    }

    private static final Comparator<MethodRef> ORDER = Comparator.comparing(MethodRef::className)
            .thenComparing(MethodRef::isClassMethod)
            .thenComparing(MethodRef::selector);

    /** Methods that send {@code selector} (or name it as a literal symbol), with the line of the first such send. */
    public Page<MethodRef> senders(String selector, int offset, int limit) {
        List<MethodRef> out = new ArrayList<>();
        for (SystemIndex.Entry e : index.entries()) {
            Integer line = e.sends().get(selector);
            if (line != null) out.add(e.ref(line));
        }
        out.sort(ORDER);
        return Page.of(out, offset, limit);
    }

    /** Methods that read or assign the global (or class) {@code name}. */
    public Page<MethodRef> references(String name, int offset, int limit) {
        List<MethodRef> out = new ArrayList<>();
        for (SystemIndex.Entry e : index.entries()) {
            Integer line = e.globals().get(name);
            if (line != null) out.add(e.ref(line));
        }
        out.sort(ORDER);
        return Page.of(out, offset, limit);
    }

    /** Classes (instance or class side) that define {@code selector}. */
    public Page<MethodRef> implementors(String selector, int offset, int limit) {
        List<MethodRef> out = new ArrayList<>();
        StSymbol sel = StSymbol.existing(selector);
        if (sel != null) {
            for (StClass c : env.visibleClasses()) {
                for (StClass side : List.of(c, c.metaclass())) {
                    if (side.localMethods(env).containsKey(sel))
                        out.add(new MethodRef(c.name, selector, side.isMeta, 1));
                }
            }
        }
        out.sort(ORDER);
        return Page.of(out, offset, limit);
    }

    /**
     * Methods whose selector matches {@code selectorGlob} ({@code *}, {@code ?}; null for any) and whose source
     * contains {@code text} (case-insensitive; null for any), with the line of the first match of the text.
     */
    public Page<MethodRef> searchMethods(String selectorGlob, String text, int offset, int limit) {
        Pattern p = selectorGlob == null || selectorGlob.isBlank() ? null : glob(selectorGlob);
        String needle = text == null || text.isEmpty() ? null : text.toLowerCase(Locale.ROOT);
        List<MethodRef> out = new ArrayList<>();
        for (SystemIndex.Entry e : index.entries()) {
            CompiledMethod m = e.method();
            if (p != null && !p.matcher(m.selector.name).matches()) continue;
            int line = 1;
            if (needle != null) {
                String src = m.source == null ? "" : m.source;
                int at = src.toLowerCase(Locale.ROOT).indexOf(needle);
                if (at < 0) continue;
                line = new SystemIndex.Lines(src).at(at);
            }
            out.add(e.ref(line));
        }
        out.sort(ORDER);
        return Page.of(out, offset, limit);
    }

    /** The superclass chain and the subclass tree down to {@code depth} levels (0: none; negative: all). */
    public java.util.Optional<Hierarchy> hierarchy(String className, int depth) {
        StClass c = env.classNamed(className);
        if (c == null) return java.util.Optional.empty();
        List<String> supers = new ArrayList<>();
        for (StClass s = c.superclass; s != null; s = s.superclass) supers.add(s.name);
        Map<StClass, List<StClass>> children = new java.util.HashMap<>();
        for (StClass x : env.visibleClasses())
            if (x.superclass != null)
                children.computeIfAbsent(x.superclass, k -> new ArrayList<>()).add(x);
        return java.util.Optional.of(new Hierarchy(c.name, supers, tree(c, children, depth)));
    }

    private static ClassTree tree(StClass c, Map<StClass, List<StClass>> children, int depth) {
        List<StClass> subs = new ArrayList<>(children.getOrDefault(c, List.of()));
        subs.sort(Comparator.comparing(x -> x.name));
        if (depth == 0) return new ClassTree(c.name, List.of(), !subs.isEmpty());
        List<ClassTree> out = new ArrayList<>();
        for (StClass s : subs) out.add(tree(s, children, depth - 1));
        return new ClassTree(c.name, out, false);
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
