package io.stui.smalltalk.objects;

/** The code of a block literal inside a method; closures ({@link StBlock}) pair it with a context. */
public final class CompiledBlock extends CodeUnit {
    public final CompiledMethod home;
    final int sourcePos;
    final int sourceEnd;

    public CompiledBlock(CompiledMethod home, int sourcePos, int sourceEnd) {
        this.home = home;
        this.sourcePos = sourcePos;
        this.sourceEnd = sourceEnd;
    }

    @Override
    public CompiledMethod method() {
        return home;
    }

    public String sourceText() {
        String s = home.source;
        if (s == null || sourceEnd > s.length()) return "[...]";
        return s.substring(sourcePos, sourceEnd);
    }
}
