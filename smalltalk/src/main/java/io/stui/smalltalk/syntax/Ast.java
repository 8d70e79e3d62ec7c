package io.stui.smalltalk.syntax;

import java.util.List;

/** The syntax tree produced by {@link Parser}; positions are character offsets into the source. */
public sealed interface Ast {
    int pos();

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
