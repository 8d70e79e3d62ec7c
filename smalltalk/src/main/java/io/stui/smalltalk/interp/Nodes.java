package io.stui.smalltalk.interp;

import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.ClassTable;
import io.stui.smalltalk.objects.CompiledBlock;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.Interpreter;
import io.stui.smalltalk.objects.Node;
import io.stui.smalltalk.objects.Num;
import io.stui.smalltalk.objects.Primitive;
import io.stui.smalltalk.objects.StBlock;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.objects.StSymbol;

/** The executable tree: each node evaluates itself in a {@link Context}. Built by the compiler package. */
public final class Nodes {
    private Nodes() {}

    /**
     * Evaluates an operand, the leaves (temporary, literal, self) in place: a type test costs less than the
     * megamorphic {@code eval} call each would otherwise be, on every send and arithmetic operation.
     */
    static Object operand(Node n, Context c) {
        if (n instanceof Temp t) return c.temps[t.index];
        if (n instanceof Lit l) return l.value;
        if (n instanceof Self) return c.receiver;
        if (n instanceof Arith a) return a.eval(c); // a direct call the JIT can inline, not a megamorphic one
        return n.eval(c);
    }

    // ------------------------------------------------------------ constants and variables

    public static final class Lit extends Node {
        final Object value;

        public Lit(Object value, int pos) {
            super(pos);
            this.value = value;
        }

        @Override
        public Object eval(Context c) {
            return value;
        }
    }

    /** A mutable literal (string, array, byte array): each evaluation answers a fresh copy so shared code stays pristine. */
    public static final class CopyLit extends Node {
        final Object value;

        public CopyLit(Object value, int pos) {
            super(pos);
            this.value = value;
        }

        @Override
        public Object eval(Context c) {
            return copyLiteral(value);
        }

        /** A fresh copy of a mutable literal (strings, byte arrays, arrays), so no evaluation can change another's. */
        private static Object copyLiteral(Object v) {
            if (v instanceof StSymbol) return v;
            if (v instanceof StString s) return new StString(s.chars.clone());
            if (v instanceof byte[] b) return b.clone();
            if (v instanceof Object[] a) {
                Object[] c = new Object[a.length];
                for (int i = 0; i < a.length; i++) c[i] = copyLiteral(a[i]);
                return c;
            }
            return v;
        }
    }

    public static final class Self extends Node {
        public Self(int pos) {
            super(pos);
        }

        @Override
        public Object eval(Context c) {
            return c.receiver;
        }
    }

    public static final class ThisContext extends Node {
        public ThisContext(int pos) {
            super(pos);
        }

        @Override
        public Object eval(Context c) {
            return c;
        }
    }

    public static final class Temp extends Node {
        final int index;

        public Temp(int index, int pos) {
            super(pos);
            this.index = index;
        }

        @Override
        public Object eval(Context c) {
            return c.temps[index];
        }
    }

    public static final class OuterTemp extends Node {
        final int depth, index;

        public OuterTemp(int depth, int index, int pos) {
            super(pos);
            this.depth = depth;
            this.index = index;
        }

        @Override
        public Object eval(Context c) {
            Context x = c;
            for (int d = depth; d > 0; d--) x = x.outer;
            return x.temps[index];
        }
    }

    public static final class StoreTemp extends Node {
        final int index;
        final Node value;

        public StoreTemp(int index, Node value, int pos) {
            super(pos);
            this.index = index;
            this.value = value;
        }

        @Override
        public Object eval(Context c) {
            return c.temps[index] = value.eval(c);
        }
    }

    public static final class StoreOuterTemp extends Node {
        final int depth, index;
        final Node value;

        public StoreOuterTemp(int depth, int index, Node value, int pos) {
            super(pos);
            this.depth = depth;
            this.index = index;
            this.value = value;
        }

        @Override
        public Object eval(Context c) {
            Object v = value.eval(c);
            Context x = c;
            for (int d = depth; d > 0; d--) x = x.outer;
            return x.temps[index] = v;
        }
    }

    public static final class InstVar extends Node {
        final int index;

        public InstVar(int index, int pos) {
            super(pos);
            this.index = index;
        }

