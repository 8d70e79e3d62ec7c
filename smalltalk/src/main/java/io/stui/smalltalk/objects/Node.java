package io.stui.smalltalk.objects;

/**
 * A node of a method's executable tree: it evaluates itself in a {@link Context}. The object model holds
 * compiled bodies through this type; the interpreter's nodes ({@code interp.Nodes}) are its subclasses.
 */
public abstract class Node {
    /** Source offset, for the line a stack frame shows. */
    public final int pos;

    protected Node(int pos) {
        this.pos = pos;
    }

    public abstract Object eval(Context c);
}
