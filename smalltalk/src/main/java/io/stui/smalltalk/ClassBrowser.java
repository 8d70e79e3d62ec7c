package io.stui.smalltalk;

import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StSymbol;
import java.util.ArrayList;
import java.util.List;

/** Read-only class browsing for tools: listing classes by glob, describing a class, fetching a method's source. */
final class ClassBrowser {
    private final Environment env;

    ClassBrowser(Environment env) {
        this.env = env;
    }

    public List<Reflection.ClassInfo> listClasses(String glob, boolean includeSystem) {
        java.util.regex.Pattern p = globPattern(glob == null || glob.isBlank() ? "*" : glob);
        List<Reflection.ClassInfo> out = new ArrayList<>();
        for (StClass c : env.visibleClasses()) {
            if (!includeSystem && c.isKernel()) continue;
            if (p.matcher(c.name).matches()) out.add(info(c));
        }
        out.sort(java.util.Comparator.comparing(Reflection.ClassInfo::name));
        return out;
    }

    static java.util.regex.Pattern globPattern(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(java.util.regex.Pattern.quote(String.valueOf(ch)));
            }
        }
        return java.util.regex.Pattern.compile(re.toString());
    }

    static Reflection.ClassInfo info(StClass c) {
        return new Reflection.ClassInfo(
                c.name, c.superclass == null ? null : c.superclass.name, c.comment, c.category, c.isKernel());
    }

    public Reflection.ClassDescription describeClass(String name) {
        StClass c = env.classNamed(name);
        if (c == null) return null;
        List<String> inst =
                c.localMethods(env).keySet().stream().map(s -> s.name).sorted().toList();
        List<String> cls = c.cls.localMethods(env).keySet().stream()
                .map(s -> s.name)
                .sorted()
                .toList();
        return new Reflection.ClassDescription(
                info(c),
                List.of(c.instVarNames),
                new ArrayList<>(c.classVars.keySet()),
                List.of(c.cls.instVarNames),
                inst,
                cls);
    }

    public Reflection.MethodInfo method(String className, String selector, boolean classSide) {
        StClass c = env.classNamed(className);
        if (c == null) return null;
        StClass target = classSide ? c.cls : c;
        StSymbol sel = StSymbol.existing(selector);
        if (sel == null) return null;
        CompiledMethod m = target.localMethods(env).get(sel);
        if (m == null) return null;
        return new Reflection.MethodInfo(
                c.name, selector, m.source, m.category, classSide, List.of(m.argNames), m.comment());
    }
}
