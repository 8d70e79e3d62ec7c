package io.stui.smalltalk;

import io.stui.smalltalk.image.WorkspaceState;
import io.stui.smalltalk.interp.Interp;
import io.stui.smalltalk.objects.StIndexed;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.tools.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * The elements of an inspected collection, a page at a time, each with its own object id: the indexed slots of
 * arrays, strings and byte arrays, the elements of collections written in Smalltalk (in their {@code do:} order)
 * and, for dictionaries, every key and value. Runs Smalltalk (printString, asArray), so it runs on an evaluation
 * thread.
 */
final class CollectionPager {

    private final WorkspaceState state;
    private final ResultPrinter printer;

    CollectionPager(WorkspaceState state, ResultPrinter printer) {
        this.state = state;
        this.printer = printer;
    }

    /**
     * A page of the elements of the registered object {@code objectId}; empty for an object without elements.
     *
     * @throws IllegalArgumentException when no object has that id
     */
    Page<Reflection.Element> elements(String objectId, int offset, int limit) {
        if (offset < 0 || limit <= 0) throw new IllegalArgumentException("offset must be >= 0 and limit > 0");
        if (!state.registry().contains(objectId))
            throw new IllegalArgumentException(
                    "no object with id " + objectId + " (ids are kept for the newest 1,000)");
        Object o = state.registry().get(objectId);
        Interp tool = printer.toolInterp(null);
        Object[] items = null;
        boolean dictionary = false;
        if (o instanceof Object[] a) items = a;
        else if (o instanceof StIndexed x && !isCollectionInSmalltalk(o, tool)) items = x.items;
        else if (o instanceof StObject && isCollectionInSmalltalk(o, tool)) {
            dictionary = Interp.truthy(ResultPrinter.safeSend(o, "isDictionary", tool));
            if (ResultPrinter.safeSend(o, dictionary ? "associations" : "asArray", tool) instanceof Object[] a)
                items = a;
        }
        List<Reflection.Element> out = new ArrayList<>();
        if (items != null) {
            int to = (int) Math.min((long) Math.max(offset, 0) + limit, items.length);
            for (int i = Math.max(offset, 0); i < to; i++) {
                Object v = items[i];
                if (dictionary && v instanceof StObject assoc)
                    out.add(new Reflection.Element(
                            i + 1,
                            printer.slot("key", ResultPrinter.safeSend(assoc, "key", tool), tool, state.registry()),
                            printer.slot(
                                    "value", ResultPrinter.safeSend(assoc, "value", tool), tool, state.registry())));
                else
                    out.add(new Reflection.Element(
                            i + 1, null, printer.slot(String.valueOf(i + 1), v, tool, state.registry())));
            }
            return new Page<>(out, items.length, offset, limit);
        }
        int size = o instanceof StString s ? s.chars.length : o instanceof byte[] b ? b.length : 0;
        int to = (int) Math.min((long) Math.max(offset, 0) + limit, size);
        for (int i = Math.max(offset, 0); i < to; i++) {
            Object v = o instanceof StString s
                    ? io.stui.smalltalk.objects.Char.of(s.chars[i])
                    : (long) (((byte[]) o)[i] & 0xff);
            out.add(new Reflection.Element(
                    i + 1, null, printer.slot(String.valueOf(i + 1), v, tool, state.registry())));
        }
        return new Page<>(out, size, offset, limit);
    }

    private static boolean isCollectionInSmalltalk(Object o, Interp tool) {
        return Interp.truthy(ResultPrinter.safeSend(o, "isCollection", tool));
    }
}
