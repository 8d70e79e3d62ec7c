package io.stui.smalltalk.objects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Smalltalk class or metaclass. Kernel classes are frozen after boot; workspace classes belong to one Environment. */
public final class StClass extends StObject {
    /** How instances are represented in Java. */
    public enum Format {
        OBJECT,
        INDEXED,
        ARRAY,
        BYTES,
        STRING,
        SYMBOL,
        SPECIAL
    }

    public String name;
    public StClass superclass;
    public final boolean isMeta;
    /** For a metaclass: its sole instance. For a class: itself. */
    public StClass thisClass;

    public String[] instVarNames = new String[0];
    private int instSize;
    public final LinkedHashMap<String, Binding> classVars = new LinkedHashMap<>();
    public final Map<StSymbol, CompiledMethod> methods = new HashMap<>();
    public String category = "Unclassified";
    public String comment = "";
    public Format format = Format.OBJECT;
    /** Owning workspace environment; null for kernel classes. */
    public Environment owner;
    /** The package a loaded definition named (Tonel {@code #package}); null: the category stands for it. */
    public String packageName;
    /** True for a trait: a holder of methods that classes copy in through their trait composition. */
    public boolean isTrait;
    /** The trait composition this class or trait uses (a Smalltalk object), or null. */
    public Object traitComposition;
    /**
     * The class's protocol table as the kernel's ClassDescription keeps it (protocols without methods, selectors
     * classified before their method exists); null until asked. Only for classes a workspace owns: the kernel's
     * classes are shared, their protocols are computed from the methods' categories on each request.
     */
    public Object protocolTable;
    /** Selectors whose methods came from a trait, with the trait each came from; null when none did. */
    public Map<StSymbol, StClass> traitOrigins;

    public StClass(StClass metaclass, boolean isMeta) {
        super(metaclass, 0);
        this.isMeta = isMeta;
    }

    public boolean isKernel() {
        return owner == null;
    }

    public int instSize() {
        return instSize;
    }

    public void recomputeInstSize() {
        instSize = (superclass == null ? 0 : superclass.instSize()) + instVarNames.length;
    }

    /** All instance variable names including inherited ones, in slot order. */
    public List<String> allInstVarNames() {
        List<String> out = new ArrayList<>();
        if (superclass != null) out.addAll(superclass.allInstVarNames());
        out.addAll(Arrays.asList(instVarNames));
        return out;
    }

    public int slotIndex(String var) {
        List<String> all = allInstVarNames();
        for (int i = all.size() - 1; i >= 0; i--) if (all.get(i).equals(var)) return i;
        return -1;
    }

    /** Finds a class variable visible from this class (own or inherited); metaclasses see their instance's. */
    public Binding classVarBinding(String var) {
        for (StClass c = isMeta ? thisClass : this; c != null; c = c.superclass) {
            Binding b = c.classVars.get(var);
            if (b != null) return b;
        }
        return null;
    }

    public boolean inheritsFrom(StClass other) {
        for (StClass c = superclass; c != null; c = c.superclass) if (c == other) return true;
        return false;
    }

    public boolean includesBehavior(StClass other) {
        return this == other || inheritsFrom(other);
    }

    public StClass metaclass() {
        return cls;
    }

    public String printName() {
        return isMeta ? thisClass.name + " class" : name;
    }

    /** Methods in this class only, as {@code env} sees them (its extensions, its parent layer's). */
    public Map<StSymbol, CompiledMethod> localMethods(Environment env) {
        return env == null ? methods : env.localMethods(this);
    }

    @Override
    public String toString() {
        return printName();
    }
}
