/**
 * The embedded Smalltalk. Only the API ({@code io.stui.smalltalk}: engine, workspace, results, limits,
 * reflection records, evaluation threads) and the command line ({@code io.stui.smalltalk.cli}, which the
 * server's {@code stui st} runs) are exported; syntax, objects, interp, compiler, primitives and image are
 * the interpreter's inside.
 */
module io.stui.smalltalk {
    requires org.slf4j;

    exports io.stui.smalltalk;
    exports io.stui.smalltalk.cli;
}
