package io.stui.smalltalk.compiler;

import io.stui.smalltalk.objects.Char;
import io.stui.smalltalk.objects.Num;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.objects.StSymbol;
import io.stui.smalltalk.syntax.Ast;
import java.math.BigInteger;

/** Turns the parser's literal values ({@link Ast.Literal}) into the values the interpreter runs with. */
public final class Literals {
    private Literals() {}

    public static Object runtimeValue(Object v) {
        if (v instanceof Long l) return Num.isSmall(l) ? l : BigInteger.valueOf(l);
        if (v instanceof BigInteger b) return Num.norm(b);
        if (v instanceof String s) return new StString(s);
        if (v instanceof Ast.SymbolValue s) return StSymbol.of(s.name());
        if (v instanceof Ast.CharValue c) return Char.of(c.codePoint());
        if (v instanceof Object[] a) {
            Object[] out = new Object[a.length];
            for (int i = 0; i < a.length; i++) out[i] = runtimeValue(a[i]);
            return out;
        }
        return v; // Double, byte[], Boolean, null
    }
}
