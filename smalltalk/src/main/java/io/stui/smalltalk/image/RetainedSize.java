package io.stui.smalltalk.image;

import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.StBlock;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StIndexed;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.objects.StSymbol;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An estimate of the bytes a workspace keeps alive: every object reachable from its variables (its own and its
 * tools'), the globals, class variables and class-side variables of its own layer, any extra roots (a debugger's
 * suspended frames) and its object registry, walked last so that what only the registry keeps alive is known per
 * object id. Sizes follow the interpreter's allocation accounting (an array 16 +
 * 8 per slot, a string 16 + 2 per character, a byte array 16 + 1 per byte) plus 16 per boxed number, so what an
 * evaluation was charged and what its result is later found to hold agree. Classes, methods and symbols are shared
 * with the image and count nothing.
 *
 * <p>The walk is iterative (no stack depth limit) and bounded: it stops once it has counted {@code stopAt} bytes
 * (the answer is then "at least that") or visited {@link #MAX_OBJECTS} objects or {@link #MAX_SLOTS} slots
 * ({@link Result#complete()} false). Its own cost is an identity set of the objects visited, at most a few MiB.
 */
public final class RetainedSize {
    /** Distinct objects visited at most: their identity set is the walk's own memory (about 8 MiB at this bound). */
    public static final int MAX_OBJECTS = 500_000;
    /** Slots read at most (about 10-30 ms): bounds the time of a walk through huge arrays of small values. */
    public static final long MAX_SLOTS = 16_000_000;

    /**
     * @param bytes        bytes counted
     * @param objects      distinct objects counted
     * @param complete     true when everything reachable was counted; false when the walk stopped at a bound (or at
     *                     {@code stopAt}), so {@code bytes} is a lower bound
     * @param registryOnly the bytes only the object registry keeps alive, by object id (entries of at least
     *                     {@code registryOnlyMin} bytes, in registry order; the other roots are walked first)
     */
    public record Result(long bytes, long objects, boolean complete, Map<String, Long> registryOnly) {}

    private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    private final ArrayDeque<Object> todo = new ArrayDeque<>();
    private final long stopAt;
    private long bytes;
    private long slots;

    private RetainedSize(long stopAt) {
        this.stopAt = stopAt;
    }

    /**
     * Counts what {@code state} retains, plus {@code extraRoots}, stopping early past {@code stopAt} bytes (0: no
     * stop), and notes the registry entries that alone keep {@code registryOnlyMin} bytes or more alive.
     */
    public static Result of(WorkspaceState state, Collection<?> extraRoots, long stopAt, long registryOnlyMin) {
        RetainedSize w = new RetainedSize(stopAt <= 0 ? Long.MAX_VALUE : stopAt);
        w.bindings(state.variables().values());
        for (Map<String, Binding> scope : state.toolScopes()) {
            synchronized (scope) {
                w.bindings(List.copyOf(scope.values()));
            }
        }
        Environment env = state.environment();
        w.bindings(env.globals.values());
        for (StClass c : env.userClasses()) {
            w.bindings(c.classVars.values());
            w.push(c.slots);
        }
        for (Object o : extraRoots) if (o != null) w.todo.add(o);
        if (!w.walk()) return w.result(false, Map.of());
        // the registry last, one entry at a time: what an entry adds is what only the registry keeps alive for it
        Map<String, Long> registryOnly = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : state.registry().entries().entrySet()) {
            if (e.getValue() == null) continue;
            long before = w.bytes;
            w.todo.add(e.getValue());
            boolean done = w.walk();
            if (w.bytes - before >= registryOnlyMin) registryOnly.put(e.getKey(), w.bytes - before);
            if (!done) return w.result(false, registryOnly);
        }
        return w.result(true, registryOnly);
    }

    private Result result(boolean complete, Map<String, Long> registryOnly) {
        return new Result(bytes, seen.size(), complete, registryOnly);
    }

    private void bindings(Collection<Binding> bs) {
        for (Binding b : bs) if (b.value != null) todo.add(b.value);
    }

    private void push(Object[] values) {
        slots += values.length;
        for (Object v : values) if (v != null) todo.add(v);
    }

    /** Walks everything on the to-do stack; false when it stopped at a bound. */
    private boolean walk() {
        while (!todo.isEmpty()) {
            if (bytes > stopAt || seen.size() >= MAX_OBJECTS || slots > MAX_SLOTS) {
                todo.clear();
                return false;
            }
            Object o = todo.pop();
            if (isShared(o)) continue;
            if (o instanceof Long l) {
                // small values are cached by the JVM; others are a 16-byte box each (not worth remembering)
                if (l < -128 || l > 127) bytes += 16;
                continue;
            }
            if (o instanceof Double) {
                bytes += 16;
                continue;
            }
            if (seen.put(o, Boolean.TRUE) != null) continue;
            bytes += sizeAndChildren(o);
        }
        return true;
    }

    /** Values the workspace does not own: immediates, classes, symbols (interned), methods and code. */
    private static boolean isShared(Object o) {
        return o instanceof Boolean
                || o instanceof io.stui.smalltalk.objects.Char
                || o instanceof StSymbol
                || o instanceof StClass
                || o instanceof io.stui.smalltalk.objects.CodeUnit;
    }

    private long sizeAndChildren(Object o) {
        switch (o) {
            case StString s -> {
                return 16L + 2L * s.chars.length;
            }
            case byte[] b -> {
                return 16L + b.length;
            }
            case Object[] a -> {
                push(a);
                return 16L + 8L * a.length;
            }
            case StIndexed x -> {
                push(x.slots);
                push(x.items);
                return 32L + 8L * (x.slots.length + x.items.length);
            }
            case StObject so -> {
                push(so.slots);
                return 16L + 8L * so.slots.length;
            }
            case BigInteger b -> {
                return 16L + b.bitLength() / 8;
            }
            case StBlock b -> {
                if (b.outer != null) todo.add(b.outer);
                if (b.receiver != null) todo.add(b.receiver);
                return 32L;
            }
            case Context c -> {
                if (c.receiver != null) todo.add(c.receiver);
                push(c.temps);
                if (c.outer != null) todo.add(c.outer);
                if (c.sender != null) todo.add(c.sender);
                if (c.returnValue != null) todo.add(c.returnValue);
                return 64L + 8L * c.temps.length;
            }
            default -> {
                return 16L;
            }
        }
    }
}
