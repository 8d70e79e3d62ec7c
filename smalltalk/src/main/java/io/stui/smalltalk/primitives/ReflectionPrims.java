package io.stui.smalltalk.primitives;

import static io.stui.smalltalk.primitives.Primitives.FAIL;
import static io.stui.smalltalk.primitives.Primitives.bool;
import static io.stui.smalltalk.primitives.Primitives.text;

import io.stui.smalltalk.compiler.ClassBuilder;
import io.stui.smalltalk.compiler.Literals;
import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.Interpreter;
import io.stui.smalltalk.objects.Primitive;
import io.stui.smalltalk.objects.StBlock;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StIndexed;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.objects.StSymbol;
import io.stui.smalltalk.syntax.Parser;
import io.stui.smalltalk.syntax.SyntaxError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Classes as objects: instantiation, names, hierarchy, methods and run-time definition (workspace-local). */
final class ReflectionPrims {
    private ReflectionPrims() {}

    static void register(Map<String, Primitive> m) {
        m.put("basicNew", (in, r, a, s) -> {
            StClass c = (StClass) r;
            return switch (c.format) {
                case OBJECT -> {
                    in.allocate(16L + 8L * c.instSize(), s);
                    yield new StObject(c, c.instSize());
                }
                case INDEXED -> new StIndexed(c, c.instSize(), 0);
                case ARRAY -> new Object[0];
                case STRING -> new StString(new char[0]);
                case BYTES -> new byte[0];
                default -> FAIL;
            };
        });
        // as Pharo: a class's name is a Symbol, a metaclass's ('Foo class') a String
        m.put("className", (in, r, a, s) -> {
            StClass c = (StClass) r;
            return c.isMeta ? new StString(c.printName()) : StSymbol.of(c.printName());
        });
        m.put("classSuperclass", (in, r, a, s) -> ((StClass) r).superclass);
        m.put("classIsMeta", (in, r, a, s) -> bool(((StClass) r).isMeta));
        m.put("classInstanceClass", (in, r, a, s) -> ((StClass) r).thisClass);
        m.put("classCategory", (in, r, a, s) -> new StString(((StClass) r).thisClass.category));
        m.put(
                "classComment",
                (in, r, a, s) ->
                        new StString(((StClass) r).thisClass.comment == null ? "" : ((StClass) r).thisClass.comment));
        m.put("classSetComment", (in, r, a, s) -> {
            StClass c = ((StClass) r).thisClass;
            if (!in.env.owns(c)) {
                in.refuseKernelMutation(s, c);
                return r;
            }
            c.comment = text(a[0]);
            return r;
        });
        m.put("classSetCategory", (in, r, a, s) -> {
            StClass c = ((StClass) r).thisClass;
            if (!in.env.owns(c)) {
                in.refuseKernelMutation(s, c);
                return r;
            }
            c.category = text(a[0]);
            return r;
        });
        // as Pharo: instance variable names are Symbols
        m.put("classInstVarNames", (in, r, a, s) -> symbols(List.of(((StClass) r).instVarNames)));
        m.put("classAllInstVarNames", (in, r, a, s) -> symbols(((StClass) r).allInstVarNames()));
        m.put(
                "classClassVarNames",
                (in, r, a, s) -> strings(new ArrayList<>(((StClass) r).thisClass.classVars.keySet())));
        m.put("classInstSize", (in, r, a, s) -> (long) ((StClass) r).instSize());
        m.put("classSelectors", (in, r, a, s) -> {
            TreeSet<String> names = new TreeSet<>();
            for (StSymbol k : ((StClass) r).localMethods(in.env).keySet()) names.add(k.name);
            return names.stream().map(StSymbol::of).toArray();
        });
        m.put(
                "classIncludesSelector",
                (in, r, a, s) -> bool(a[0] instanceof StSymbol sel
                        && ((StClass) r).localMethods(in.env).containsKey(sel)));
        m.put("classCompiledMethodAt", (in, r, a, s) -> {
            if (!(a[0] instanceof StSymbol sel)) return FAIL;
            CompiledMethod cm = ((StClass) r).localMethods(in.env).get(sel);
            return cm == null ? FAIL : cm;
        });
        m.put("classLookup", (in, r, a, s) -> a[0] instanceof StSymbol sel ? in.env.lookup((StClass) r, sel) : FAIL);
        m.put("classSubclasses", (in, r, a, s) -> {
            StClass c = (StClass) r;
            List<Object> out = new ArrayList<>();
            for (StClass x : in.env.visibleClasses()) {
                StClass y = c.isMeta ? x.cls : x;
                if (y.superclass == c) out.add(y);
            }
            return out.toArray();
        });
        m.put("classInheritsFrom", (in, r, a, s) -> bool(a[0] instanceof StClass o && ((StClass) r).inheritsFrom(o)));
        m.put("classIsKernel", (in, r, a, s) -> bool(((StClass) r).isKernel()));
        m.put("classCompile", (in, r, a, s) -> {
            String src = text(a[0]);
            if (src == null) return FAIL;
            String cat = a.length > 1 && text(a[1]) != null ? text(a[1]) : "as yet unclassified";
            try {
                CompiledMethod cm = ClassBuilder.compile(in.env, (StClass) r, src, cat);
                return cm.selector;
            } catch (SyntaxError e) {
                return in.signalError(
                        "SyntaxErrorNotification",
                        e.getMessage() + " (line " + e.line() + ", column " + e.column() + ")",
                        s);
            }
        });
        m.put("classRemoveSelector", (in, r, a, s) -> {
            if (!(a[0] instanceof StSymbol sel)) return FAIL;
            StClass c = (StClass) r;
            if (!in.env.owns(c)) {
                Map<StSymbol, CompiledMethod> ext = in.env.extensionsFor(c);
                if (ext == null || !ext.containsKey(sel)) {
                    in.refuseKernelMutation(s, c);
                    return null;
                }
            }
            in.env.removeMethod(c, sel);
            return r;
        });
        // subclass: #Name instanceVariableNames: '' classVariableNames: '' package: 'x' (and the category: spelling)
        m.put("classSubclass", (in, r, a, s) -> defineSubclass(in, (StClass) r, a, false, s));
        m.put("classVariableSubclass", (in, r, a, s) -> defineSubclass(in, (StClass) r, a, true, s));
        m.put("classSetClassInstVarNames", (in, r, a, s) -> {
            StClass meta = (StClass) r;
            String names = text(a[0]);
            if (!meta.isMeta || names == null) return FAIL;
            if (!in.env.owns(meta)) {
                in.refuseKernelMutation(s, meta.thisClass);
                return r;
            }
            StClass c = meta.thisClass;
            ClassBuilder.defineClass(
                    in.env,
                    c.superclass,
                    c.name,
                    String.join(" ", c.instVarNames),
                    "",
                    c.category,
                    c.format == StClass.Format.INDEXED,
                    names);
            return r;
        });
        m.put("classAddClassVarNamed", (in, r, a, s) -> {
            StClass c = ((StClass) r).thisClass;
            String name = text(a[0]);
            if (name == null) return FAIL;
            if (!in.env.owns(c)) {
                in.refuseKernelMutation(s, c);
                return r;
            }
            c.classVars.putIfAbsent(name, new Binding(name, null));
            in.env.changed();
            return r;
        });

        // ---- compiled methods
        m.put("methodSelector", (in, r, a, s) -> ((CompiledMethod) r).selector);
        m.put("methodSource", (in, r, a, s) -> new StString(((CompiledMethod) r).source));
        m.put("methodClass", (in, r, a, s) -> ((CompiledMethod) r).methodClass);
        m.put("methodCategory", (in, r, a, s) -> new StString(((CompiledMethod) r).category));
        m.put("methodNumArgs", (in, r, a, s) -> (long) ((CompiledMethod) r).numArgs);
        m.put("methodArgNames", (in, r, a, s) -> strings(List.of(((CompiledMethod) r).argNames)));
        m.put("methodSetCategory", (in, r, a, s) -> {
            CompiledMethod cm = (CompiledMethod) r;
            String cat = text(a[0]);
            if (cat == null) return FAIL;
            if (!ownsMethod(in, cm)) {
                in.refuseKernelMutation(s, cm.methodClass.thisClass);
                return r;
            }
            cm.category = cat;
            in.env.changed();
            return r;
        });
        // each pragma as {selector. arguments}; the kernel's Pragma class wraps them
        m.put("methodPragmas", (in, r, a, s) -> {
            CompiledMethod cm = (CompiledMethod) r;
            if (cm.source == null) return new Object[0];
            List<Parser.PragmaSpec> specs;
            try {
                specs = Parser.pragmasOf(cm.source);
            } catch (SyntaxError e) {
                return new Object[0];
            }
            Object[] out = new Object[specs.size()];
            for (int i = 0; i < out.length; i++) {
                Parser.PragmaSpec p = specs.get(i);
                Object[] args = new Object[p.args().size()];
                for (int j = 0; j < args.length; j++)
                    args[j] = Literals.runtimeValue(p.args().get(j));
                out[i] = new Object[] {StSymbol.of(p.selector()), args};
            }
            return out;
        });
        m.put("methodUses", (in, r, a, s) -> {
            CompiledMethod cm = (CompiledMethod) r;
            if (cm.source == null) return FAIL;
            try {
                return MethodUses.of(cm.source);
            } catch (SyntaxError e) {
                return FAIL;
            }
        });
        m.put("blockUses", (in, r, a, s) -> {
            String source = ((StBlock) r).code.sourceText();
            if (source == null) return FAIL;
            try {
                return MethodUses.ofBlock(source);
            } catch (SyntaxError e) {
                return FAIL;
            }
        });
        m.put("classProtocolTable", (in, r, a, s) -> ((StClass) r).protocolTable);
        m.put("classSetProtocolTable", (in, r, a, s) -> {
            StClass c = (StClass) r;
            if (!in.env.owns(c)) return FAIL;
            c.protocolTable = a[0];
            return r;
        });
        m.put("classOwnedHere", (in, r, a, s) -> bool(in.env.owns((StClass) r)));
    }

