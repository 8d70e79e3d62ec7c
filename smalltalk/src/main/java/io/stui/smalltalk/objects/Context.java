package io.stui.smalltalk.objects;

/**
 * An activation of a method or block: temporaries, receiver, lexical outer context and sender. Its fields are
 * public because the interpreter (another package) reads and writes them on every activation and return; only
 * the interpreter writes {@code returning}, {@code returnValue}, {@code dead}, {@code handler} and {@code pos}.
 */
public final class Context {
    public final CodeUnit code;
    public final Object receiver;
    public final Object[] temps;
    /** Lexically enclosing context (blocks only); set once (late only when a snapshot is restored). */
    public Context outer;
    /** The method context a {@code ^} returns from. */
    public Context home;

    public final Context sender;
    /** The evaluation running this activation; null for one restored from a snapshot until it runs again. */
    public final Interpreter interp;

    public final int depth;
    /** Set by a statement-level {@code ^}; checked after each statement. */
    public boolean returning;

    public Object returnValue;
    /** True once the method activation has returned; a {@code ^} to it is then a BlockCannotReturn. */
    public boolean dead;
    /** Source offset of the send being executed (for frame line numbers); -1 before the first send. */
    public int pos = -1;
    /** Exception handler data when this is an on:do: activation. */
    public HandlerInfo handler;

    public Context(CodeUnit code, Object receiver, Object[] temps, Context outer, Context sender, Interpreter interp) {
        this.code = code;
        this.receiver = receiver;
        this.temps = temps;
        this.outer = outer;
        this.home = outer == null ? this : outer.home;
        this.sender = sender;
        this.interp = interp;
        this.depth = sender == null ? 0 : sender.depth + 1;
    }

    /** Handler registration made by {@code on:do:}. */
    public static final class HandlerInfo {
        public final Object exceptionSelector;
        public final StBlock handlerBlock;
        public final HandlerInfo next;
        public final Context context;

        public HandlerInfo(Object exceptionSelector, StBlock handlerBlock, HandlerInfo next, Context context) {
            this.exceptionSelector = exceptionSelector;
            this.handlerBlock = handlerBlock;
            this.next = next;
            this.context = context;
        }
    }

    public boolean isBlock() {
        return code instanceof CompiledBlock;
    }

    /** 1-based line, within the method's source, of the send this frame is executing; 0 when unknown. */
    public int line() {
        String src = code.method().source;
        if (pos < 0 || src == null) return 0;
        int line = 1;
        for (int i = 0; i < Math.min(pos, src.length()); i++) if (src.charAt(i) == '\n') line++;
        return line;
    }

    /** Pharo-style frame description, e.g. {@code SmallInteger(Integer)>>factorial} or {@code [] in UndefinedObject>>DoIt}. */
    public String describe(ClassTable classes) {
        CompiledMethod m = code.method();
        StClass rc = classes.classOf(receiver);
        String cls = rc == m.methodClass ? rc.printName() : rc.printName() + "(" + m.methodClass.printName() + ")";
        StringBuilder prefix = new StringBuilder();
        for (Context x = this; x != null && x.isBlock(); x = x.outer) prefix.append("[] in ");
        String d = prefix + cls + ">>" + m.selector.name;
        // as Pharo's debugger shows it: SmallInteger(Object)>>doesNotUnderstand: #foo
        if (!isBlock()
                && m.selector.name.equals("doesNotUnderstand:")
                && temps.length > 0
                && temps[0] instanceof StObject msg
                && msg.slot(0) instanceof StSymbol sel) d += " #" + sel.name;
        return d;
    }

    @Override
    public String toString() {
        return (isBlock() ? "[] in " : "") + code.method().printName();
    }
}
