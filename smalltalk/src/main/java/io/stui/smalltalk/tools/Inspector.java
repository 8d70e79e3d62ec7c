package io.stui.smalltalk.tools;

import io.stui.smalltalk.Reflection;
import io.stui.smalltalk.image.Kernel;
import io.stui.smalltalk.image.Session;
import io.stui.smalltalk.interp.Interp;
import io.stui.smalltalk.objects.StIndexed;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import java.util.ArrayList;
import java.util.List;

/**
 * The elements of an inspected collection, a page at a time, each with its own object id: the indexed slots of
 * arrays, strings and byte arrays, the elements of collections written in Smalltalk (in their {@code do:} order)
 * and, for dictionaries, every key and value. Runs Smalltalk (printString, asArray), so it runs on an evaluation
 * thread.
 */
public final class Inspector {
    /** One element: its 1-based position, its key (dictionaries only, else null) and its value. */
    public record Element(int index, Reflection.Slot key, Reflection.Slot value) {}

    private final Session session;

    public Inspector(Session session) {
        this.session = session;
    }

    /**
     * A page of the elements of the registered object {@code objectId}; empty for an object without elements.
     *
     * @throws IllegalArgumentException when no object has that id
     */
    public Page<Element> elements(String objectId, int offset, int limit) {
        if (offset < 0 || limit <= 0) throw new IllegalArgumentException("offset must be >= 0 and limit > 0");
        if (!session.registry().contains(objectId))
            throw new IllegalArgumentException(
                    "no object with id " + objectId + " (ids are kept for the newest 1,000)");
        Object o = session.registry().get(objectId);
        Interp tool = new Interp(session.environment(), 2_000_000_000L, 20_000_000L, 64L << 20, 2_000, null);
        Object[] items = null;
        boolean dictionary = false;
        if (o instanceof Object[] a) items = a;
        else if (o instanceof StIndexed x && !isCollectionInSmalltalk(o, tool)) items = x.items;
        else if (o instanceof StObject && isCollectionInSmalltalk(o, tool)) {
            dictionary = truthy(send(o, "isDictionary", tool));
            if (send(o, dictionary ? "associations" : "asArray", tool) instanceof Object[] a) items = a;
        }
        List<Element> out = new ArrayList<>();
        if (items != null) {
            int to = (int) Math.min((long) Math.max(offset, 0) + limit, items.length);
            for (int i = Math.max(offset, 0); i < to; i++) {
                Object v = items[i];
                if (dictionary && v instanceof StObject assoc)
                    out.add(new Element(
                            i + 1,
                            slot("key", send(assoc, "key", tool), tool),
                            slot("value", send(assoc, "value", tool), tool)));
                else out.add(new Element(i + 1, null, slot(String.valueOf(i + 1), v, tool)));
            }
            return new Page<>(out, items.length, offset, limit);
        }
        int size = o instanceof StString s ? s.chars.length : o instanceof byte[] b ? b.length : 0;
        int to = (int) Math.min((long) Math.max(offset, 0) + limit, size);
        for (int i = Math.max(offset, 0); i < to; i++) {
            Object v = o instanceof StString s
                    ? io.stui.smalltalk.objects.Char.of(s.chars[i])
                    : (long) (((byte[]) o)[i] & 0xff);
            out.add(new Element(i + 1, null, slot(String.valueOf(i + 1), v, tool)));
        }
        return Page.of(out, 0, Math.max(1, limit)).withFrame(size, offset, limit);
    }

    private static boolean truthy(Object v) {
        return v == Boolean.TRUE;
    }

    private static boolean isCollectionInSmalltalk(Object o, Interp tool) {
        return truthy(send(o, "isCollection", tool));
    }

    private static Object send(Object o, String selector, Interp tool) {
        try {
            return tool.send0(o, selector, null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Reflection.Slot slot(String name, Object v, Interp tool) {
        return new Reflection.Slot(
                name,
                Kernel.classOf(v).printName(),
                session.safePrint(v, tool),
                session.registry().register(v));
    }
}
