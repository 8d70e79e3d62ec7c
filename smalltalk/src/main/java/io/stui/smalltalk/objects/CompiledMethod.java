package io.stui.smalltalk.objects;

import io.stui.smalltalk.syntax.Ast;
import io.stui.smalltalk.syntax.Parser;

/** A method of a class: its source, selector, category, optional primitive, compiled lazily on first call. */
public final class CompiledMethod extends CodeUnit {
    public final StSymbol selector;
    public final StClass methodClass;
    public final String source;
    /** Mutable: ClassDescription>>classify:under: moves a method of a workspace's class to another protocol. */
    public volatile String category;

    public final String[] argNames;
    public final Primitive primitive;
    public final String primitiveName;
    public final boolean isDoit;
    public final boolean isKernel;
    /** Block literals in compilation order (their index identifies them in snapshots). */
    public final java.util.List<CompiledBlock> blocks = new java.util.ArrayList<>();

    /** The parsed method until it is compiled; null from the start for a kernel method known by its header. */
    private Ast.Method ast;

    private volatile boolean compiled;
    /** Workspace variables a doit may reference; null for class methods. */
    public final VariableResolver doitResolver;

    private final BodyCompiler compiler;

    public CompiledMethod(
            Ast.Method ast,
            StClass methodClass,
            String category,
            Primitive primitive,
            boolean isKernel,
            VariableResolver doitResolver,
            BodyCompiler compiler) {
        this(
                ast,
                new Parser.Header(ast.selector(), ast.params(), ast.primitive()),
                ast.source(),
                methodClass,
                category,
                primitive,
                isKernel,
                doitResolver,
                compiler);
    }

    /**
     * A kernel method known by its header only: its body is parsed when it is compiled, on its first call (most
     * kernel methods are never called in a server's life; parsing them all cost every start-up).
     */
    public CompiledMethod(
            Parser.Header header,
            String source,
            StClass methodClass,
            String category,
            Primitive primitive,
            BodyCompiler compiler) {
        this(null, header, source, methodClass, category, primitive, true, null, compiler);
    }

    private CompiledMethod(
            Ast.Method ast,
            Parser.Header header,
            String source,
            StClass methodClass,
            String category,
            Primitive primitive,
            boolean isKernel,
            VariableResolver doitResolver,
            BodyCompiler compiler) {
        this.ast = ast;
        this.selector = StSymbol.of(header.selector());
        this.methodClass = methodClass;
        this.source = source;
        this.category = category;
        this.argNames = header.params().toArray(new String[0]);
        this.numArgs = argNames.length;
        this.primitiveName = header.primitive();
        this.primitive = primitive;
        this.isDoit = doitResolver != null;
        this.isKernel = isKernel;
        this.doitResolver = doitResolver;
        this.compiler = compiler;
    }

    @Override
    public CompiledMethod method() {
        return this;
    }

    /** The method comment: the first double-quoted comment in the source, if any. */
    public String comment() {
        if (source == null) return null;
        int q = source.indexOf('"');
        if (q < 0) return null;
        int e = source.indexOf('"', q + 1);
        return e < 0 ? null : source.substring(q + 1, e);
    }

    /** Compiles the method to executable nodes once (kernel methods are shared, so this is synchronized). */
    public void ensureCompiled() {
        if (compiled) return;
        synchronized (this) {
            if (compiled) return;
            compiler.compileBody(this, ast);
            ast = null;
            compiled = true;
        }
    }

    public String printName() {
        return methodClass.printName() + ">>" + selector.name;
    }

    @Override
    public String toString() {
        return printName();
    }
}