    /** A workspace may change its own classes' methods and its own extensions, never the shared kernel's. */
    private static boolean ownsMethod(Interpreter in, CompiledMethod cm) {
        if (in.env.owns(cm.methodClass)) return in.env.localMethod(cm.methodClass, cm.selector) == cm;
        Map<StSymbol, CompiledMethod> ext = in.env.extensionsFor(cm.methodClass);
        return ext != null && ext.get(cm.selector) == cm;
    }

    private static Object[] symbols(List<String> names) {
        return names.stream().map(StSymbol::of).toArray();
    }

    private static Object[] strings(List<String> names) {
        Object[] out = new Object[names.size()];
        for (int i = 0; i < out.length; i++) out[i] = new StString(names.get(i));
        return out;
    }

    private static Object defineSubclass(Interpreter in, StClass sup, Object[] a, boolean variable, Context s) {
        String name = text(a[0]);
        String ivars = text(a[1]);
        String cvars = text(a[2]);
        String pkg = text(a[3]);
        if (name == null || ivars == null || cvars == null || pkg == null) return FAIL;
        if (name.isEmpty()
                || !Character.isUpperCase(name.charAt(0))
                || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_'))
            return in.signalError(
                    "Error", "Invalid class name '" + name + "': class names start with an uppercase letter", s);
        if (sup.isMeta) return FAIL;
        for (String v : ivars.trim().split("\\s+"))
            if (!v.isEmpty() && !v.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_'))
                return in.signalError("Error", "Invalid instance variable name '" + v + "'", s);
        try {
            return ClassBuilder.defineClass(in.env, sup, name, ivars, cvars, pkg, variable, null);
        } catch (IllegalArgumentException e) {
            return in.signalError("Error", e.getMessage(), s);
        }
    }
}
