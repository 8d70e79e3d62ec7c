package io.stui.smalltalk.objects;

/** A BlockClosure: compiled block code closed over its defining context. */
public final class StBlock {
    public final CompiledBlock code;
    public Context outer;
    public Object receiver;

    public StBlock(CompiledBlock code, Context outer, Object receiver) {
        this.code = code;
        this.outer = outer;
        this.receiver = receiver;
    }

    public int numArgs() {
        return code.numArgs;
    }
}
