package io.stui.smalltalk.runtime;

/** Executable code shared by methods and blocks: temporaries layout and compiled body. */
public abstract class CodeUnit {
    public String[] tempNames = new String[0];
    public int numArgs;
    public int numTemps;
    Nodes.Node body;

    /** The method this code belongs to (itself for methods). */
    public abstract CompiledMethod method();
}
