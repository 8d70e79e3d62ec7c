package io.stui.smalltalk.objects;

/** Executable code shared by methods and blocks: temporaries layout and compiled body. */
public abstract class CodeUnit {
    public String[] tempNames = new String[0];
    public int numArgs;
    public int numTemps;
    public Node body;

    /** The method this code belongs to (itself for methods). */
    public abstract CompiledMethod method();
}
