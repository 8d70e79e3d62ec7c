package io.stui.smalltalk;

import io.stui.smalltalk.image.WorkspaceState;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StSymbol;
import io.stui.smalltalk.syntax.Ast;
import io.stui.smalltalk.syntax.Parser;
import io.stui.smalltalk.syntax.SyntaxError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A workspace's debugger (Debug Adapter Protocol shaped): its breakpoints and its suspended evaluations, each
 * named by a debug id. Every operation answers the run's new {@link DebugState}. Used like the workspace, by one
 * caller at a time; see {@link DebugRun} for why a suspended run does not make the workspace multi-threaded.
 */
public final class Debugger {
    /** How long a suspended evaluation waits for the next operation before it is terminated. */
    public static final Duration DEFAULT_SUSPEND_TIMEOUT = Duration.ofMinutes(10);

    private final WorkspaceState state;
    private final Evaluator evaluator;
    private final ResultPrinter printer;
    private final InterruptFlag interrupt;
    private final List<Breakpoint> breakpoints = new CopyOnWriteArrayList<>();
    private final Map<String, DebugRun> runs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Duration suspendTimeout = DEFAULT_SUSPEND_TIMEOUT;

    private final java.util.function.Supplier<WorkspaceListener> listener;

    Debugger(
            WorkspaceState state,
            Evaluator evaluator,
            ResultPrinter printer,
            InterruptFlag interrupt,
            java.util.function.Supplier<WorkspaceListener> listener) {
        this.listener = listener;
        this.state = state;
        this.evaluator = evaluator;
        this.printer = printer;
        this.interrupt = interrupt;
    }

