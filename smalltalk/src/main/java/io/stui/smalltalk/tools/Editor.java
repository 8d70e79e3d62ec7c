package io.stui.smalltalk.tools;

import io.stui.smalltalk.compiler.ClassBuilder;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StSymbol;
import io.stui.smalltalk.syntax.SyntaxError;
import java.util.ArrayList;
import java.util.List;

/**
 * Changing code in a workspace the way a browser does: compile a method, define, remove. Changes land in the
 * workspace's overlay (never in the kernel: methods added to kernel classes are the workspace's extensions), show
 * in browsing and navigation at once (the environment's token changes) and are kept by snapshots.
 */
public final class Editor {
    private final Environment env;

    public Editor(Environment env) {
        this.env = env;
    }

    private StClass classNamed(String name) {
        StClass c = env.classNamed(name);
        if (c == null) throw new IllegalArgumentException("no class named " + name);
        return c;
    }

    /**
     * Compiles {@code source} (a method: pattern, temporaries, statements) into a class or its metaclass.
     *
     * @throws IllegalArgumentException when the class does not exist
     */
    public CompileOutcome compileMethod(String className, String source, String category, boolean classSide) {
        StClass c = classNamed(className);
        StClass target = classSide ? c.metaclass() : c;
        String cat = category == null || category.isBlank() ? "as yet unclassified" : category;
        try {
            return CompileOutcome.compiled(ClassBuilder.compile(env, target, source, cat).selector.name);
        } catch (SyntaxError e) {
            return CompileOutcome.failed(e.getMessage(), e.line(), e.column());
        } catch (StackOverflowError e) {
            return CompileOutcome.failed("the method is nested too deeply", 1, 1);
        }
    }

    /**
     * Defines a class, or redefines one this workspace defined (its methods are recompiled when its shape changes).
     * Variables are space-separated names.
     *
     * @throws IllegalArgumentException for a bad name, an unknown superclass or a kernel class name
     */
    public StClass defineClass(
            String name,
            String superclass,
            String instanceVariables,
            String classVariables,
            String classInstanceVariables,
            String packageName) {
        if (name == null
                || name.isEmpty()
                || !Character.isUpperCase(name.charAt(0))
                || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_'))
            throw new IllegalArgumentException(
                    "invalid class name '" + name + "': class names start with an uppercase letter");
        StClass sup = classNamed(superclass == null || superclass.isBlank() ? "Object" : superclass);
        StClass existing = env.classNamed(name);
        if (existing != null && existing.isKernel())
            throw new IllegalArgumentException(name + " is a kernel class and cannot be redefined");
        for (String vars : new String[] {instanceVariables, classVariables, classInstanceVariables}) {
            if (vars == null) continue;
            for (String v : vars.trim().split("\\s+"))
                if (!v.isEmpty() && !v.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_'))
                    throw new IllegalArgumentException("invalid variable name '" + v + "'");
        }
        String pkg = packageName == null || packageName.isBlank() ? "Unclassified" : packageName;
        return ClassBuilder.defineClass(
                env,
                sup,
                name,
                instanceVariables == null ? "" : instanceVariables,
                classVariables == null ? "" : classVariables,
                pkg,
                false,
                classInstanceVariables == null ? "" : classInstanceVariables);
    }

    /**
     * Removes a method this workspace defined (on its own class or as an extension of a kernel class).
     *
     * @return false when there was no such method; kernel methods cannot be removed
     */
    public boolean removeMethod(String className, String selector, boolean classSide) {
        StClass c = classNamed(className);
        StClass target = classSide ? c.metaclass() : c;
        StSymbol sel = StSymbol.existing(selector);
        if (sel == null) return false;
        if (!env.owns(target)) {
            var ext = env.extensionsFor(target);
            if (ext == null || !ext.containsKey(sel)) {
                if (env.localMethod(target, sel) != null)
                    throw new IllegalArgumentException(target.printName() + ">>" + selector
                            + (target.isKernel()
                                    ? " is a kernel method"
                                    : " belongs to the image: remove it without a session"));
                return false;
            }
        } else if (!target.methods.containsKey(sel)) return false;
        return env.removeMethod(target, sel);
    }

    /**
     * Removes a class this workspace defined.
     *
     * @throws IllegalArgumentException for a kernel class, or a class that still has subclasses
     */
    public boolean removeClass(String name) {
        StClass c = env.classNamed(name);
        if (c == null) return false;
        if (c.isKernel()) throw new IllegalArgumentException(name + " is a kernel class and cannot be removed");
        if (!env.owns(c))
            throw new IllegalArgumentException(name + " belongs to the image: remove it without a session");
        List<String> subs = new ArrayList<>();
        for (StClass x : env.visibleClasses()) if (x.superclass == c) subs.add(x.name);
        if (!subs.isEmpty())
            throw new IllegalArgumentException(
                    name + " has subclasses (" + String.join(", ", subs) + "): remove them first");
        return env.removeGlobal(name);
    }
}
