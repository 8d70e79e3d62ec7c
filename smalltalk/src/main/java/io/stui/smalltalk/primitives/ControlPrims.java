package io.stui.smalltalk.primitives;

import static io.stui.smalltalk.primitives.Primitives.FAIL;

import io.stui.smalltalk.interp.ControlFlow;
import io.stui.smalltalk.interp.Interp;
import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.ClassTable;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.Primitive;
import io.stui.smalltalk.objects.StBlock;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.objects.StSymbol;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** Blocks, exception handling, contexts, the Smalltalk dictionary and the clock. */
final class ControlPrims {
    private ControlPrims() {}

    private static final StSymbol SYM_ENSURE = StSymbol.of("ensure:");
    private static final StSymbol SYM_IF_CURTAILED = StSymbol.of("ifCurtailed:");

    static void register(Map<String, Primitive> m) {
        // ---- blocks
        m.put("blockValue", (in, r, a, s) -> {
            StBlock b = (StBlock) r;
            if (b.numArgs() != a.length) return FAIL;
            return in.callBlock(b, a.clone(), s);
        });
        m.put("blockValueWithArguments", (in, r, a, s) -> {
            if (!(a[0] instanceof Object[] args)) return FAIL;
            StBlock b = (StBlock) r;
            if (b.numArgs() != args.length) return FAIL;
            return in.callBlock(b, args.clone(), s);
        });
        m.put("blockNumArgs", (in, r, a, s) -> (long) ((StBlock) r).numArgs());
        m.put("blockSource", (in, r, a, s) -> new StString(((StBlock) r).code.sourceText()));
        m.put("blockOnDo", (in, r, a, s) -> a[1] instanceof StBlock h ? in.onDo((StBlock) r, a[0], h, s) : FAIL);
        m.put("blockEnsure", (in, r, a, s) -> {
            if (!(a[0] instanceof StBlock after)) return FAIL;
            Object v;
            Context pc = in.primContext(r, SYM_ENSURE, a, s);
            try {
                v = in.callBlock((StBlock) r, Interp.NO_ARGS, pc);
            } catch (ControlFlow.Termination t) {
                throw t;
            } catch (ControlFlow e) {
                in.callBlock(after, Interp.NO_ARGS, s);
                throw e;
            }
            in.callBlock(after, Interp.NO_ARGS, s);
            return v;
        });
        m.put("blockIfCurtailed", (in, r, a, s) -> {
            if (!(a[0] instanceof StBlock after)) return FAIL;
            Context pc = in.primContext(r, SYM_IF_CURTAILED, a, s);
            try {
                return in.callBlock((StBlock) r, Interp.NO_ARGS, pc);
            } catch (ControlFlow.Termination t) {
                throw t;
            } catch (ControlFlow e) {
                in.callBlock(after, Interp.NO_ARGS, s);
                throw e;
            }
        });

        // ---- exceptions
        m.put("exSignal", (in, r, a, s) -> in.signal((StObject) r, s));
        m.put("exPass", (in, r, a, s) -> {
            StObject ex = (StObject) r;
            Context hc = (Context) ex.slot(in.classes.exHandlerContext());
            if (hc == null || hc.handler == null) return FAIL;
            Object v = in.signalFrom(ex, hc.handler.next, s);
            throw new ControlFlow.Resume(ex, v);
        });
        m.put("exResignalAs", (in, r, a, s) -> {
            StObject ex = (StObject) r;
            if (!(ex.slot(in.classes.exSignalContext()) instanceof Context) || !(a[0] instanceof StObject replacement))
                return FAIL;
            throw new ControlFlow.Resignal(ex, replacement);
        });
        m.put("exOuter", (in, r, a, s) -> {
            StObject ex = (StObject) r;
            Context hc = (Context) ex.slot(in.classes.exHandlerContext());
            if (hc == null || hc.handler == null) return FAIL;
            return in.signalFrom(ex, hc.handler.next, s);
        });
        m.put("exReturn", (in, r, a, s) -> {
            Context hc = (Context) ((StObject) r).slot(in.classes.exHandlerContext());
            if (hc == null) return FAIL;
            throw new ControlFlow.HandlerReturn(hc, a[0]);
        });
        m.put("exRetry", (in, r, a, s) -> {
            Context hc = (Context) ((StObject) r).slot(in.classes.exHandlerContext());
            if (hc == null) return FAIL;
            throw new ControlFlow.Retry(hc, a.length > 0 && a[0] instanceof StBlock b ? b : null);
        });
        m.put("exResume", (in, r, a, s) -> {
            Context hc = (Context) ((StObject) r).slot(in.classes.exHandlerContext());
            if (hc == null) return FAIL;
            throw new ControlFlow.Resume((StObject) r, a[0]);
        });
        m.put("exUnhandled", (in, r, a, s) -> {
            StObject ex = (StObject) r;
            Context sc = ex.slot(in.classes.exSignalContext()) instanceof Context c ? c : s;
            // in debug mode the evaluation suspends here; a resumed halt answers nil, anything else fails as usual
            if (in.debug != null && in.debug.unhandled(ex, sc)) return null;
            ControlFlow.UnhandledError e = new ControlFlow.UnhandledError(ex, sc);
            throw e;
        });

        // ---- contexts
        m.put("ctxSender", (in, r, a, s) -> ((Context) r).sender);
        m.put("ctxReceiver", (in, r, a, s) -> ((Context) r).receiver);
        m.put("ctxMethod", (in, r, a, s) -> ((Context) r).code.method());
        m.put("ctxSelector", (in, r, a, s) -> ((Context) r).code.method().selector);
        m.put("ctxDescription", (in, r, a, s) -> new StString(((Context) r).describe(in.classes)));
        m.put("ctxTempNamed", (in, r, a, s) -> {
            Context c = (Context) r;
            if (!(a[0] instanceof StString n)) return FAIL;
            for (int i = c.code.tempNames.length - 1; i >= 0; i--)
                if (c.code.tempNames[i].equals(n.str())) return c.temps[i];
            return FAIL;
        });

        // ---- Smalltalk (the system dictionary of the running workspace)
        m.put("sysAt", (in, r, a, s) -> {
            if (!(a[0] instanceof StString n)) return FAIL;
            Binding b = in.env.binding(n.str());
            return b == null ? FAIL : b.value;
        });
        m.put("sysAtPut", (in, r, a, s) -> {
            if (!(a[0] instanceof StString n)) return FAIL;
            in.env.defineGlobal(n.str(), a[1]);
            return a[1];
        });
        m.put(
                "sysIncludesKey",
                (in, r, a, s) -> Primitives.bool(a[0] instanceof StString n && in.env.binding(n.str()) != null));
        m.put("sysRemoveKey", (in, r, a, s) -> {
            if (!(a[0] instanceof StString n) || in.env.isKernel) return FAIL;
            Binding b = in.env.globals.get(n.str());
            if (b == null) return FAIL;
            in.env.removeGlobal(n.str());
            return b.value;
        });
        m.put("sysGlobalNames", (in, r, a, s) -> {
            return in.env.globalNames().stream().map(StSymbol::of).toArray();
        });
        m.put("sysVersion", (in, r, a, s) -> new StString(ClassTable.VERSION));

        // ---- clock
        m.put("clockMillis", (in, r, a, s) -> System.nanoTime() / 1_000_000);
        m.put("clockMicrosUtc", (in, r, a, s) -> {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        });
        m.put("clockOffsetSeconds", (in, r, a, s) -> (long)
                ZoneId.systemDefault().getRules().getOffset(Instant.now()).getTotalSeconds());
    }
}