        @Override
        public Object eval(Context c) {
            return ((StObject) c.receiver).slot(index);
        }
    }

    public static final class StoreInstVar extends Node {
        final int index;
        final Node value;

        public StoreInstVar(int index, Node value, int pos) {
            super(pos);
            this.index = index;
            this.value = value;
        }

        @Override
        public Object eval(Context c) {
            Object v = value.eval(c);
            StObject o = (StObject) c.receiver;
            if (o.cls.owner == null && o instanceof StClass) c.interp.refuseKernelMutation(c, o);
            o.setSlot(index, v);
            return v;
        }
    }

    public static final class ReadBinding extends Node {
        final Binding binding;

        public ReadBinding(Binding binding, int pos) {
            super(pos);
            this.binding = binding;
        }

        @Override
        public Object eval(Context c) {
            return binding.value;
        }
    }

    public static final class StoreBinding extends Node {
        final Binding binding;
        final Node value;
        final boolean kernelOwned;

        public StoreBinding(Binding binding, Node value, boolean kernelOwned, int pos) {
            super(pos);
            this.binding = binding;
            this.value = value;
            this.kernelOwned = kernelOwned;
        }

        @Override
        public Object eval(Context c) {
            Object v = value.eval(c);
            if (kernelOwned && !c.interp.env.isKernel) c.interp.refuseKernelMutation(c, binding.name);
            return binding.value = v;
        }
    }

    /** A global looked up by name; the cache is one immutable pair so concurrent readers never mix entries. */
    record GlobalCache(Object token, Binding binding) {}

    public static final class ReadGlobal extends Node {
        final String name;
        private GlobalCache cache;
        private final boolean kernelOnly;

        public ReadGlobal(String name, boolean kernelOnly, int pos) {
            super(pos);
            this.name = name;
            this.kernelOnly = kernelOnly;
        }

        @Override
        public Object eval(Context c) {
            Environment env = kernelOnly ? c.interp.classes.bootEnv : c.interp.env;
            Object tok = env.token();
            GlobalCache gc = cache;
            Binding b;
            if (gc != null && gc.token == tok) b = gc.binding;
            else {
                b = env.binding(name);
                cache = new GlobalCache(tok, b);
            }
            if (b == null) {
                b = env.binding(name);
                c.pos = pos;
                if (b == null) return c.interp.signalError("UndeclaredVariableRead", "Undeclared variable: " + name, c);
            }
            return b.value;
        }
    }

    public static final class StoreGlobal extends Node {
        final String name;
        final Node value;

        public StoreGlobal(String name, Node value, int pos) {
            super(pos);
            this.name = name;
            this.value = value;
        }

        @Override
        public Object eval(Context c) {
            Object v = value.eval(c);
            c.interp.env.defineGlobal(name, v);
            return v;
        }
    }

    // ------------------------------------------------------------ sends

    record CacheEntry(StClass cls, Object token, CompiledMethod method) {}

    public static class Send extends Node {
        final Node receiver;
        final StSymbol selector;
        final Node[] args;
        private CacheEntry cache;

        public Send(Node receiver, StSymbol selector, Node[] args, int pos) {
            super(pos);
            this.receiver = receiver;
            this.selector = selector;
            this.args = args;
        }

        final Object[] evalArgs(Context c) {
            int n = args.length;
            if (n == 0) return Interp.NO_ARGS; // zero-temp activations never write their temps
            Object[] a = new Object[n];
            for (int i = 0; i < n; i++) a[i] = operand(args[i], c);
            return a;
        }

        @Override
        public Object eval(Context c) {
            Object r = operand(receiver, c);
            Node[] as = args;
            if (as.length == 1) return send1(c, r, operand(as[0], c));
            if (as.length == 2) return send2(c, r, operand(as[0], c), operand(as[1], c));
            return dispatch(c, r, evalArgs(c));
        }

        /** A one-argument send: a {@link Primitive.One} found is called without an argument array. */
        private Object send1(Context c, Object r, Object a0) {
            Interpreter in = c.interp;
            CompiledMethod m = lookup(c, in, r);
            if (m == null) return in.dnu(r, selector, new Object[] {a0}, c);
            if (m.primitive instanceof Primitive.One p) {
                Object v = p.call1(in, r, a0, c);
                return v != Primitive.FAIL ? v : in.activate(m, r, new Object[] {a0}, c);
            }
            return in.invoke(m, r, new Object[] {a0}, c);
        }

