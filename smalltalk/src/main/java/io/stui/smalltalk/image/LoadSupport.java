package io.stui.smalltalk.image;

import io.stui.smalltalk.compiler.ClassBuilder;
import io.stui.smalltalk.compiler.TraitBuilder;
import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StSymbol;
import io.stui.smalltalk.syntax.SyntaxError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the code loader ({@code io.stui.smalltalk.image.CodeLoader}) needs from the object model: defining classes
 * and traits from declarations, compiling methods into them, and a checkpoint that puts a workspace environment
 * back as it was, which makes a load all-or-nothing.
 */
public final class LoadSupport {
    private LoadSupport() {}

    /** A workspace environment's definitions as they were when taken; {@link #restore()} puts them back. */
    public static final class Checkpoint {
        private final Environment env;
        private final LinkedHashMap<String, Binding> globals;
        private final IdentityHashMap<Binding, Object> values = new IdentityHashMap<>();
        private final List<StClass> userClasses;
        private final Map<StClass, Map<StSymbol, CompiledMethod>> extensions = new LinkedHashMap<>();
        private final List<ClassState> classes = new ArrayList<>();

        private Checkpoint(Environment env) {
            this.env = env;
            this.globals = new LinkedHashMap<>(env.globals);
            for (Binding b : globals.values()) values.put(b, b.value);
            this.userClasses = new ArrayList<>(env.userClasses());
            env.extensions().forEach((c, m) -> extensions.put(c, new LinkedHashMap<>(m)));
            for (StClass c : userClasses) {
                classes.add(new ClassState(c));
                classes.add(new ClassState(c.cls));
                for (Binding b : c.classVars.values()) values.put(b, b.value);
            }
        }

        /** Puts the environment back as it was when the checkpoint was taken. */
        public void restore() {
            env.globals.clear();
            env.globals.putAll(globals);
            values.forEach((b, v) -> b.value = v);
            env.userClasses().clear();
            env.userClasses().addAll(userClasses);
            env.extensions().clear();
            extensions.forEach((c, m) -> env.extensions().put(c, new LinkedHashMap<>(m)));
            for (ClassState s : classes) s.restore();
            for (StClass c : userClasses) {
                recompute(c);
                recompute(c.cls);
            }
            env.changed();
        }

        private static void recompute(StClass c) {
            if (c.superclass != null && !c.superclass.isKernel()) recompute(c.superclass);
            c.recomputeInstSize();
        }
    }

    /** The mutable state of one class or metaclass. */
    private record ClassState(
            StClass c,
            StClass superclass,
            String[] instVarNames,
            StClass.Format format,
            String category,
            String comment,
            String packageName,
            LinkedHashMap<String, Binding> classVars,
            HashMap<StSymbol, CompiledMethod> methods,
            Object[] slots,
            Object traitComposition,
            Map<StSymbol, StClass> traitOrigins) {
        ClassState(StClass c) {
            this(
                    c,
                    c.superclass,
                    c.instVarNames,
                    c.format,
                    c.category,
                    c.comment,
                    c.packageName,
                    new LinkedHashMap<>(c.classVars),
                    new HashMap<>(c.methods),
                    c.slots.clone(),
                    c.traitComposition,
                    c.traitOrigins == null ? null : new HashMap<>(c.traitOrigins));
        }

        void restore() {
            c.superclass = superclass;
            c.instVarNames = instVarNames;
            c.format = format;
            c.category = category;
            c.comment = comment;
            c.packageName = packageName;
            c.classVars.clear();
            c.classVars.putAll(classVars);
            c.methods.clear();
            c.methods.putAll(methods);
            c.slots = slots;
            c.traitComposition = traitComposition;
            c.traitOrigins = traitOrigins;
        }
    }

    public static Checkpoint checkpoint(Environment env) {
        return new Checkpoint(env);
    }

    /** The class or trait of that name visible in the session, or null. */
    public static StClass classNamed(Environment env, String name) {
        return env.classNamed(name);
    }

    /**
     * Defines or redefines a class as a Tonel or chunk declaration says; {@code superclassName} null for a root
     * class. Throws IllegalArgumentException with a user-facing reason.
     */
    public static StClass defineClass(
            Environment env,
            String name,
            String superclassName,
            List<String> instVars,
            List<String> classVars,
            List<String> classInstVars,
            String category,
            String packageName,
            boolean variable) {
        StClass sup = null;
        if (superclassName != null) {
            sup = env.classNamed(superclassName);
            if (sup == null) throw new IllegalArgumentException("superclass " + superclassName + " is not defined");
            if (sup.isTrait) throw new IllegalArgumentException(superclassName + " is a trait, not a class");
        }
        StClass existing = env.classNamed(name);
        if (existing != null && existing.isKernel())
            throw new IllegalArgumentException(name + " is a kernel class and cannot be redefined here");
        if (existing != null && existing.isTrait)
            throw new IllegalArgumentException(name + " is already defined as a trait");
        StClass c = ClassBuilder.defineClass(
                env,
                sup,
                name,
                String.join(" ", instVars),
                String.join(" ", classVars),
                category,
                variable,
                String.join(" ", classInstVars));
        c.packageName = packageName;
        return c;
    }

    /** Defines or redefines a trait (see {@link TraitBuilder#defineTrait}). */
    public static StClass defineTrait(
            Environment env, String name, List<String> instVars, String category, String packageName) {
        return TraitBuilder.defineTrait(env, name, instVars, category, packageName);
    }

    /** Compiles a method into a class (or its metaclass); throws SyntaxError with offsets in {@code source}. */
    public static void compile(Environment env, StClass cls, String source, String category) throws SyntaxError {
        ClassBuilder.compile(env, cls, source, category);
    }

    /** Sets a class comment (the loader's, kernel classes excepted). */
    public static void setComment(StClass cls, String comment) {
        if (!cls.isKernel()) cls.comment = comment;
    }

    /** Workspace classes and traits, in definition order. */
    public static List<StClass> userClasses(Environment env) {
        return List.copyOf(env.userClasses());
    }
}
