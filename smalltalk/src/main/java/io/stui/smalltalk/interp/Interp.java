package io.stui.smalltalk.interp;

import io.stui.smalltalk.objects.CompiledBlock;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.DebugHook;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.Interpreter;
import io.stui.smalltalk.objects.Primitive;
import io.stui.smalltalk.objects.StBlock;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.objects.StSymbol;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The execution state of one evaluation: environment, limits, step and allocation counters, the exception
 * handler stack and the captured Transcript. Used by exactly one thread.
 */
public final class Interp extends Interpreter {
    public static final Object[] NO_ARGS = new Object[0];

    public final AtomicBoolean interruptFlag;
    private long deadlineNanos;
    private final long budget;
    private final long maxAllocation;
    final int maxDepth;
    long steps;
    private long nextCheck;
    long allocated;
    Context.HandlerInfo handlers;

    public Interp(
            Environment env,
            long timeoutNanos,
            long budget,
            long maxAllocation,
            int maxDepth,
            AtomicBoolean interruptFlag) {
        this(env, timeoutNanos, budget, maxAllocation, maxDepth, interruptFlag, null);
    }

    /** An interpreter for a debug-mode evaluation when {@code debug} is not null. */
    public Interp(
            Environment env,
            long timeoutNanos,
            long budget,
            long maxAllocation,
            int maxDepth,
            AtomicBoolean interruptFlag,
            DebugHook debug) {
        super(env, debug);
        this.deadlineNanos = System.nanoTime() + timeoutNanos;
        this.budget = budget <= 0 ? Long.MAX_VALUE : budget;
        this.maxAllocation = maxAllocation <= 0 ? Long.MAX_VALUE : maxAllocation;
        this.maxDepth = maxDepth;
        this.interruptFlag = interruptFlag;
        this.nextCheck = Math.min(this.budget, 4096);
    }

    public long steps() {
        return steps;
    }

    /** Bytes this evaluation has been charged so far (what {@link #allocate} counted). */
    public long allocated() {
        return allocated;
    }

    /** How the message of {@link #allocate}'s termination starts (a workspace's memory account recognises it). */
    public static final String ALLOCATION_LIMIT_TEXT = "the evaluation tried to allocate more than ";

    /** Moves the time limit later: a debugger calls this with the time the evaluation spent suspended. */
    public void extendDeadline(long nanos) {
        deadlineNanos += nanos;
    }

    // ---------------------------------------------------------------- limits

    @Override
    public void step(Context c) {
        if (++steps >= nextCheck) checkLimits(c);
    }

    void checkLimits(Context c) {
        if (steps >= budget)
            throw new ControlFlow.Termination(
                    "InstructionBudgetExceeded", "the evaluation used its budget of " + budget + " steps", c);
        if (interruptFlag != null && interruptFlag.get())
            throw new ControlFlow.Termination("Interrupted", "the evaluation was interrupted", c);
        if (System.nanoTime() - deadlineNanos > 0)
            throw new ControlFlow.Termination("Timeout", "the evaluation ran past its time limit", c);
        nextCheck = Math.min(budget, steps + 4096);
    }

    /** Accounts for an allocation of roughly {@code bytes}; ends the evaluation when over the limit. */
    @Override
    public void allocate(long bytes, Context c) {
        allocated += bytes;
        if (bytes > maxAllocation || allocated > maxAllocation)
            throw new ControlFlow.Termination(
                    "AllocationLimitExceeded",
                    "the evaluation tried to allocate more than " + maxAllocation + " bytes",
                    c);
        if (bytes > 4096) checkLimits(c);
    }

    // ---------------------------------------------------------------- sends

    @Override
    public Object send(Object rcvr, StSymbol sel, Object[] args, Context sender) {
        StClass cls = classes.classOf(rcvr);
        CompiledMethod m = env.lookup(cls, sel);
        if (m == null) return dnu(rcvr, sel, args, sender);
        return invoke(m, rcvr, args, sender);
    }

    public Object send0(Object rcvr, String sel, Context sender) {
        return send(rcvr, StSymbol.of(sel), NO_ARGS, sender);
    }

    public Object send1(Object rcvr, String sel, Object a, Context sender) {
        return send(rcvr, StSymbol.of(sel), new Object[] {a}, sender);
    }