        /** A two-argument send: a {@link Primitive.Two} found is called without an argument array. */
        private Object send2(Context c, Object r, Object a0, Object a1) {
            Interpreter in = c.interp;
            CompiledMethod m = lookup(c, in, r);
            if (m == null) return in.dnu(r, selector, new Object[] {a0, a1}, c);
            if (m.primitive instanceof Primitive.Two p) {
                Object v = p.call2(in, r, a0, a1, c);
                return v != Primitive.FAIL ? v : in.activate(m, r, new Object[] {a0, a1}, c);
            }
            return in.invoke(m, r, new Object[] {a0, a1}, c);
        }

        final Object dispatch(Context c, Object r, Object[] a) {
            Interpreter in = c.interp;
            CompiledMethod m = lookup(c, in, r);
            if (m == null) return in.dnu(r, selector, a, c);
            return in.invoke(m, r, a, c);
        }

        /** Marks the send's position, tells a debugger, and finds the method through this site's cache. */
        private CompiledMethod lookup(Context c, Interpreter in, Object r) {
            c.pos = pos;
            if (in.debug != null) in.debug.beforeSend(c);
            StClass cls = in.classes.classOf(r);
            Object tok = in.env.token();
            CacheEntry e = cache;
            CompiledMethod m;
            if (e != null && e.cls == cls && e.token == tok) m = e.method;
            else {
                m = in.env.lookup(cls, selector);
                cache = new CacheEntry(cls, tok, m);
            }
            return m;
        }
    }

    public static final class SuperSend extends Node {
        final StSymbol selector;
        final Node[] args;
        final StClass methodClass;

        public SuperSend(StSymbol selector, Node[] args, StClass methodClass, int pos) {
            super(pos);
            this.selector = selector;
            this.args = args;
            this.methodClass = methodClass;
        }

        @Override
        public Object eval(Context c) {
            Object[] a = new Object[args.length];
            for (int i = 0; i < a.length; i++) a[i] = args[i].eval(c);
            c.pos = pos;
            if (c.interp.debug != null) c.interp.debug.beforeSend(c);
            return c.interp.superSend(methodClass.superclass, c.receiver, selector, a, c);
        }
    }

    /** {@code value}, {@code value:} ... sent to a block: call it directly unless the workspace redefined BlockClosure. */
    public static final class BlockValue extends Send {
        public BlockValue(Node receiver, StSymbol selector, Node[] args, int pos) {
            super(receiver, selector, args, pos);
        }

        @Override
        public Object eval(Context c) {
            Object r = operand(receiver, c);
            Object[] a = evalArgs(c);
            if (r instanceof StBlock b && b.code.numArgs == a.length && c.interp.env.extendsNoKernelClass()) {
                c.pos = pos;
                if (c.interp.debug != null) c.interp.debug.beforeSend(c);
                return c.interp.callBlock(b, a, c);
            }
            return dispatch(c, r, a);
        }
    }

    public static final int ADD = 0,
            SUB = 1,
            MUL = 2,
            LT = 3,
            GT = 4,
            LE = 5,
            GE = 6,
            EQ = 7,
            NE = 8,
            DIV = 9,
            IDIV = 10,
            MOD = 11;

    /** Binary arithmetic and comparison with SmallInteger and Float fast paths, as the special-selector bytecodes do. */
    public static final class Arith extends Send {
        final int op;

        public Arith(Node receiver, StSymbol selector, Node arg, int op, int pos) {
            super(receiver, selector, new Node[] {arg}, pos);
            this.op = op;
        }

        @Override
        public Object eval(Context c) {
            Object r = operand(receiver, c);
            Object a = operand(args[0], c);
            // under a debugger every arithmetic send is a real send, so that it can be stepped
            if (c.interp.debug != null) return dispatch(c, r, new Object[] {a});
            // kept small so that the JIT inlines it where it is used: the rarer cases are in their own methods
            if (r instanceof Long x && a instanceof Long y) {
                Object v = smallIntegers(op, x, y);
                if (v != null) return v;
            }
            return otherOperands(c, r, a);
        }

