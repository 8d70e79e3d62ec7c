package io.stui.smalltalk.image;

import io.stui.smalltalk.objects.ClassTable;
import io.stui.smalltalk.primitives.ObjectPrims;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Object registry: stable string ids for values shown to clients. Immediates with equal value share an id.
 * Holds at most {@link #CAPACITY} entries; the oldest are forgotten first so long sessions do not leak.
 * Synchronized: an evaluation abandoned after a time-out may still record into it while the next one runs.
 *
 * <p>Why 1,000: every entry keeps its object's whole graph alive and goes into each snapshot of the
 * workspace. At 20,000 a client inspecting a 50-element collection over and over (8 sessions, 12 s) held
 * 48 MiB of heap in the registries and the server answered 608 inspects a second; a client drills down
 * through a few dozen ids, and the protocol lists at most 200 of them on {@code restore_session}.
 */
public final class ObjectRegistry {
    public static final int CAPACITY = 1_000;
    private final HashMap<Key, String> ids = new HashMap<>();
    private final LinkedHashMap<String, Object> objects = new LinkedHashMap<>();
    private long next = 1;

    private record Key(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && ClassTable.identical(o, k.o);
        }

        @Override
        public int hashCode() {
            return ObjectPrims.identityHash(o);
        }
    }

    public synchronized String register(Object value) {
        Key k = new Key(value);
        String id = ids.get(k);
        if (id != null) return id;
        id = "o" + next++;
        ids.put(k, id);
        objects.put(id, value);
        if (objects.size() > CAPACITY) {
            var eldest = objects.entrySet().iterator().next();
            ids.remove(new Key(eldest.getValue()));
            objects.remove(eldest.getKey());
        }
        return id;
    }

    public synchronized boolean contains(String id) {
        return objects.containsKey(id);
    }

    public synchronized Object get(String id) {
        return objects.get(id);
    }

    public synchronized Map<String, Object> entries() {
        return new LinkedHashMap<>(objects);
    }

    public synchronized long nextId() {
        return next;
    }

    /** Restores an entry with a given id (snapshot restore). */
    public synchronized void put(String id, Object value) {
        objects.put(id, value);
        ids.put(new Key(value), id);
        try {
            long n = Long.parseLong(id.substring(1));
            if (n >= next) next = n + 1;
        } catch (NumberFormatException ignored) {
            // foreign id form: keep the counter
        }
    }

    /** Forgets the entry {@code id} (its object stays alive only if something else holds it). */
    public synchronized void forget(String id) {
        Object value = objects.remove(id);
        if (value != null) ids.remove(new Key(value));
    }

    synchronized void clear() {
        ids.clear();
        objects.clear();
    }

    @Override
    public String toString() {
        return Objects.toString(objects.keySet());
    }
}