    @Override
    public Object superSend(StClass start, Object rcvr, StSymbol sel, Object[] args, Context sender) {
        CompiledMethod m = start == null ? null : env.lookup(start, sel);
        if (m == null) return dnu(rcvr, sel, args, sender);
        return invoke(m, rcvr, args, sender);
    }

    @Override
    public Object dnu(Object rcvr, StSymbol sel, Object[] args, Context sender) {
        StObject msg = new StObject(classes.messageClass, classes.messageClass.instSize());
        msg.slots[0] = sel;
        msg.slots[1] = args.clone();
        CompiledMethod m = env.lookup(classes.classOf(rcvr), classes.symDnu);
        if (m == null) throw new IllegalStateException("doesNotUnderstand: missing for " + classes.classOf(rcvr));
        return invoke(m, rcvr, new Object[] {msg}, sender);
    }

    @Override
    public Object invoke(CompiledMethod m, Object rcvr, Object[] args, Context sender) {
        Primitive p = m.primitive;
        if (p != null) {
            Object v = p.call(this, rcvr, args, sender);
            if (v != Primitive.FAIL) return v;
        }
        return activate(m, rcvr, args, sender);
    }

    @Override
    public Object activate(CompiledMethod m, Object rcvr, Object[] args, Context sender) {
        m.ensureCompiled();
        Object[] temps = args.length == m.numTemps ? args : Arrays.copyOf(args, m.numTemps);
        Context ctx = new Context(m, rcvr, temps, null, sender, this);
        if (ctx.depth > maxDepth) throw depthExceeded(ctx);
        if (++steps >= nextCheck) checkLimits(ctx);
        try {
            Object v = m.body.eval(ctx);
            if (ctx.returning) return ctx.returnValue;
            return m.isDoit ? v : rcvr;
        } catch (ControlFlow.LocalReturn lr) {
            if (lr.home == ctx) return lr.value;
            throw lr;
        } catch (ControlFlow.NonLocalReturn nlr) {
            if (nlr.home == ctx) return nlr.value;
            throw nlr;
        } catch (ControlFlow.Restart r) {
            if (r.frame != ctx) throw r;
            return invoke(m, rcvr, Arrays.copyOf(temps, m.numArgs), sender);
        } finally {
            ctx.dead = true;
        }
    }

    ControlFlow.Termination depthExceeded(Context ctx) {
        return new ControlFlow.Termination(
                "RecursionDepthExceeded",
                "the call stack grew deeper than " + maxDepth + " frames (infinite recursion?)",
                ctx);
    }

    // ---------------------------------------------------------------- blocks

    @Override
    public Object callBlock(StBlock b, Object[] args, Context sender) {
        CompiledBlock code = b.code;
        if (args.length != code.numArgs) return wrongArgCount(b, args.length, sender);
        Object[] temps = args.length == code.numTemps ? args : Arrays.copyOf(args, code.numTemps);
        Context ctx = new Context(code, b.receiver, temps, b.outer, sender, this);
        if (ctx.depth > maxDepth) throw depthExceeded(ctx);
        if (++steps >= nextCheck) checkLimits(ctx);
        try {
            return code.body.eval(ctx);
        } catch (ControlFlow.Restart r) {
            if (r.frame != ctx) throw r;
            return callBlock(b, Arrays.copyOf(temps, code.numArgs), sender);
        }
    }

    @Override
    public Object value(StBlock b, Context sender) {
        return callBlock(b, NO_ARGS, sender);
    }

    public Object value(StBlock b, Object a, Context sender) {
        return callBlock(b, new Object[] {a}, sender);
    }

    public Object value(StBlock b, Object a, Object a2, Context sender) {
        return callBlock(b, new Object[] {a, a2}, sender);
    }

    /** Evaluates any "valuable": a block, or any object answering #value (Pharo's cull semantics for blocks). */
    public Object cull(Object valuable, Object arg, Context sender) {
        if (valuable instanceof StBlock b)
            return b.numArgs() == 0 ? callBlock(b, NO_ARGS, sender) : callBlock(b, new Object[] {arg}, sender);
        return send(valuable, StSymbol.of("cull:"), new Object[] {arg}, sender);
    }