        /** The SmallInteger result, or null when it is not one (overflow, inexact division, zero divisor). */
        private static Object smallIntegers(int op, long xv, long yv) {
            switch (op) {
                case ADD: {
                    long s = xv + yv;
                    if (Num.isSmall(s)) return s;
                    break;
                }
                case SUB: {
                    long s = xv - yv;
                    if (Num.isSmall(s)) return s;
                    break;
                }
                case MUL: {
                    long hi = Math.multiplyHigh(xv, yv), lo = xv * yv;
                    if ((hi == 0 && lo >= 0 || hi == -1 && lo < 0) && Num.isSmall(lo)) return lo;
                    break;
                }
                case LT:
                    return xv < yv ? Boolean.TRUE : Boolean.FALSE;
                case GT:
                    return xv > yv ? Boolean.TRUE : Boolean.FALSE;
                case LE:
                    return xv <= yv ? Boolean.TRUE : Boolean.FALSE;
                case GE:
                    return xv >= yv ? Boolean.TRUE : Boolean.FALSE;
                case EQ:
                    return xv == yv ? Boolean.TRUE : Boolean.FALSE;
                case NE:
                    return xv != yv ? Boolean.TRUE : Boolean.FALSE;
                case DIV:
                    if (yv != 0 && xv % yv == 0) return xv / yv;
                    break;
                case IDIV:
                    if (yv != 0) return Math.floorDiv(xv, yv);
                    break;
                case MOD:
                    if (yv != 0) return Math.floorMod(xv, yv);
                    break;
                default:
                    break;
            }
            return null;
        }

        private Object otherOperands(Context c, Object r, Object a) {
            if (r instanceof Double x && (a instanceof Double || a instanceof Long)) {
                double xv = x, yv = a instanceof Double d ? d : (double) (Long) a;
                switch (op) {
                    case ADD:
                        return xv + yv;
                    case SUB:
                        return xv - yv;
                    case MUL:
                        return xv * yv;
                    case LT:
                        return xv < yv;
                    case GT:
                        return xv > yv;
                    case LE:
                        return xv <= yv;
                    case GE:
                        return xv >= yv;
                    case EQ:
                        return xv == yv;
                    case NE:
                        return xv != yv;
                    case DIV:
                        if (yv != 0) return xv / yv;
                        break;
                    default:
                        break;
                }
            }
            return dispatch(c, r, new Object[] {a});
        }
    }

    /** {@code ==}: identity, never a real send. */
    public static final class Identical extends Node {
        final Node left, right;
        final boolean negate;

        public Identical(Node left, Node right, boolean negate, int pos) {
            super(pos);
            this.left = left;
            this.right = right;
            this.negate = negate;
        }

        @Override
        public Object eval(Context c) {
            return ClassTable.identical(left.eval(c), right.eval(c)) != negate;
        }
    }

    public static final class Cascade extends Node {
        final Node receiver;
        final int slot;
        final Node[] messages;

        public Cascade(Node receiver, int slot, Node[] messages, int pos) {
            super(pos);
            this.receiver = receiver;
            this.slot = slot;
            this.messages = messages;
        }

        @Override
        public Object eval(Context c) {
            c.temps[slot] = receiver.eval(c);
            Object r = null;
            for (Node m : messages) r = m.eval(c);
            return r;
        }
    }

    public static final class MakeBlock extends Node {
        final CompiledBlock code;

        public MakeBlock(CompiledBlock code, int pos) {
            super(pos);
            this.code = code;
        }

        @Override
        public Object eval(Context c) {
            return new StBlock(code, c, c.receiver);
        }
    }

    public static final class Brace extends Node {
        final Node[] elements;

        public Brace(Node[] elements, int pos) {
            super(pos);
            this.elements = elements;
        }

        @Override
        public Object eval(Context c) {
            Object[] a = new Object[elements.length];
            for (int i = 0; i < a.length; i++) a[i] = elements[i].eval(c);
            c.interp.allocate(16L + 8L * a.length, c);
            return a;
        }
    }

    // ------------------------------------------------------------ statements and returns

