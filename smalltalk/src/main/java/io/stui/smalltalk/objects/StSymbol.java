package io.stui.smalltalk.objects;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An interned, immutable Smalltalk Symbol. Identity equality; shared by all workspaces. The table holds symbols
 * weakly, so symbols a session creates and drops do not accumulate in a long-running server.
 */
public final class StSymbol extends StString {
    private static final ConcurrentHashMap<String, Ref> TABLE = new ConcurrentHashMap<>();
    private static final ReferenceQueue<StSymbol> QUEUE = new ReferenceQueue<>();

    private static final class Ref extends WeakReference<StSymbol> {
        final String key;

        Ref(StSymbol s) {
            super(s, QUEUE);
            this.key = s.name;
        }
    }

    public final String name;
    private final int numArgs;

    private StSymbol(String name) {
        super(name);
        this.name = name;
        this.numArgs = computeNumArgs(name);
    }

    public static StSymbol of(String name) {
        Ref r = TABLE.get(name);
        StSymbol s = r == null ? null : r.get();
        if (s != null) return s;
        expunge();
        while (true) {
            StSymbol fresh = new StSymbol(name);
            Ref mine = new Ref(fresh);
            Ref prev = TABLE.putIfAbsent(name, mine);
            if (prev == null) return fresh;
            StSymbol other = prev.get();
            if (other != null) return other;
            TABLE.replace(name, prev, mine);
            if (TABLE.get(name) == mine) return fresh;
        }
    }

    /** The symbol of that name if it exists (is still referenced somewhere), else null. */
    public static StSymbol existing(String name) {
        Ref r = TABLE.get(name);
        return r == null ? null : r.get();
    }

    private static void expunge() {
        Object x;
        while ((x = QUEUE.poll()) != null) {
            Ref dead = (Ref) x;
            TABLE.remove(dead.key, dead);
        }
    }

    public int numArgs() {
        return numArgs;
    }

    private static int computeNumArgs(String n) {
        if (n.isEmpty()) return 0;
        char c = n.charAt(0);
        if (!Character.isLetter(c) && c != '_') return 1;
        int k = 0;
        for (int i = 0; i < n.length(); i++) if (n.charAt(i) == ':') k++;
        return k;
    }

    @Override
    public String str() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
