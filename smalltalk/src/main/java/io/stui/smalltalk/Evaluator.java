package io.stui.smalltalk;

import io.stui.smalltalk.compiler.DoitCache;
import io.stui.smalltalk.image.WorkspaceState;
import io.stui.smalltalk.interp.ControlFlow;
import io.stui.smalltalk.interp.Interp;
import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.DebugHook;
import io.stui.smalltalk.objects.VariableResolver;
import io.stui.smalltalk.syntax.Parser;
import io.stui.smalltalk.syntax.SyntaxError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * Evaluates doits in one workspace: compiles (through the workspace's doit cache), runs under the limits,
 * prints the result, and turns every way an evaluation can end into an {@link EvalFailure} with a post-mortem
 * of its frames. Runs Smalltalk only on the calling thread; {@link Workspace} supplies the big-stack thread,
 * the time limits and the interrupt flag.
 */
final class Evaluator {
    /** Raw outcome of an evaluation, before {@link Workspace} adds the elapsed time. */
    record Outcome(
            Object value,
            String printString,
            String className,
            String objectId,
            String transcript,
            EvalFailure failure) {}

    private final WorkspaceState state;
    private final ResultPrinter printer;
    private final DoitCache doits = new DoitCache();
    private volatile Reflection.FailureReport lastFailure;
    /** Receives Transcript output as it is written, on the evaluation's thread; null for none. */
    volatile java.util.function.Consumer<String> transcriptListener;

    Evaluator(WorkspaceState state, ResultPrinter printer) {
        this.state = state;
        this.printer = printer;
        this.account = new MemoryAccount(state, List::of);
    }

    Reflection.FailureReport lastFailure() {
        return lastFailure;
    }

    void forgetLastFailure() {
        lastFailure = null;
    }

    /** What the workspace may hold (set by the workspace; no limit until then). */
    MemoryAccount account;

    private Interp newInterp(EvalLimits limits, long maxAllocation, AtomicBoolean interrupt, DebugHook debug) {
        Interp in = new Interp(
                state.environment(),
                limits.timeout().toNanos(),
                limits.instructionBudget(),
                maxAllocation,
                limits.maxDepth(),
                interrupt,
                debug);
        in.transcriptListener = transcriptListener;
        return in;
    }

    /** Prints the result: same time and memory limits, but a deep stack so cyclic structures reach the character limit first. */
    private Interp printInterp(EvalLimits limits, AtomicBoolean interrupt) {
        return new Interp(
                state.environment(),
                limits.timeout().toNanos(),
                limits.instructionBudget(),
                limits.maxAllocationBytes(),
                Math.max(limits.maxDepth(), 100_000),
                interrupt);
    }

    /**
     * Evaluates {@code code}; with {@code record} false a successful value is neither registered (no object
     * id) nor added to the history, for a one-shot evaluation whose workspace is cleared right after.
     */
    Outcome evaluate(String code, EvalLimits limits, AtomicBoolean interrupt, boolean record) {
        return evaluate(code, limits, interrupt, record, null, true);
    }

    /**
     * As above, under a debugger when {@code debug} is not null; with {@code print} false no printString is built
     * (a do-it: the outcome's printString is null).
     */
    Outcome evaluate(
            String code, EvalLimits limits, AtomicBoolean interrupt, boolean record, DebugHook debug, boolean print) {
        long t0 = System.nanoTime();
        CompiledMethod doit;
        try {
            doit = doits.compile(code, state.environment(), state.variables(), state.resolver());
        } catch (SyntaxError e) {
            return syntaxFailure(code, e);
        } catch (StackOverflowError e) {
            return nestedTooDeeply(code);
        }
        return run(code, doit, null, limits, interrupt, record, debug, print, t0);
    }

    /**
     * Evaluates {@code code} with {@code self} bound to {@code receiver} (its instance variables readable and
     * assignable, as in Pharo's inspector), with {@code locals} visible before the variables of {@code scope}
     * (a debugger's frame temporaries; assignments to them land in the given bindings), in the variable scope
     * {@code scope} (null: the workspace's). Never cached.
     */
    Outcome evaluateIn(
            String code,
            Object receiver,
            Map<String, Binding> locals,
            EvalLimits limits,
            AtomicBoolean interrupt,
            Map<String, Binding> scope,
            boolean print) {
        long t0 = System.nanoTime();
        Map<String, Binding> vars = scope == null ? state.variables() : scope;
        VariableResolver base = state.resolver();
        VariableResolver r = new VariableResolver() {
            @Override
            public Binding existing(String name) {
                Binding b = locals.get(name);
                return b != null ? b : vars.get(name);
            }

            @Override
            public Binding declare(String name) {
                return vars.computeIfAbsent(name, n -> new Binding(n, null));
            }

            @Override
            public boolean isClass(String name) {
                return base.isClass(name);
            }

            @Override
            public boolean isGlobal(String name) {
                return base.isGlobal(name);
            }
        };
        CompiledMethod doit;
        try {
            doit = new CompiledMethod(
                    Parser.parseDoit(code),
                    state.classes().classOf(receiver),
                    "doits",
                    null,
                    false,
                    r,
                    io.stui.smalltalk.compiler.Compiler.bodies(state.classes()));
            doit.ensureCompiled();
        } catch (SyntaxError e) {
            return syntaxFailure(code, e);
        } catch (StackOverflowError e) {
            return nestedTooDeeply(code);
        }
        return run(code, doit, receiver, limits, interrupt, true, null, print, t0);
    }

    private Outcome syntaxFailure(String code, SyntaxError e) {
        EvalFailure f = new EvalFailure(
                EvalFailure.Kind.SYNTAX, "SyntaxError", e.getMessage(), e.line(), e.column(), List.of());
        return fail(code, f, List.of(), "");
    }

    private Outcome nestedTooDeeply(String code) {
        EvalFailure f = new EvalFailure(
                EvalFailure.Kind.SYNTAX, "SyntaxError", "the code is nested too deeply", 1, 1, List.of());
        return fail(code, f, List.of(), "");
    }

    private Outcome run(
            String code,
            CompiledMethod doit,
            Object receiver,
            EvalLimits limits,
            AtomicBoolean interrupt,
            boolean record,
            DebugHook debug,
            boolean print,
            long t0) {
        // the workspace's memory account caps what this evaluation may allocate (printing the result is not capped:
        // a printString is not kept beyond its history entry)
        long perEvaluation = limits.maxAllocationBytes() <= 0 ? Long.MAX_VALUE : limits.maxAllocationBytes();
        long allowance = account.allowance();
        boolean capped = allowance < perEvaluation;
        Interp in = newInterp(limits, Math.min(perEvaluation, allowance), interrupt, debug);
        try {
            Object value = in.invoke(doit, receiver, Interp.NO_ARGS, null);
            String ps = print ? printer.directPrint(value) : null;
            if (ps == null && print) ps = printer.resultPrintString(value, printInterp(limits, interrupt), interrupt);
            if (debug == null && System.nanoTime() - t0 > limits.timeout().toNanos()) {
                // the interpreter checks its deadline between steps; a long Java primitive (printing a huge
                // integer, say) can carry an evaluation past it without a check, and that is still a time-out
                EvalFailure f = new EvalFailure(
                        EvalFailure.Kind.TIMEOUT,
                        "Timeout",
                        "the evaluation ran past its time limit (inside a primitive)",
                        0,
                        0,
                        List.of());
                return fail(code, f, List.of(), in.transcript.toString());
            }
            String id = null;
            if (record) {
                id = state.registry().register(value);
                state.addHistory(new WorkspaceState.HistoryEntry(code, ps == null ? "" : ps, true, now()));
            }
            return new Outcome(value, ps, printer.className(value), id, in.transcript.toString(), null);
        } catch (ControlFlow.UnhandledError e) {
            return failUnhandled(code, e, in);
        } catch (ControlFlow.Termination t) {
            if (MemoryAccount.isOurs(t, capped)) return failTermination(code, account.exceeded(t, allowance), in);
            return failTermination(code, t, in);
        } catch (ControlFlow.NonLocalReturn
                | ControlFlow.LocalReturn
                | ControlFlow.HandlerReturn
                | ControlFlow.Retry
                | ControlFlow.Resume cf) {
            EvalFailure f = new EvalFailure(
                    EvalFailure.Kind.ERROR,
                    "BlockCannotReturn",
                    "a return or handler action escaped its context",
                    0,
                    0,
                    List.of());
            return fail(code, f, List.of(), in.transcript.toString());
        } catch (StackOverflowError so) {
            EvalFailure f = new EvalFailure(
                    EvalFailure.Kind.RECURSION,
                    "RecursionDepthExceeded",
                    "the call stack overflowed (infinite recursion?)",
                    0,
                    0,
                    List.of());
            return fail(code, f, List.of(), in.transcript.toString());
        } catch (OutOfMemoryError oom) {
            EvalFailure f = new EvalFailure(
                    EvalFailure.Kind.ALLOCATION,
                    "AllocationLimitExceeded",
                    "the evaluation ran out of memory",
                    0,
                    0,
                    List.of());
            return fail(code, f, List.of(), in.transcript.toString());
        } catch (RuntimeException | LinkageError | AssertionError bug) {
            LoggerFactory.getLogger(Evaluator.class).warn("internal evaluator fault for: {}", code, bug);
            EvalFailure f =
                    new EvalFailure(EvalFailure.Kind.INTERNAL, "InternalError", String.valueOf(bug), 0, 0, List.of());
            return fail(code, f, List.of(), in.transcript.toString());
        } finally {
            account.charge(in.allocated());
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private Outcome failUnhandled(String code, ControlFlow.UnhandledError e, Interp in) {
        String errorClass = printer.className(e.exception);
        String text = printer.exceptionText(e.exception, printer.toolInterp(in.interruptFlag));
        List<Context> frames = frames(e.signalContext);
        List<String> trace = new ArrayList<>();
        for (Context c : frames) trace.add(c.describe(state.classes()));
        Context doit = doitFrame(frames);
        EvalFailure f = new EvalFailure(
                EvalFailure.Kind.ERROR,
                errorClass,
                text,
                doit == null ? 0 : doit.line(),
                doit == null ? 0 : doit.column(),
                trace);
        return fail(code, f, frames, in.transcript.toString(), detached(in));
    }

    private Outcome failTermination(String code, ControlFlow.Termination t, Interp in) {
        EvalFailure.Kind kind = switch (t.errorClass) {
            case "Timeout" -> EvalFailure.Kind.TIMEOUT;
            case "Interrupted" -> EvalFailure.Kind.INTERRUPTED;
            case "InstructionBudgetExceeded" -> EvalFailure.Kind.BUDGET;
            case "RecursionDepthExceeded" -> EvalFailure.Kind.RECURSION;
            case "AllocationLimitExceeded", MemoryAccount.ERROR_CLASS -> EvalFailure.Kind.ALLOCATION;
            case "Terminated" -> EvalFailure.Kind.INTERRUPTED;
            default -> EvalFailure.Kind.INTERNAL;
        };
        List<Context> frames = frames(t.context);
        if (kind == EvalFailure.Kind.RECURSION) frames = frames.subList(0, Math.min(frames.size(), 20));
        List<String> trace = new ArrayList<>();
        for (Context c : frames) trace.add(c.describe(state.classes()));
        Context doit = doitFrame(frames);
        EvalFailure f = new EvalFailure(
                kind, t.errorClass, t.reason, doit == null ? 0 : doit.line(), doit == null ? 0 : doit.column(), trace);
        return fail(code, f, frames, in.transcript.toString(), detached(in));
    }

    /** Frames kept in a failure report; deeper stacks are recursion, cut to their innermost frames. */
    static final int MAX_REPORTED_FRAMES = 1_000;

    private static List<Context> frames(Context c) {
        List<Context> out = new ArrayList<>();
        for (Context x = c; x != null && out.size() < MAX_REPORTED_FRAMES; x = x.sender) out.add(x);
        return out;
    }

    /** The frame of the evaluated code itself (the outermost doit), whose line is the user's line. */
    private static Context doitFrame(List<Context> frames) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            Context c = frames.get(i);
            if (c.code.method().isDoit && c.pos >= 0) return c;
        }
        return null;
    }

    /** A debug run terminated by its suspension time-out unwinds while other calls may use the workspace. */
    private static boolean detached(Interp in) {
        return in.debug != null && in.debug.detached();
    }

    private Outcome fail(String code, EvalFailure f, List<Context> frames, String transcript) {
        return fail(code, f, frames, transcript, false);
    }

    private Outcome fail(String code, EvalFailure f, List<Context> frames, String transcript, boolean detached) {
        if (detached) return new Outcome(null, null, null, null, transcript, f);
        List<Reflection.Frame> fr = new ArrayList<>();
        Interp tool = frames.isEmpty() ? null : printer.toolInterp(null);
        // a refused memory bomb's frames hold what it allocated: registering them would keep it all alive (and
        // resident) until a thousand newer objects push it out; its report keeps the print strings only
        boolean register = f.kind() != EvalFailure.Kind.ALLOCATION;
        for (Context c : frames) {
            Map<String, String> locals = new LinkedHashMap<>();
            Map<String, String> ids = new LinkedHashMap<>();
            String[] names = c.code.tempNames;
            for (int i = 0; i < names.length && i < c.temps.length; i++) {
                if (names[i].startsWith("(")) continue;
                locals.put(names[i], printer.safePrint(c.temps[i], tool));
                if (register) ids.put(names[i], state.registry().register(c.temps[i]));
            }
            fr.add(new Reflection.Frame(
                    c.describe(state.classes()),
                    c.line(),
                    printer.className(c.receiver),
                    printer.safePrint(c.receiver, tool),
                    register ? state.registry().register(c.receiver) : null,
                    locals,
                    ids));
        }
        lastFailure = new Reflection.FailureReport(code, f, fr, now());
        state.addHistory(new WorkspaceState.HistoryEntry(code, f.describe(), false, now()));
        return new Outcome(null, null, null, null, transcript, f);
    }
}
