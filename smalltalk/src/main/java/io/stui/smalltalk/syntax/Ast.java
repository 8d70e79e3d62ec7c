package io.stui.smalltalk.syntax;

import java.util.List;

/** The syntax tree produced by {@link Parser}; positions are character offsets into the source. */
public sealed interface Ast {
    int pos();

    /** A literal value (runtime representation: Long, BigInteger, Double, Char, StString, StSymbol, Object[], byte[], Boolean, null). */
    record Literal(Object value, int pos) implements Ast {}
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
