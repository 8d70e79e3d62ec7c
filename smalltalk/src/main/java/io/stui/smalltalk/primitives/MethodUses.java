package io.stui.smalltalk.primitives;

import io.stui.smalltalk.objects.StSymbol;
import io.stui.smalltalk.syntax.Ast;
import io.stui.smalltalk.syntax.Parser;
import java.util.ArrayDeque;
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
        ArrayDeque<Ast> todo = new ArrayDeque<>(m.statements().reversed());
        while (!todo.isEmpty()) {
            switch (todo.pop()) {
                case Ast.Variable v -> reads.add(v.name());
                case Ast.Assign a -> {
                    writes.add(a.name());
                    todo.push(a.value());
                }
                case Ast.Send send -> {
                    sends.add(send.selector());
                    send.args().reversed().forEach(todo::push);
                    todo.push(send.receiver());
                }
                case Ast.Cascade c -> {
                    for (Ast.Send send : c.messages()) {
                        sends.add(send.selector());
                        send.args().reversed().forEach(todo::push);
                    }
                    todo.push(c.receiver());
                }
                case Ast.Return r -> todo.push(r.value());
                case Ast.Block b -> {
                    declared.addAll(b.params());
                    declared.addAll(b.temps());
                    b.statements().reversed().forEach(todo::push);
                }
                case Ast.Brace b -> b.elements().reversed().forEach(todo::push);
                default -> {}
            }
        }
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
        boolean hasReturn = false;
        ArrayDeque<Ast> todo = new ArrayDeque<>(doit.statements().reversed());
        while (!todo.isEmpty()) {
            switch (todo.pop()) {
                case Ast.Variable v -> used.add(v.name());
                case Ast.Assign a -> {
                    used.add(a.name());
                    todo.push(a.value());
                }
                case Ast.Send send -> {
                    send.args().reversed().forEach(todo::push);
                    todo.push(send.receiver());
                }
                case Ast.Cascade c -> {
                    for (Ast.Send send : c.messages()) send.args().reversed().forEach(todo::push);
                    todo.push(c.receiver());
                }
                case Ast.Return r -> {
                    hasReturn = true;
                    todo.push(r.value());
                }
                case Ast.Block b -> {
                    declared.addAll(b.params());
                    declared.addAll(b.temps());
                    b.statements().reversed().forEach(todo::push);
                }
                case Ast.Brace b -> b.elements().reversed().forEach(todo::push);
                default -> {}
            }
        }
        used.removeAll(declared);
        return new Object[] {hasReturn, symbols(used)};
    }

    private static Object[] symbols(Set<String> names) {
        return names.stream().map(StSymbol::of).toArray();
    }
}
