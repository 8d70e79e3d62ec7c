package io.stui.smalltalk;

import io.stui.smalltalk.image.WorkspaceState;
import io.stui.smalltalk.interp.Interp;
import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StIndexed;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StSymbol;
import io.stui.smalltalk.primitives.ObjectPrims;
import java.util.ArrayList;
import java.util.List;

/** The workspace's variables and registered objects as tools show them: printStrings, slots, elements, ids. */
final class Inspector {
    private final WorkspaceState state;
    private final ResultPrinter printer;

    Inspector(WorkspaceState state, ResultPrinter printer) {
        this.state = state;
        this.printer = printer;
    }

    List<Reflection.VariableInfo> variables() {
        List<Reflection.VariableInfo> out = new ArrayList<>();
        Interp tool = printer.toolInterp(null);
        for (Binding b : state.variables().values()) {
            out.add(new Reflection.VariableInfo(
                    b.name,
                    printer.className(b.value),
                    printer.safePrint(b.value, tool),
                    state.registry().register(b.value)));
        }
        return out;
    }

    Reflection.Inspection inspect(String objectId, boolean includePrivate, boolean includeMethods) {
        if (!state.registry().contains(objectId)) return null;
        Object o = state.registry().get(objectId);
        Interp tool = printer.toolInterp(null);
        StClass cls = state.classes().classOf(o);
        List<Reflection.Slot> named = new ArrayList<>();
        if (includePrivate && o instanceof StObject so && !(o instanceof StClass)) {
            List<String> names = cls.allInstVarNames();
            for (int i = 0; i < names.size(); i++)
                named.add(printer.slot(names.get(i), so.slot(i), tool, state.registry()));
        }
        List<Reflection.Slot> indexed = new ArrayList<>();
        int size = ObjectPrims.indexedSize(o);
        Object[] elems = null;
        if (o instanceof StObject so && !(o instanceof StIndexed)) {
            // collections implemented in Smalltalk: show their elements as the inspector does
            boolean dict = Interp.truthy(ResultPrinter.safeSend(o, "isDictionary", tool));
            Object arr = ResultPrinter.safeSend(o, dict ? "associations" : "asArray", tool);
            if (arr instanceof Object[] a && Interp.truthy(ResultPrinter.safeSend(o, "isCollection", tool))) {
                elems = a;
                size = a.length;
            }
        } else if (o instanceof Object[] a) elems = a;
        else if (o instanceof StIndexed x) elems = x.items;
        if (elems != null) {
            for (int i = 0; i < Math.min(100, elems.length); i++)
                indexed.add(printer.slot(String.valueOf(i + 1), elems[i], tool, state.registry()));
        } else if (size > 0) {
            for (int i = 1; i <= Math.min(100, size); i++)
                indexed.add(printer.slot(String.valueOf(i), ObjectPrims.at(o, (long) i), tool, state.registry()));
        }
        List<String> selectors = new ArrayList<>();
        if (includeMethods) {
            for (StClass c = cls; c != null; c = c.superclass)
                for (StSymbol s : c.localMethods(state.environment()).keySet())
                    if (!selectors.contains(s.name)) selectors.add(s.name);
            selectors.sort(null);
        }
        return new Reflection.Inspection(
                objectId,
                cls.printName(),
                printer.safePrint(o, tool),
                ObjectPrims.identityHash(o),
                size,
                named,
                indexed,
                selectors);
    }
}