    public void setSuspendTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero())
            throw new IllegalArgumentException("the time-out must be positive");
        this.suspendTimeout = timeout;
    }

    public Duration suspendTimeout() {
        return suspendTimeout;
    }

    /**
     * Evaluates {@code code} in debug mode: answers {@code SUSPENDED} (with a debug id) when it hits a breakpoint,
     * {@code halt} or an unhandled error, else {@code FINISHED} with its result. {@code limits} bound the running
     * time, not the time spent suspended.
     */
    public DebugState debug(String code, EvalLimits limits) {
        String id = "d" + ids.incrementAndGet();
        DebugRun run = new DebugRun(id, code, state, evaluator, printer, limits, interrupt, this, suspendTimeout);
        runs.put(id, run);
        return run.start();
    }

    /** The innermost frame of each suspended run: what the suspensions keep alive (for the memory account). */
    List<Object> suspendedFrames() {
        List<Object> out = new ArrayList<>();
        for (DebugRun r : runs.values()) {
            Object f = r.innermostFrame();
            if (f != null) out.add(f);
        }
        return out;
    }

    /** Ids of the runs that are suspended now. */
    public List<String> suspended() {
        return new ArrayList<>(new TreeSet<>(runs.keySet()));
    }

    private DebugRun run(String debugId) {
        DebugRun r = runs.get(debugId);
        if (r == null) throw new IllegalArgumentException("no suspended evaluation with debug id " + debugId);
        return r;
    }

    public Optional<DebugState> state(String debugId) {
        DebugRun r = runs.get(debugId);
        return r == null ? Optional.empty() : Optional.ofNullable(r.state());
    }

    /** Runs until the next send, wherever it is (into the method about to be called). */
    public DebugState stepInto(String debugId) {
        return run(debugId).stepInto();
    }

    /** Runs until the next send in frame {@code frame} (0: the innermost) or a frame below it, or a block of its method. */
    public DebugState stepOver(String debugId, int frame) {
        return run(debugId).stepOver(frame);
    }

    public DebugState stepOver(String debugId) {
        return stepOver(debugId, 0);
    }

    /** Runs until frame {@code frame} has returned (stops at the next send of its sender). */
    public DebugState stepOut(String debugId, int frame) {
        return run(debugId).stepOut(frame);
    }

    public DebugState stepOut(String debugId) {
        return stepOut(debugId, 0);
    }

    /** Runs to the next breakpoint or the end. Resuming after an unhandled error lets it fail the evaluation. */
    public DebugState resume(String debugId) {
        return run(debugId).resume();
    }

    /** Unwinds to frame {@code frame} (running ensure blocks) and runs it again from its start, stopping at its first send. */
    public DebugState restart(String debugId, int frame) {
        return run(debugId).restart(frame);
    }

    /** Ends the run: it answers an {@code INTERRUPTED} failure of class {@code Terminated}. */
    public DebugState terminate(String debugId) {
        return run(debugId).terminate();
    }

    /** Every frame of a suspended run, innermost first. */
    public List<DebugFrame> stackTrace(String debugId) {
        DebugState s = run(debugId).state();
        return s == null ? List.of() : s.frames();
    }

    /** {@code self}, then the arguments and temporaries of frame {@code frame} and of its enclosing frames. */
    public List<DebugVariable> localVariables(String debugId, int frame) {
        return run(debugId).variables(frame);
    }

    /** Evaluates code in a frame: self is its receiver, its temporaries are readable and assignable. */
    public EvalResult evaluateInFrame(String debugId, int frame, String code) {
        return run(debugId).evaluateInFrame(frame, code);
    }

    /** Terminates every suspended run (the workspace is closing). */
    public void terminateAll() {
        for (DebugRun r : List.copyOf(runs.values())) {
            try {
                r.terminate();
            } catch (RuntimeException ignored) {
                // already ended
            }
        }
    }

    /** The workspace's listener, told busy/idle around each run of a debugged evaluation; null for none. */
    WorkspaceListener listener() {
        return listener.get();
    }

    void ended(DebugRun r) {
        runs.remove(r.id());
    }

    // ------------------------------------------------------------ breakpoints

    /**
     * Sets a breakpoint at the first line at or after {@code line} that holds a send, in the method the class
     * defines (not an inherited one); {@code line} 0 means the method's first send. Answers the breakpoint as set.
     *
     * @throws IllegalArgumentException when the class or method does not exist or has no send from that line on
     */
    public Breakpoint setBreakpoint(String className, String selector, boolean classSide, int line) {
        StClass c = state.environment().classNamed(className);
        if (c == null) throw new IllegalArgumentException("no class named " + className);
        StClass side = classSide ? c.metaclass() : c;
        StSymbol sel = StSymbol.existing(selector);
        CompiledMethod m =
                sel == null ? null : side.localMethods(state.environment()).get(sel);
        if (m == null) throw new IllegalArgumentException(side.printName() + " does not define #" + selector);
        int at = firstSendLine(m.source, Math.max(line, 1));
        if (at == 0)
            throw new IllegalArgumentException(
                    m.printName() + " has no send at or after line " + line + " where the debugger could stop");
        Breakpoint b = new Breakpoint(c.name, selector, classSide, at);
        if (!breakpoints.contains(b)) breakpoints.add(b);
        return b;
    }

    public boolean removeBreakpoint(String className, String selector, boolean classSide, int line) {
        return breakpoints.removeIf(b -> b.className().equals(className)
                && b.selector().equals(selector)
                && b.classSide() == classSide
                && (line <= 0 || b.line() == line));
    }

    public List<Breakpoint> breakpoints() {
        return List.copyOf(breakpoints);
    }

    /** Whether frame {@code c}, about to send, is on a breakpoint's line. */
    boolean hits(Context c) {
        if (breakpoints.isEmpty()) return false;
        CompiledMethod m = c.code.method();
        StClass mc = m.methodClass;
        String cls = mc.isMeta ? mc.thisClass.name : mc.name;
        int line = -1;
        for (Breakpoint b : breakpoints) {
            if (b.classSide() != mc.isMeta
                    || !b.selector().equals(m.selector.name)
                    || !b.className().equals(cls)) continue;
            if (line < 0) line = c.line();
            if (b.line() == line) return true;
        }
        return false;
    }

    /** The first line at or after {@code from} that holds a send in {@code source}; 0 when none. */
    static int firstSendLine(String source, int from) {
        Ast.Method ast;
        try {
            ast = Parser.parseMethod(source);
        } catch (SyntaxError e) {
            return 0;
        }
        TreeSet<Integer> lines = new TreeSet<>();
        Ast.walk(ast.statements(), a -> {
            if (a instanceof Ast.Send s) lines.add(lineOf(source, s.pos()));
        });
        Integer l = lines.ceiling(from);
        return l == null ? 0 : l;
    }

    static int lineOf(String src, int pos) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, src.length()); i++) if (src.charAt(i) == '\n') line++;
        return line;
    }

    /** The public result for an outcome (same shape as {@code Workspace.evaluate}'s). */
    static EvalResult result(Evaluator.Outcome out, Duration elapsed) {
        return new EvalResult(
                out.printString(), out.className(), out.objectId(), out.transcript(), elapsed, out.failure());
    }
}
