package io.stui.smalltalk.objects;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The name space code runs in. The kernel environment writes into the kernel itself (only during boot);
 * a workspace environment overlays globals, classes and methods on the frozen kernel without touching it.
 *
 * <p>A layered environment (a server session's) also sees a parent workspace environment (the server's image)
 * through the {@link LayerView} the parent last published: lookups go own definitions, then the parent's, then
 * the kernel's. What a layer defines stays in it: a method it compiles on a parent's class is its own extension, a
 * class it redefines is its own class. It takes the parent's newest view at {@link #syncParent()}, which a
 * workspace calls as each of its evaluations and tool requests starts, so one evaluation sees one state of the
 * parent even while the parent changes.
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

    /** The environment this one is layered over, or null. */
    private final Environment parent;
    /** The parent's state this layer sees now (null when not layered). */
    private LayerView view;
    /** What this environment last published for the layers over it. */
    private volatile LayerView published;

    public Environment(ClassTable classes, boolean isKernel) {
        this(classes, isKernel, null);
    }

    /** A workspace environment over {@code parent} (a workspace environment that is not layered itself), or not layered. */
    public Environment(ClassTable classes, boolean isKernel, Environment parent) {
        if (parent != null && (parent.isKernel || parent.parent != null))
            throw new IllegalArgumentException("a layer goes over a workspace that is not itself a layer");
        this.classes = classes;
        this.isKernel = isKernel;
        this.globals = isKernel ? classes.globals : new LinkedHashMap<>();
        this.parent = parent;
        if (parent != null) view = parent.published();
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
        LayerView v = view;
        return extensions.isEmpty() && (v == null || !v.extendsKernel());
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

    // ------------------------------------------------------------ layers

    /** The environment this one is layered over, or null. */
    public Environment parent() {
        return parent;
    }

    /** The parent's state this layer sees now; null when not layered. */
    public LayerView view() {
        return view;
    }

    /** True when {@code c} (or its class, for a metaclass) was defined here, so changes to it go into it directly. */
    public boolean owns(StClass c) {
        return isKernel ? c.owner == null : c.owner == this;
    }

    /** Takes the parent's newest published state (when it changed, this layer's caches start again). */
    public void syncParent() {
        if (parent == null) return;
        LayerView v = parent.published();
        if (v != view) {
            view = v;
            changed();
        }
    }

    /** What this environment last published (published now if it never did). */
    public LayerView published() {
        LayerView p = published;
        if (p == null) {
            synchronized (this) {
                if (published == null) publish();
                p = published;
            }
        }
        return p;
    }

    /**
     * Publishes this environment's state for the layers over it if it changed since it last did. Call from the
     * thread that uses the environment, between its requests (a load half done must not be seen).
     */
    public void publishIfChanged() {
        LayerView p = published;
        if (p == null || p.token() != token) publish();
    }

    private void publish() {
        Object t = token;
        Map<StClass, Map<StSymbol, CompiledMethod>> methods = new HashMap<>();
        List<StClass> classesNow = new ArrayList<>();
        for (StClass c : userClasses) {
            classesNow.add(c);
            methods.put(c, Map.copyOf(c.methods));
            methods.put(c.cls, Map.copyOf(c.cls.methods));
        }
        boolean extendsKernel = false;
        for (Map.Entry<StClass, Map<StSymbol, CompiledMethod>> e : extensions.entrySet()) {
            Map<StSymbol, CompiledMethod> merged = new HashMap<>(e.getValue());
            Map<StSymbol, CompiledMethod> own = methods.get(e.getKey());
            if (own != null) merged.putAll(own);
            methods.put(e.getKey(), Map.copyOf(merged));
            extendsKernel |= e.getKey().isKernel() && !e.getValue().isEmpty();
        }
        published = new LayerView(
                t,
                Map.copyOf(new LinkedHashMap<>(globals)),
                Map.copyOf(methods),
                List.copyOf(classesNow),
                extendsKernel);
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
            CompiledMethod m = localMethod(c, sel);
            if (m != null) return m;
        }
        return null;
    }

    /**
     * The method {@code c} itself has for {@code sel} as seen here (no superclass): this environment's extension, else
     * the parent's (its own classes only through its published view), else the class's own.
     */
    public CompiledMethod localMethod(StClass c, StSymbol sel) {
        if (!extensions.isEmpty()) {
            Map<StSymbol, CompiledMethod> ext = extensions.get(c);
            if (ext != null) {
                CompiledMethod m = ext.get(sel);
                if (m != null) return m;
            }
        }
        LayerView v = view;
        if (v != null) {
            Map<StSymbol, CompiledMethod> pm = v.methods().get(c);
            if (pm != null) {
                CompiledMethod m = pm.get(sel);
                if (m != null) return m;
            }
            if (c.owner == parent) return null;
        }
        return c.methods.get(sel);
    }

    /** Every method {@code c} itself has as seen here (see {@link #localMethod}). */
    public Map<StSymbol, CompiledMethod> localMethods(StClass c) {
        Map<StSymbol, CompiledMethod> base = c.methods;
        LayerView v = view;
        if (v != null) {
            Map<StSymbol, CompiledMethod> pm = v.methods().get(c);
            if (c.owner == parent) base = pm == null ? Map.of() : pm;
            else if (pm != null && !pm.isEmpty()) {
                Map<StSymbol, CompiledMethod> all = new LinkedHashMap<>(base);
                all.putAll(pm);
                base = all;
            }
        }
        Map<StSymbol, CompiledMethod> ext = extensionsFor(c);
        if (ext == null || ext.isEmpty()) return base;
        Map<StSymbol, CompiledMethod> all = new LinkedHashMap<>(base);
        all.putAll(ext);
        return all;
    }

    /** Finds a global binding: this environment's own first, then the parent's, then the kernel's. */
    public Binding binding(String name) {
        Binding b = globals.get(name);
        if (b != null || isKernel) return b;
        LayerView v = view;
        if (v != null) {
            b = v.globals().get(name);
            if (b != null) return b;
        }
        return classes.globals.get(name);
    }

    /** The names of every global visible here. */
    public java.util.SortedSet<String> globalNames() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(classes.globals.keySet());
        LayerView v = view;
        if (v != null) names.addAll(v.globals().keySet());
        names.addAll(globals.keySet());
        return names;
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

    /** Installs a method: into the class itself for kernel boot or this environment's classes, as an extension otherwise. */
    public void install(StClass cls, CompiledMethod m) {
        if (cls.traitOrigins != null && owns(cls)) cls.traitOrigins.remove(m.selector);
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

    /** All classes visible here: kernel classes (unless shadowed), the parent's (unless shadowed), this environment's. */
    public List<StClass> visibleClasses() {
        List<StClass> out = new ArrayList<>();
        for (StClass c : classes.kernelClasses) {
            Binding b = binding(c.name);
            if (b != null && b.value == c) out.add(c);
        }
        if (!isKernel) {
            LayerView v = view;
            if (v != null) {
                for (StClass c : v.classes()) {
                    Binding b = binding(c.name);
                    if (b != null && b.value == c) out.add(c);
                }
            }
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
