package io.stui.smalltalk.compiler;

import io.stui.smalltalk.objects.ClassTable;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StObject;
import java.util.List;

/** Defines traits: method holders with no superclass, whose class side inherits from the kernel's {@code Trait}. */
public final class TraitBuilder {
    private TraitBuilder() {}

    /** Defines or redefines a trait in a workspace environment; IllegalArgumentException says why it cannot. */
    public static StClass defineTrait(
            Environment env, String name, List<String> instVars, String category, String packageName) {
        ClassTable k = env.classes;
        StClass existing = env.classNamed(name);
        StClass t;
        if (existing != null && existing.isTrait && existing.owner == env) {
            t = existing;
            t.instVarNames = instVars.toArray(new String[0]);
            t.recomputeInstSize();
            t.category = category;
            env.changed();
        } else {
            if (existing != null && existing.isKernel())
                throw new IllegalArgumentException(name + " is a kernel class and cannot be redefined here");
            t = k.makeClass(name, null, instVars.toArray(new String[0]), StClass.Format.OBJECT, category, env);
            t.isTrait = true;
            t.cls.superclass = (StClass) k.globals.get("Trait").value;
            t.cls.recomputeInstSize();
            t.slots = t.cls.instSize() == 0 ? StObject.EMPTY : new Object[t.cls.instSize()];
            if (existing != null) env.userClasses().remove(existing);
            k.register(t, env);
        }
        t.packageName = packageName;
        return t;
    }
}
