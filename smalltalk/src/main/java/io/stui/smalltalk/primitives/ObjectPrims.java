package io.stui.smalltalk.primitives;

import static io.stui.smalltalk.primitives.Primitives.FAIL;
import static io.stui.smalltalk.primitives.Primitives.bool;

import io.stui.smalltalk.objects.Char;
import io.stui.smalltalk.objects.ClassTable;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.Interpreter;
import io.stui.smalltalk.objects.Primitive;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StIndexed;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.objects.StSymbol;
import java.util.Map;

/** Primitives every object has: identity, class, hashing, copying, instance variables, indexed access, perform. */
public final class ObjectPrims {
    private ObjectPrims() {}

    static void register(Map<String, Primitive> m) {
        m.put("identical", (in, r, a, s) -> bool(ClassTable.identical(r, a[0])));
        m.put("class", (in, r, a, s) -> in.classes.classOf(r));
        m.put("identityHash", (in, r, a, s) -> (long) identityHash(r));
        m.put("shallowCopy", (in, r, a, s) -> shallowCopy(in, r, s));
        m.put("instVarAt", (in, r, a, s) -> {
            if (!(r instanceof StObject o) || !(a[0] instanceof Long i) || i < 1 || i > o.cls.instSize()) return FAIL;
            return o.slot((int) (i - 1));
        });
        m.put("instVarAtPut", (in, r, a, s) -> {
            if (!(r instanceof StObject o) || !(a[0] instanceof Long i) || i < 1 || i > o.cls.instSize()) return FAIL;
            if (o instanceof StClass c && c.isKernel()) {
                in.refuseKernelMutation(s, c);
                return FAIL;
            }
            o.setSlot((int) (i - 1), a[1]);
            return a[1];
        });
        m.put("instVarNamed", (in, r, a, s) -> {
            if (!(r instanceof StObject o) || !(a[0] instanceof StString n)) return FAIL;
            int i = o.cls.slotIndex(n.str());
            return i < 0 ? FAIL : o.slot(i);
        });
        m.put("instVarNamedPut", (in, r, a, s) -> {
            if (!(r instanceof StObject o) || !(a[0] instanceof StString n)) return FAIL;
            int i = o.cls.slotIndex(n.str());
            if (i < 0) return FAIL;
            o.setSlot(i, a[1]);
            return a[1];
        });
        m.put("perform", (in, r, a, s) -> {
            if (!(a[0] instanceof StSymbol sel)) return FAIL;
            Object[] args = new Object[a.length - 1];
            System.arraycopy(a, 1, args, 0, args.length);
            if (sel.numArgs() != args.length) return FAIL;
            return in.send(r, sel, args, s);
        });
        m.put("performWithArgs", (in, r, a, s) -> {
            if (!(a[0] instanceof StSymbol sel) || !(a[1] instanceof Object[] args) || sel.numArgs() != args.length)
                return FAIL;
            return in.send(r, sel, args.clone(), s);
        });
        m.put(
                "respondsTo",
                (in, r, a, s) ->
                        bool(a[0] instanceof StSymbol sel && in.env.lookup(in.classes.classOf(r), sel) != null));
        m.put("basicSize", (in, r, a, s) -> (long) indexedSize(r));
        // One and Two: the sends of these call them without an argument array (the sieve's inner loop)
        m.put("basicAt", (Primitive.One) (in, r, a, s) -> at(r, a));
        m.put("basicAtPut", (Primitive.Two) ObjectPrims::atPut);
        m.put("at", (Primitive.One) (in, r, a, s) -> at(r, a));
        m.put("atPut", (Primitive.Two) ObjectPrims::atPut);
        m.put("size", (in, r, a, s) -> {
            if (r instanceof Object[] arr) return (long) arr.length;
            if (r instanceof StString str) return (long) str.chars.length;
            if (r instanceof byte[] b) return (long) b.length;
            if (r instanceof StIndexed x) return (long) x.items.length;
            return FAIL;
        });
        m.put("transcriptShow", (in, r, a, s) -> {
            if (!(a[0] instanceof StString str)) return FAIL;
            if (in.transcript.length() + str.chars.length > 1_000_000) {
                in.allocate(str.chars.length, s);
                return r;
            }
            in.transcript.append(str.chars);
            if (in.transcriptListener != null) in.transcriptListener.accept(new String(str.chars));
            return r;
        });
        m.put("transcriptContents", (in, r, a, s) -> new StString(in.transcript.toString()));
        m.put("transcriptClear", (in, r, a, s) -> {
            in.transcript.setLength(0);
            return r;
        });
    }

