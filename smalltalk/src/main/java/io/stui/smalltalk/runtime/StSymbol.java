package io.stui.smalltalk.runtime;

import java.util.concurrent.ConcurrentHashMap;

/** An interned, immutable Smalltalk Symbol. Identity equality; shared by all workspaces. */
public final class StSymbol extends StString {
    private static final ConcurrentHashMap<String, StSymbol> TABLE = new ConcurrentHashMap<>();
    public final String name;
    private final int numArgs;

    private StSymbol(String name) {
        super(name);
        this.name = name;
        this.numArgs = computeNumArgs(name);
    }

    public static StSymbol of(String name) {
        StSymbol s = TABLE.get(name);
        if (s != null) return s;
        return TABLE.computeIfAbsent(name, StSymbol::new);
    }

    public static StSymbol existing(String name) { return TABLE.get(name); }

    public int numArgs() { return numArgs; }

    private static int computeNumArgs(String n) {
        if (n.isEmpty()) return 0;
        char c = n.charAt(0);
        if (!Character.isLetter(c) && c != '_') return 1;
        int k = 0;
        for (int i = 0; i < n.length(); i++) if (n.charAt(i) == ':') k++;
        return k;
    }

    @Override public String str() { return name; }
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return name.hashCode(); }
    @Override public String toString() { return name; }
}
