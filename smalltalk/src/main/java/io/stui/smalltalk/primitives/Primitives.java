package io.stui.smalltalk.primitives;

import io.stui.smalltalk.objects.Primitive;
import io.stui.smalltalk.objects.StString;
import java.util.HashMap;
import java.util.Map;

/** The registry of Java primitives by name, as referenced from kernel sources with {@code <primitive: 'name'>}. */
public final class Primitives {
    private Primitives() {}

    static final Object FAIL = Primitive.FAIL;

    public static Map<String, Primitive> all() {
        Map<String, Primitive> m = new HashMap<>();
        ObjectPrims.register(m);
        NumberPrims.register(m);
        CollectionPrims.register(m);
        ControlPrims.register(m);
        ReflectionPrims.register(m);
        TraitPrims.register(m);
        return m;
    }

    static Long smallArg(Object o) {
        return o instanceof Long l ? l : null;
    }

    static Object bool(boolean b) {
        return b ? Boolean.TRUE : Boolean.FALSE;
    }

    static StString str(String s) {
        return new StString(s);
    }

    static String text(Object o) {
        if (o instanceof StString s) return s.str();
        return null;
    }
}