    private Object wrongArgCount(StBlock b, int given, Context sender) {
        return signalError(
                "ArgumentsCountMismatch",
                "This block accepts " + b.numArgs() + " argument" + (b.numArgs() == 1 ? "" : "s")
                        + ", but was called with " + given + " argument" + (given == 1 ? "" : "s") + ".",
                sender);
    }

    public static boolean truthy(Object v) {
        return v == Boolean.TRUE;
    }

    /**
     * A context standing for a primitive method that calls blocks (do:, ensure:...), so stack traces show it as
     * Pharo's would; falls back to the sender when the method cannot be found.
     */
    @Override
    public Context primContext(Object rcvr, StSymbol selector, Object[] args, Context sender) {
        CompiledMethod m = env.lookup(classes.classOf(rcvr), selector);
        if (m == null) return sender;
        return new Context(m, rcvr, args, null, sender, this);
    }

    // ---------------------------------------------------------------- exceptions

    /** Instantiates the named exception class with a message text and signals it; answers the resumption value. */
    @Override
    public Object signalError(String className, String messageText, Context sender) {
        // always the kernel's exception classes, even if the workspace defines classes of the same names
        StClass c = classes.bootEnv.classNamed(className);
        if (c == null) c = classes.errorClass();
        StObject ex = (StObject) instantiate(c, sender);
        ex.setSlot(classes.exMessageText(), messageText == null ? null : new StString(messageText));
        return signal(ex, sender);
    }

    public Object instantiate(StClass c, Context sender) {
        allocate(16L + 8L * c.instSize(), sender);
        return new StObject(c, c.instSize());
    }

    @Override
    public Object signal(StObject ex, Context sender) {
        ex.setSlot(classes.exSignalContext(), sender);
        try {
            return signalFrom(ex, handlers, sender);
        } catch (ControlFlow.Resignal r) {
            if (r.exception != ex) throw r;
            return signal(r.replacement, sender);
        }
    }

    @Override
    public Object signalFrom(StObject ex, Context.HandlerInfo start, Context sender) {
        for (Context.HandlerInfo h = start; h != null; h = h.next) {
            if (handles(h, ex, sender)) return runHandler(h, ex, sender);
        }
        return send(ex, classes.symDefaultAction, NO_ARGS, sender);
    }

    private boolean handles(Context.HandlerInfo h, StObject ex, Context sender) {
        if (h.exceptionSelector instanceof StClass c && !c.isMeta)
            return classes.classOf(ex).includesBehavior(c);
        // An exception signaled while asking a non-class selector (a block, an ExceptionSet...) is searched
        // from the handlers outside this one, as while running a handler: searching from here again
        // would ask the same selector again, forever.
        Context.HandlerInfo saved = handlers;
        handlers = h.next;
        try {
            return truthy(send(h.exceptionSelector, classes.symHandles, new Object[] {ex}, sender));
        } finally {
            handlers = saved;
        }
    }

    private Object runHandler(Context.HandlerInfo h, StObject ex, Context sender) {
        ex.setSlot(classes.exHandlerContext(), h.context);
        Context.HandlerInfo saved = handlers;
        handlers = h.next;
        try {
            Object v = cull(h.handlerBlock, ex, sender);
            throw new ControlFlow.HandlerReturn(h.context, v);
        } catch (ControlFlow.Resume r) {
            if (r.exception == ex) return r.value;
            throw r;
        } finally {
            handlers = saved;
        }
    }

    @Override
    public Object onDo(StBlock body, Object selector, StBlock handlerBlock, Context sender) {
        Context hctx =
                new Context(classes.onDoMethod(), body, new Object[] {selector, handlerBlock}, null, sender, this);
        Context.HandlerInfo h = new Context.HandlerInfo(selector, handlerBlock, handlers, hctx);
        hctx.handler = h;
        StBlock current = body;
        while (true) {
            Context.HandlerInfo saved = handlers;
            handlers = h;
            try {
                return callBlock(current, NO_ARGS, hctx);
            } catch (ControlFlow.HandlerReturn hr) {
                if (hr.handlerContext == hctx) return hr.value;
                throw hr;
            } catch (ControlFlow.Retry r) {
                if (r.handlerContext != hctx) throw r;
                if (r.replacement != null) current = r.replacement;
                step(hctx);
            } finally {
                handlers = saved;
            }
        }
    }
}