    public static final class Seq extends Node {
        final Node[] statements;
        /** Temporaries of an inlined block, reset to nil on entry as a fresh activation would be. */
        final int[] clear;

        public Seq(Node[] statements, int[] clear, int pos) {
            super(pos);
            this.statements = statements;
            this.clear = clear;
        }

        @Override
        public Object eval(Context c) {
            if (clear != null) for (int i : clear) c.temps[i] = null;
            Object v = null;
            for (Node s : statements) {
                v = s.eval(c);
                if (c.returning) return v;
            }
            return v;
        }
    }

    /** A statement-level {@code ^} in a method: flag the context; enclosing sequences stop. */
    public static final class FlagReturn extends Node {
        final Node value;

        public FlagReturn(Node value, int pos) {
            super(pos);
            this.value = value;
        }

        @Override
        public Object eval(Context c) {
            Object v = operand(value, c);
            c.returnValue = v;
            c.returning = true;
            return v;
        }
    }

    /** A {@code ^} nested in an expression of the method itself: unwind to the method. */
    public static final class ThrowReturn extends Node {
        final Node value;

        public ThrowReturn(Node value, int pos) {
            super(pos);
            this.value = value;
        }

        @Override
        public Object eval(Context c) {
            throw new ControlFlow.LocalReturn(c, value.eval(c));
        }
    }

    /** A {@code ^} inside a real block: return from the home method, if it is still running. */
    public static final class NonLocalReturn extends Node {
        final Node value;

        public NonLocalReturn(Node value, int pos) {
            super(pos);
            this.value = value;
        }

        @Override
        public Object eval(Context c) {
            Object v = value.eval(c);
            Context home = c.home;
            if (home.dead)
                return c.interp.signalError(
                        "BlockCannotReturn",
                        "Block cannot return: its home method "
                                + home.code.method().printName() + " has already returned",
                        c);
            throw new ControlFlow.NonLocalReturn(home, v);
        }
    }

    // ------------------------------------------------------------ inlined control structures

    static Object nonBoolean(Context c, Object v) {
        return c.interp.signalError("NonBooleanReceiver", "proceed for truth.", c);
    }

    public static final class If extends Node {
        final Node cond, ifTrue, ifFalse;

        public If(Node cond, Node ifTrue, Node ifFalse, int pos) {
            super(pos);
            this.cond = cond;
            this.ifTrue = ifTrue;
            this.ifFalse = ifFalse;
        }

        @Override
        public Object eval(Context c) {
            Object v = operand(cond, c);
            if (v == Boolean.TRUE) return ifTrue == null ? null : ifTrue.eval(c);
            if (v == Boolean.FALSE) return ifFalse == null ? null : ifFalse.eval(c);
            return nonBoolean(c, v);
        }
    }

    public static final class And extends Node {
        final Node left, right;
        final boolean isAnd;

        public And(Node left, Node right, boolean isAnd, int pos) {
            super(pos);
            this.left = left;
            this.right = right;
            this.isAnd = isAnd;
        }

        @Override
        public Object eval(Context c) {
            Object v = left.eval(c);
            if (v == Boolean.TRUE) return isAnd ? right.eval(c) : Boolean.TRUE;
            if (v == Boolean.FALSE) return isAnd ? Boolean.FALSE : right.eval(c);
            return nonBoolean(c, v);
        }
    }

    public static final class IfNil extends Node {
        final Node value, ifNil, ifNotNil;
        final int argSlot;

        public IfNil(Node value, Node ifNil, Node ifNotNil, int argSlot, int pos) {
            super(pos);
            this.value = value;
            this.ifNil = ifNil;
            this.ifNotNil = ifNotNil;
            this.argSlot = argSlot;
        }

        @Override
        public Object eval(Context c) {
            Object v = value.eval(c);
            if (v == null) return ifNil == null ? null : ifNil.eval(c);
            if (ifNotNil == null) return v;
            if (argSlot >= 0) c.temps[argSlot] = v;
            return ifNotNil.eval(c);
        }
    }

    /** A loop: when a limit or an interrupt stops it between two steps, its frame's line is the loop's. */
    abstract static class Loop extends Node {
        Loop(int pos) {
            super(pos);
        }

