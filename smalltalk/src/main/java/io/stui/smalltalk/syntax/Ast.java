package io.stui.smalltalk.syntax;

import java.util.List;

/** The syntax tree produced by {@link Parser}; positions are character offsets into the source. */
public sealed interface Ast {
    int pos();

    /**
     * Visits every node under {@code roots} in source order, each before its parts: a send, then its receiver, then
     * its arguments; a cascade, then its receiver, then each message (a {@link Send}) and that message's arguments,
     * never the shared receiver again. One traversal for every tool that reads a method's source (senders, reflection,
     * the debugger's lines), so a new kind of node is taught to all of them here.
     */
    static void walk(List<? extends Ast> roots, java.util.function.Consumer<Ast> visit) {
        for (Ast a : roots) walk(a, visit);
    }

    private static void walk(Ast a, java.util.function.Consumer<Ast> visit) {
        visit.accept(a);
        switch (a) {
            case Send send -> {
                walk(send.receiver(), visit);
                walk(send.args(), visit);
            }
            case Cascade c -> {
                walk(c.receiver(), visit);
                for (Send message : c.messages()) {
                    visit.accept(message);
                    walk(message.args(), visit);
                }
            }
            case Assign as -> walk(as.value(), visit);
            case Return r -> walk(r.value(), visit);
            case Block b -> walk(b.statements(), visit);
            case Brace br -> walk(br.elements(), visit);
            default -> {}
        }
    }

    /**
     * A literal value: Long or BigInteger (a Long whenever it fits), Double, String, {@link SymbolValue},
     * {@link CharValue}, Object[] of these, byte[], Boolean, null. The compiler turns it into the runtime
     * representation, so that the syntax depends on nothing of the object model.
     */
    record Literal(Object value, int pos) implements Ast {}

    /** A symbol in a literal ({@code #foo}, {@code #at:put:}, or a bare name inside a literal array). */
    record SymbolValue(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A character literal ({@code $a}); a code point, since characters beyond U+FFFF exist. */
    record CharValue(int codePoint) {}
    /** A scaled decimal literal such as {@code 3.14s2}: numerator/denominator and scale. */
    record ScaledLiteral(java.math.BigInteger numerator, java.math.BigInteger denominator, int scale, int pos)
            implements Ast {}

    record Variable(String name, int pos) implements Ast {}

    record Assign(String name, int namePos, Ast value, int pos) implements Ast {}

    public record Send(Ast receiver, String selector, List<Ast> args, int pos) implements Ast {}

    public record Cascade(Ast receiver, List<Send> messages, int pos) implements Ast {}

    record Return(Ast value, int pos) implements Ast {}

    record Block(List<String> params, List<String> temps, List<Ast> statements, int pos, int end) implements Ast {}

    public record Brace(List<Ast> elements, int pos) implements Ast {}

    /** A method or a doit: header, temporaries, primitive pragma and statements. */
    record Method(
            String selector,
            List<String> params,
            List<String> temps,
            String primitive,
            List<Ast> statements,
            String source,
            int pos)
            implements Ast {}
}
