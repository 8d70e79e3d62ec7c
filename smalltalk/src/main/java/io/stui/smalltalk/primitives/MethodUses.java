package io.stui.smalltalk.primitives;

import io.stui.smalltalk.objects.StSymbol;
import io.stui.smalltalk.syntax.Ast;
import io.stui.smalltalk.syntax.Parser;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a method's source reads, writes and sends, for Pharo's reflection queries ({@code whichSelectorsRead:},
 * {@code readsSlot:}, {@code messages}...). Read from the parsed source: this engine keeps no bytecode to scan. A
 * name a method declares (argument or temporary, in the method or a block) is not counted as a variable of the
 * class.
 */
final class MethodUses {
    private MethodUses() {}

    /** {reads. writes. sends}, each an Array of Symbols in source order. */
    static Object[] of(String source) {
        Ast.Method m = Parser.parseMethod(source);
        Set<String> declared = new HashSet<>(m.params());
        declared.addAll(m.temps());
        Set<String> reads = new LinkedHashSet<>();
        Set<String> writes = new LinkedHashSet<>();
        Set<String> sends = new LinkedHashSet<>();
        Ast.walk(m.statements(), a -> {
            switch (a) {
                case Ast.Variable v -> reads.add(v.name());
                case Ast.Assign as -> writes.add(as.name());
                case Ast.Send send -> sends.add(send.selector());
                case Ast.Block b -> declare(b, declared);
                default -> {}
            }
        });
        reads.removeAll(declared);
        writes.removeAll(declared);
        return new Object[] {symbols(reads), symbols(writes), symbols(sends)};
    }

    /**
     * A block's source ({@code [:x | ...]}) as {hasReturn. free names}: whether a {@code ^} appears in it (nested
     * blocks included), and the variables it reads or writes that it does not declare itself (self, super and
     * thisContext included), in source order.
     */
    static Object[] ofBlock(String blockSource) {
        Ast.Method doit = Parser.parseDoit(blockSource);
        Set<String> declared = new HashSet<>();
        Set<String> used = new LinkedHashSet<>();
        boolean[] hasReturn = {false};
        Ast.walk(doit.statements(), a -> {
            switch (a) {
                case Ast.Variable v -> used.add(v.name());
                case Ast.Assign as -> used.add(as.name());
                case Ast.Return r -> hasReturn[0] = true;
                case Ast.Block b -> declare(b, declared);
                default -> {}
            }
        });
        used.removeAll(declared);
        return new Object[] {hasReturn[0], symbols(used)};
    }

    private static void declare(Ast.Block b, Set<String> declared) {
        declared.addAll(b.params());
        declared.addAll(b.temps());
    }

    private static Object[] symbols(Set<String> names) {
        return names.stream().map(StSymbol::of).toArray();
    }
}