        @Override
        public final Object eval(Context c) {
            try {
                return loop(c);
            } catch (ControlFlow.Termination t) {
                if (t.context == c) c.pos = pos;
                throw t;
            }
        }

        abstract Object loop(Context c);
    }

    public static final class While extends Loop {
        final Node cond, body;
        final boolean whileTrue;

        public While(Node cond, Node body, boolean whileTrue, int pos) {
            super(pos);
            this.cond = cond;
            this.body = body;
            this.whileTrue = whileTrue;
        }

        @Override
        Object loop(Context c) {
            Interpreter in = c.interp;
            Object expected = whileTrue ? Boolean.TRUE : Boolean.FALSE;
            while (true) {
                Object v = cond.eval(c);
                if (c.returning) return v;
                if (v != expected) {
                    if (v instanceof Boolean) return null;
                    return nonBoolean(c, v);
                }
                if (body != null) {
                    body.eval(c);
                    if (c.returning) return null;
                }
                in.step(c);
            }
        }
    }

    public static final class Repeat extends Loop {
        final Node body;

        public Repeat(Node body, int pos) {
            super(pos);
            this.body = body;
        }

        @Override
        Object loop(Context c) {
            Interpreter in = c.interp;
            while (true) {
                body.eval(c);
                if (c.returning) return null;
                in.step(c);
            }
        }
    }

    /** {@code from to: to [by: step] do: [:i | ...]} with the loop variable in the enclosing frame. */
    public static final class ToDo extends Loop {
        final Node from, to, by, body;
        final int slot;

        public ToDo(Node from, Node to, Node by, int slot, Node body, int pos) {
            super(pos);
            this.from = from;
            this.to = to;
            this.by = by;
            this.slot = slot;
            this.body = body;
        }

        @Override
        Object loop(Context c) {
            Object f = from.eval(c);
            Object t = to.eval(c);
            Object s = by == null ? (Object) 1L : by.eval(c);
            Interpreter in = c.interp;
            if (f instanceof Long fl && t instanceof Long tl && s instanceof Long sl) {
                long step = sl;
                if (step == 0) return in.signalError("Error", "step must not be zero", c);
                long end = tl;
                if (step > 0) {
                    for (long i = fl; i <= end; i += step) {
                        c.temps[slot] = i;
                        body.eval(c);
                        if (c.returning) return null;
                        in.step(c);
                    }
                } else {
                    for (long i = fl; i >= end; i += step) {
                        c.temps[slot] = i;
                        body.eval(c);
                        if (c.returning) return null;
                        in.step(c);
                    }
                }
                return f;
            }
            if (s instanceof Long sl && sl == 0) return in.signalError("Error", "step must not be zero", c);
            boolean up = !Interp.truthy(in.send(s, StSymbol.of("<"), new Object[] {0L}, c));
            StSymbol cmp = StSymbol.of(up ? "<=" : ">=");
            StSymbol plus = StSymbol.of("+");
            Object i = f;
            while (Interp.truthy(in.send(i, cmp, new Object[] {t}, c))) {
                c.temps[slot] = i;
                body.eval(c);
                if (c.returning) return null;
                in.step(c);
                i = in.send(i, plus, new Object[] {s}, c);
            }
            return f;
        }
    }

    public static final class TimesRepeat extends Loop {
        final Node count, body;

        public TimesRepeat(Node count, Node body, int pos) {
            super(pos);
            this.count = count;
            this.body = body;
        }

        @Override
        Object loop(Context c) {
            Object n = count.eval(c);
            Interpreter in = c.interp;
            if (!(n instanceof Long ln)) {
                // any other number: count with real sends, as Number>>timesRepeat: would
                StSymbol le = StSymbol.of("<="), plus = StSymbol.of("+");
                Object i = 1L;
                while (Interp.truthy(in.send(i, le, new Object[] {n}, c))) {
                    body.eval(c);
                    if (c.returning) return null;
                    in.step(c);
                    i = in.send(i, plus, new Object[] {1L}, c);
                }
                return n;
            }
            for (long i = 0; i < ln; i++) {
                body.eval(c);
                if (c.returning) return null;
                in.step(c);
            }
            return n;
        }
    }
}
