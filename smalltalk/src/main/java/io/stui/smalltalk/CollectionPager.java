package io.stui.smalltalk;

import io.stui.smalltalk.compiler.Compiler;
import io.stui.smalltalk.image.WorkspaceState;
import io.stui.smalltalk.interp.Interp;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.StIndexed;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.syntax.Parser;
import io.stui.smalltalk.tools.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * The elements of an inspected collection, a page at a time, each with its own object id: the indexed slots of
 * arrays, strings and byte arrays, the elements of collections written in Smalltalk (in their {@code do:} order)
 * and, for dictionaries, every key and value. A page costs the page, not the collection: sequenceable collections
 * are read by index ({@code at:}), the others walked ({@code do:}, {@code associationsDo:}) only as far as the
 * page's end. Runs Smalltalk (printString, size, at:), so it runs on an evaluation thread.
 */
final class CollectionPager {

    /**
     * The walk of an unordered collection, compiled for the inspected object's class and never installed in it:
     * the elements {@code first..last} in {@code do:} order, stopping at {@code last}. {@code WALK} is replaced by
     * the enumeration selector.
     */
    private static final String WALKER = """
            stuiPageFrom: first to: last
            	| out i |
            	out := OrderedCollection new.
            	i := 0.
            	self WALK [:each |
            		i := i + 1.
            		i > last ifTrue: [^out asArray].
            		i >= first ifTrue: [out add: each]].
            	^out asArray""";

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
        if (o instanceof Object[] a) return page(a, a.length, offset, limit, false, tool, 0);
        if (o instanceof StIndexed x && !isCollectionInSmalltalk(o, tool))
            return page(x.items, x.items.length, offset, limit, false, tool, 0);
        if (o instanceof StObject && isCollectionInSmalltalk(o, tool)) {
            boolean dictionary = Interp.truthy(ResultPrinter.safeSend(o, "isDictionary", tool));
            int size = ResultPrinter.safeSend(o, "size", tool) instanceof Long n
                    ? (int) Math.min(n, Integer.MAX_VALUE)
                    : 0;
            int to = (int) Math.min((long) offset + limit, size);
            Object[] items = offset >= to ? new Object[0] : slice(o, dictionary, offset, to, tool);
            return page(items, size, offset, limit, dictionary, tool, offset);
        }
        int size = o instanceof StString s ? s.chars.length : o instanceof byte[] b ? b.length : 0;
        List<Reflection.Element> out = new ArrayList<>();
        int to = (int) Math.min((long) offset + limit, size);
        for (int i = offset; i < to; i++) {
            Object v = o instanceof StString s
                    ? io.stui.smalltalk.objects.Char.of(s.chars[i])
                    : (long) (((byte[]) o)[i] & 0xff);
            out.add(new Reflection.Element(
                    i + 1, null, printer.slot(String.valueOf(i + 1), v, tool, state.registry())));
        }
        return new Page<>(out, size, offset, limit);
    }

    /**
     * The elements {@code from..to-1} (0-based) of a collection written in Smalltalk: by index when it is
     * sequenceable, else by a walk that stops at {@code to}. Empty when its own code fails.
     */
    private Object[] slice(Object o, boolean dictionary, int from, int to, Interp tool) {
        try {
            if (!dictionary && Interp.truthy(tool.send0(o, "isSequenceable", null))) {
                Object[] items = new Object[to - from];
                for (int i = from; i < to; i++) items[i - from] = tool.send1(o, "at:", (long) i + 1, null);
                return items;
            }
            CompiledMethod walker = new CompiledMethod(
                    Parser.parseMethod(WALKER.replace("WALK", dictionary ? "associationsDo:" : "do:")),
                    state.classes().classOf(o),
                    "inspecting",
                    null,
                    false,
                    null,
                    Compiler.bodies(state.classes()));
            return tool.invoke(walker, o, new Object[] {(long) from + 1, (long) to}, null) instanceof Object[] a
                    ? a
                    : new Object[0];
        } catch (RuntimeException e) {
            return new Object[0];
        }
    }

    /** The elements of {@code items} from {@code offset}, where {@code items[0]} is the element at {@code base}. */
    private Page<Reflection.Element> page(
            Object[] items, int total, int offset, int limit, boolean dictionary, Interp tool, int base) {
        List<Reflection.Element> out = new ArrayList<>();
        int to = (int) Math.min((long) offset + limit, Math.min(total, (long) base + items.length));
        for (int i = offset; i < to; i++) {
            Object v = items[i - base];
            if (dictionary && v instanceof StObject assoc)
                out.add(new Reflection.Element(
                        i + 1,
                        printer.slot("key", ResultPrinter.safeSend(assoc, "key", tool), tool, state.registry()),
                        printer.slot("value", ResultPrinter.safeSend(assoc, "value", tool), tool, state.registry())));
            else
                out.add(new Reflection.Element(
                        i + 1, null, printer.slot(String.valueOf(i + 1), v, tool, state.registry())));
        }
        return new Page<>(out, total, offset, limit);
    }

    private static boolean isCollectionInSmalltalk(Object o, Interp tool) {
        return Interp.truthy(ResultPrinter.safeSend(o, "isCollection", tool));
    }
}
