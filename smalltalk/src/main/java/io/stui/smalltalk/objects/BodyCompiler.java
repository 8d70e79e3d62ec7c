package io.stui.smalltalk.objects;

import io.stui.smalltalk.syntax.Ast;

/**
 * Turns a method's syntax tree into its executable body, temporaries and blocks. A {@link CompiledMethod}
 * carries one so that kernel methods compile on their first call without the object model depending on the
 * compiler package, which implements it.
 */
@FunctionalInterface
public interface BodyCompiler {
    /** {@code ast} is null for a method known by its header only: the compiler parses {@code method.source}. */
    void compileBody(CompiledMethod method, Ast.Method ast);
}
