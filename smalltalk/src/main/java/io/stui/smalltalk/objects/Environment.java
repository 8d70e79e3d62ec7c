package io.stui.smalltalk.objects;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The name space code runs in. The kernel environment writes into the kernel itself (only during boot);
 * a workspace environment overlays globals, classes and methods on the frozen kernel without touching it.
 */
public final class Environment {
    /** The kernel this environment overlays. */
    public final ClassTable classes;

    public final boolean isKernel;
    /** Globals defined in this environment (for the kernel environment: the kernel globals). */
    public final Map<String, Binding> globals;
    /** Methods this environment added to kernel classes. */
    private final Map<StClass, Map<StSymbol, CompiledMethod>> extensions = new LinkedHashMap<>();
    /** Classes defined in this environment, in definition order. */
    private final List<StClass> userClasses = new ArrayList<>();
    /** Identity token of the current method/global state; changes on every definition. */
    private volatile Object token = new Object();

    private final HashMap<StClass, HashMap<StSymbol, CompiledMethod>> lookupCache = new HashMap<>();

    public Environment(ClassTable classes, boolean isKernel) {
        this.classes = classes;
        this.isKernel = isKernel;
        this.globals = isKernel ? classes.globals : new LinkedHashMap<>();
    }

    /**
     * Identity token of the current method and global state: send-site caches and compiled doits are valid while
     * it is the one they saw.
     */
    public Object token() {
        return token;
    }

    /** True when this environment has added no method to a kernel class (so kernel behaviour is the kernel's). */
    public boolean extendsNoKernelClass() {
        return extensions.isEmpty();
    }

    public List<StClass> userClasses() {
        return userClasses;
    }

    public Map<StClass, Map<StSymbol, CompiledMethod>> extensions() {
        return extensions;
    }

    public Map<StSymbol, CompiledMethod> extensionsFor(StClass c) {
        return extensions.isEmpty() ? null : extensions.get(c);
    }

    public void changed() {
        token = new Object();
        lookupCache.clear();
    }

    /**
     * Forgets this workspace environment's globals, classes and kernel extensions. The lookup and send-site caches only go
     * stale when a definition goes away, so an environment that defined nothing (the server's per-request scratch
     * workspace) keeps them warm.
     */
    public void clearDefinitions() {
        if (globals.isEmpty() && userClasses.isEmpty() && extensions.isEmpty()) return;
        globals.clear();
        userClasses.clear();
        extensions.clear();
        changed();
    }

    public CompiledMethod lookup(StClass cls, StSymbol sel) {
        HashMap<StSymbol, CompiledMethod> perClass = lookupCache.get(cls);
        if (perClass != null) {
            CompiledMethod m = perClass.get(sel);
            if (m != null || perClass.containsKey(sel)) return m;
        } else {
            perClass = new HashMap<>();
            lookupCache.put(cls, perClass);
        }
        CompiledMethod m = lookupUncached(cls, sel);
        perClass.put(sel, m);
        return m;
    }

    CompiledMethod lookupUncached(StClass cls, StSymbol sel) {
        for (StClass c = cls; c != null; c = c.superclass) {
            if (!extensions.isEmpty()) {
                Map<StSymbol, CompiledMethod> ext = extensions.get(c);
                if (ext != null) {
                    CompiledMethod m = ext.get(sel);
                    if (m != null) return m;
                }
            }
            CompiledMethod m = c.methods.get(sel);
            if (m != null) return m;
        }
        return null;
    }

    /** Finds a global binding: this environment's own first, then the kernel's. */
    public Binding binding(String name) {
        Binding b = globals.get(name);
        if (b != null || isKernel) return b;
        return classes.globals.get(name);
    }

    public Object global(String name) {
        Binding b = binding(name);
        return b == null ? null : b.value;
    }

    public void defineGlobal(String name, Object value) {
        Binding b = globals.get(name);
        if (b == null) {
            globals.put(name, new Binding(name, value));
            changed();
        } else b.value = value;
    }

    public boolean removeGlobal(String name) {
        Binding b = globals.remove(name);
        if (b != null) {
            if (b.value instanceof StClass c) userClasses.remove(c);
            changed();
        }
        return b != null;
    }

    /** Installs a method: into the class itself for kernel boot or workspace classes, as an extension otherwise. */
    public void install(StClass cls, CompiledMethod m) {
        if (cls.traitOrigins != null) cls.traitOrigins.remove(m.selector);
        if (isKernel || cls.owner == this) cls.methods.put(m.selector, m);
        else extensions.computeIfAbsent(cls, k -> new LinkedHashMap<>()).put(m.selector, m);
        changed();
    }

    public boolean removeMethod(StClass cls, StSymbol sel) {
        boolean removed;
        if (isKernel || cls.owner == this) removed = cls.methods.remove(sel) != null;
        else {
            Map<StSymbol, CompiledMethod> ext = extensions.get(cls);
            removed = ext != null && ext.remove(sel) != null;
        }
        changed();
        return removed;
    }

    /** All classes visible here: kernel classes (unless shadowed) and this environment's classes. */
    public List<StClass> visibleClasses() {
        List<StClass> out = new ArrayList<>();
        for (StClass c : classes.kernelClasses) {
            Binding b = binding(c.name);
            if (b != null && b.value == c) out.add(c);
        }
        if (!isKernel) {
            for (StClass c : userClasses) {
                Binding b = globals.get(c.name);
                if (b != null && b.value == c) out.add(c);
            }
        }
        return out;
    }

    public StClass classNamed(String name) {
        Object v = global(name);
        if (v instanceof StClass c && !c.isMeta) return c;
        return null;
    }
}