    public static int identityHash(Object r) {
        if (r instanceof Long l) return (int) (l ^ (l >>> 32)) & 0x3FFFFF;
        if (r instanceof Char c) return c.value;
        if (r instanceof Double d) return Double.hashCode(d) & 0x3FFFFF;
        if (r instanceof Boolean b) return b ? 3 : 2;
        if (r == null) return 1;
        return System.identityHashCode(r) & 0x3FFFFF;
    }

    static Object shallowCopy(Interpreter in, Object r, Context s) {
        if (r instanceof StClass) return r;
        if (r instanceof StIndexed x) {
            StIndexed c = new StIndexed(x.cls, 0, 0);
            c.slots = x.slots.clone();
            c.items = x.items.clone();
            in.allocate(16L + 8L * (c.slots.length + c.items.length), s);
            return c;
        }
        if (r instanceof StObject o) {
            StObject c = new StObject(o.cls, 0);
            c.slots = o.slots.clone();
            in.allocate(16L + 8L * c.slots.length, s);
            return c;
        }
        if (r instanceof StSymbol) return r;
        if (r instanceof StString str) {
            in.allocate(16L + 2L * str.chars.length, s);
            return new StString(str.chars.clone());
        }
        if (r instanceof Object[] arr) {
            in.allocate(16L + 8L * arr.length, s);
            return arr.clone();
        }
        if (r instanceof byte[] b) {
            in.allocate(16L + b.length, s);
            return b.clone();
        }
        return r;
    }

    public static int indexedSize(Object r) {
        if (r instanceof Object[] arr) return arr.length;
        if (r instanceof StString str) return str.chars.length;
        if (r instanceof byte[] b) return b.length;
        if (r instanceof StIndexed x) return x.items.length;
        return 0;
    }

    public static Object at(Object r, Object index) {
        if (!(index instanceof Long l)) return FAIL;
        long i = l - 1;
        if (r instanceof Object[] arr) return i >= 0 && i < arr.length ? arr[(int) i] : FAIL;
        if (r instanceof StString str) return i >= 0 && i < str.chars.length ? Char.of(str.chars[(int) i]) : FAIL;
        if (r instanceof byte[] b) return i >= 0 && i < b.length ? (Object) (long) (b[(int) i] & 0xFF) : FAIL;
        if (r instanceof StIndexed x) return i >= 0 && i < x.items.length ? x.items[(int) i] : FAIL;
        return FAIL;
    }

    static Object atPut(Interpreter in, Object r, Object index, Object v, Context s) {
        if (!(index instanceof Long l)) return FAIL;
        long i = l - 1;
        if (r instanceof Object[] arr) {
            if (i < 0 || i >= arr.length) return FAIL;
            arr[(int) i] = v;
            return v;
        }
        if (r instanceof StSymbol) return FAIL;
        if (r instanceof StString str) {
            if (i < 0 || i >= str.chars.length || !(v instanceof Char c) || c.value > 0xFFFF) return FAIL;
            str.chars[(int) i] = (char) c.value;
            str.stored(c.value);
            return v;
        }
        if (r instanceof byte[] b) {
            if (i < 0 || i >= b.length || !(v instanceof Long x) || x < 0 || x > 255) return FAIL;
            b[(int) i] = (byte) (long) x;
            return v;
        }
        if (r instanceof StIndexed x) {
            if (i < 0 || i >= x.items.length) return FAIL;
            x.items[(int) i] = v;
            return v;
        }
        return FAIL;
    }
}
