package io.stui.smalltalk.compiler;

import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.ClassTable;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.Primitive;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.syntax.Ast;
import io.stui.smalltalk.syntax.Parser;
import io.stui.smalltalk.syntax.SyntaxError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Defines classes and compiles methods into them, in the kernel while it boots or in a workspace's overlay:
 * what {@code subclass:instanceVariableNames:...} and {@code compile:} do.
 */
public final class ClassBuilder {
    private ClassBuilder() {}

    /** Compiles method source into a class for the given environment (kernel or workspace overlay). */
    public static CompiledMethod compile(Environment env, StClass cls, String source, String category) {
        return env.isKernel
                ? compileKernelMethod(env, cls, source, category)
                : compileWorkspaceMethod(env, cls, source, category);
    }

    /** A workspace's method, parsed and compiled now, so that its errors show when it is defined. */
    private static CompiledMethod compileWorkspaceMethod(Environment env, StClass cls, String source, String category) {
        Ast.Method ast = Parser.parseMethod(source);
        if (ast.primitive() != null) {
            if (env.classes.primitive(ast.primitive()) == null) {
                throw new SyntaxError("Unknown primitive '" + ast.primitive() + "'", source, ast.pos());
            }
            throw new SyntaxError("Primitives are reserved to the kernel", source, ast.pos());
        }
        CompiledMethod m = new CompiledMethod(ast, cls, category, null, false, null, Compiler.bodies(env.classes));
        m.ensureCompiled();
        env.install(cls, m);
        return m;
    }

    /**
     * A kernel method, installed from its header: its body is parsed and compiled on its first call, and
     * KernelSourcesTest compiles every one, so a kernel source that does not parse fails the build, not a server.
     */
    private static CompiledMethod compileKernelMethod(Environment env, StClass cls, String source, String category) {
        Parser.Header header = Parser.header(source);
        Primitive prim = null;
        if (header.primitive() != null) {
            prim = env.classes.primitive(header.primitive());
            if (prim == null) throw new SyntaxError("Unknown primitive '" + header.primitive() + "'", source, 0);
        }
        CompiledMethod m = new CompiledMethod(header, source, cls, category, prim, Compiler.bodies(env.classes));
        env.install(cls, m);
        return m;
    }

    /** Defines (or redefines in place) a class in an environment, as {@code subclass:instanceVariableNames:...} does. */
    public static StClass defineClass(
            Environment env,
            StClass sup,
            String name,
            String ivars,
            String cvars,
            String category,
            boolean variable,
            String classIvars) {
        ClassTable classes = env.classes;
        String[] iv =
                ivars == null || ivars.isBlank() ? new String[0] : ivars.trim().split("\\s+");
        StClass.Format fmt = StClass.Format.OBJECT;
        if (sup != null) {
            switch (sup.format) {
                case ARRAY, INDEXED -> fmt = StClass.Format.INDEXED;
                case OBJECT -> fmt = variable ? StClass.Format.INDEXED : StClass.Format.OBJECT;
                default -> {
                    if (!env.isKernel)
                        throw new IllegalArgumentException(
                                sup.name + " cannot be subclassed here: its instances are built-in values");
                    fmt = sup.format;
                }
            }
        }
        Binding existing = env.globals.get(name);
        StClass below = existing == null ? classBelow(env, name) : null;
        StClass c;
        if (existing != null
                && existing.value instanceof StClass old
                && !old.isMeta
                && (old.owner == env || env.isKernel && old.owner == null)) {
            c = old;
            boolean layoutChanged = c.superclass != sup || !Arrays.equals(c.instVarNames, iv);
            c.superclass = sup;
            c.cls.superclass = sup == null ? classes.classClass : sup.cls;
            c.instVarNames = iv;
            c.recomputeInstSize();
            c.format = fmt;
            c.category = category;
            if (layoutChanged && !env.isKernel) recompileHierarchy(env, c);
            env.changed();
        } else {
            c = classes.makeClass(name, sup, iv, fmt, category, env.isKernel ? null : env);
            classes.register(c, env);
        }
        if (cvars != null && !cvars.isBlank()) {
            for (String cv : cvars.trim().split("\\s+")) c.classVars.putIfAbsent(cv, new Binding(cv, null));
        }
        if (classIvars != null) {
            c.cls.instVarNames =
                    classIvars.isBlank() ? new String[0] : classIvars.trim().split("\\s+");
            c.cls.recomputeInstSize();
            if (c.slots.length < c.cls.instSize()) c.slots = Arrays.copyOf(c.slots, c.cls.instSize());
        }
        if (below != null) copyFromBelow(env, below, c);
        return c;
    }

    /** The class named {@code name} of the layer {@code env} is over (the image, for a session), or null. */
    private static StClass classBelow(Environment env, String name) {
        if (env.view() == null) return null;
        Binding b = env.view().globals().get(name);
        return b != null && b.value instanceof StClass c && !c.isMeta && c.owner == env.parent() ? c : null;
    }

    /**
     * Copy on write: a layer that redefines a class of the layer below gets a class of its own that starts with the
     * other's methods (recompiled for the new shape; one that no longer compiles is left out), comment, package and
     * class-variable values, so the change stays in the layer and the class keeps working there.
     */
    private static void copyFromBelow(Environment env, StClass below, StClass c) {
        c.comment = below.comment;
        c.packageName = below.packageName;
        below.classVars.forEach((n, b) -> c.classVars.putIfAbsent(n, new Binding(n, b.value)));
        for (StClass[] sides : new StClass[][] {{below, c}, {below.cls, c.cls}}) {
            java.util.Map<io.stui.smalltalk.objects.StSymbol, CompiledMethod> methods =
                    env.view().methods().get(sides[0]);
            if (methods == null) continue;
            for (CompiledMethod m : methods.values()) {
                if (sides[1].methods.containsKey(m.selector)) continue;
                try {
                    compile(env, sides[1], m.source, m.category);
                } catch (SyntaxError e) {
                    // the method uses a variable the new shape lacks: the layer's class does without it
                }
            }
        }
    }

    /** After a class changed shape, recompiles its methods and its subclasses' so slot indexes stay right. */
    private static void recompileHierarchy(Environment env, StClass c) {
        for (StClass x : new ArrayList<>(env.userClasses())) {
            if (x != c && !x.inheritsFrom(c)) continue;
            x.recomputeInstSize();
            for (StClass side : List.of(x, x.cls)) {
                for (CompiledMethod m : new ArrayList<>(side.methods.values())) {
                    try {
                        compile(env, side, m.source, m.category);
                    } catch (SyntaxError e) {
                        // the method refers to a variable the new shape lacks: drop it, as the class no longer supports
                        // it
                        side.methods.remove(m.selector);
                    }
                }
            }
        }
    }
}
