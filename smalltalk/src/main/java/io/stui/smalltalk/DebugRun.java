package io.stui.smalltalk;

import io.stui.smalltalk.image.WorkspaceState;
import io.stui.smalltalk.interp.ControlFlow;
import io.stui.smalltalk.interp.Interp;
import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.DebugHook;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One evaluation run under the debugger, on its own big-stack thread. The thread runs until it stops (a
 * breakpoint, the end of a step, {@code halt}, an unhandled exception) and then parks inside the interpreter's
 * hook; the caller's operations are handed to it one at a time and it answers each before parking again.
 *
 * <p>Why the workspace stays single-threaded: the run's thread executes Smalltalk only between a caller's
 * request and the answer to it, while that caller waits; whatever the workspace does in between (evaluate,
 * inspect, browse) happens while the run is parked. The hand-offs go through one monitor, which orders every
 * write to the workspace's state. The one exception, a run whose suspension times out, unwinds without touching
 * the workspace ({@link #detached()}).
 */
final class DebugRun implements DebugHook {
    private enum Mode {
        CONTINUE,
        INTO,
        OVER,
        OUT,
        RESTART
    }

    private final String id;
    private final String code;
    private final WorkspaceState state;
    private final Evaluator evaluator;
    private final ResultPrinter printer;
    private final EvalLimits limits;
    private final InterruptFlag interrupt;
    private final Debugger debugger;
    private final Duration suspendTimeout;

    private final Object lock = new Object();
    // guarded by lock
    private Supplier<?> pending;
    private long stops;
    private DebugState current;
    private volatile boolean detached;

    // owned by the run's thread
    private Mode mode = Mode.CONTINUE;
    private int targetDepth;
    private Context targetHome;
    private Object restartCode;
    private List<Context> liveFrames = List.of();
    private Context lastStopFrame;
    private int lastStopLine = -1;

    DebugRun(
            String id,
            String code,
            WorkspaceState state,
            Evaluator evaluator,
            ResultPrinter printer,
            EvalLimits limits,
            InterruptFlag interrupt,
            Debugger debugger,
            Duration suspendTimeout) {
        this.id = id;
        this.code = code;
        this.state = state;
        this.evaluator = evaluator;
        this.printer = printer;
        this.limits = limits;
        this.interrupt = interrupt;
        this.debugger = debugger;
        this.suspendTimeout = suspendTimeout;
    }

    String id() {
        return id;
    }

    // ------------------------------------------------------------ the caller's side

    /** Starts the evaluation and waits until it stops or ends. */
    DebugState start() {
        long before;
        synchronized (lock) {
            before = stops;
        }
        interrupt.start();
        Thread t = EvaluationThreads.factory("smalltalk-debug-" + id).newThread(this::runEvaluation);
        WorkspaceListener l = debugger.listener();
        if (l != null) l.busy();
        try {
            t.start();
            return awaitStop(before);
        } finally {
            if (l != null) l.idle();
        }
    }

    DebugState state() {
        synchronized (lock) {
            return current;
        }
    }

    /** Hands an action that resumes the run to the parked thread and waits for the next stop (or the end). */
    private DebugState command(Supplier<?> action) {
        WorkspaceListener l = debugger.listener();
        synchronized (lock) {
            requireSuspended();
            long before = stops;
            interrupt.start();
            if (l != null) l.busy();
            try {
                pending = action;
                lock.notifyAll();
                return awaitStop(before);
            } finally {
                if (l != null) l.idle();
            }
        }
    }

    private void requireSuspended() {
        if (current == null || !current.suspended())
            throw new IllegalStateException("debug run " + id + " is not suspended");
    }

    private DebugState awaitStop(long before) {
        synchronized (lock) {
            long deadline = System.nanoTime() + limits.timeout().plusSeconds(2).toNanos();
            boolean interrupted = false;
            while (stops == before) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    if (interrupted) {
                        // stuck in a primitive: answer now; the thread ends when the primitive returns
                        detached = true;
                        stops++;
                        current = ended(
                                DebugState.State.TERMINATED,
                                failure(EvalFailure.Kind.TIMEOUT, "Timeout", "the debugged evaluation did not stop"));
                        break;
                    }
                    interrupt.set(true);
                    interrupted = true;
                    deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                    continue;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for debug run " + id);
                }
            }
            return current;
        }
    }

    DebugState stepInto() {
        return command(() -> resumeAs(Mode.INTO, 0));
    }

    DebugState stepOver(int frame) {
        checkFrame(frame);
        return command(() -> resumeAs(Mode.OVER, frame));
    }

    DebugState stepOut(int frame) {
        checkFrame(frame);
        return command(() -> resumeAs(Mode.OUT, frame));
    }

    private void checkFrame(int frame) {
        synchronized (lock) {
            requireSuspended();
            int n = current.frames().size();
            if (frame < 0 || frame >= n)
                throw new IllegalArgumentException(
                        "no frame " + frame + ": the stack has " + n + " frames (0 is the innermost)");
        }
    }

    DebugState resume() {
        return command(() -> resumeAs(Mode.CONTINUE, 0));
    }

    DebugState restart(int frame) {
        checkFrame(frame);
        synchronized (lock) {
            DebugFrame f = current.frames().get(frame);
            if (!f.restartable())
                throw new IllegalArgumentException("frame " + frame + " (" + f.method() + ") cannot be restarted");
        }
        return command(() -> {
            Context f = frame(frame);
            mode = Mode.RESTART;
            targetDepth = f.depth();
            restartCode = f.code;
            return new ControlFlow.Restart(f);
        });
    }

    DebugState terminate() {
        return command(() -> new ControlFlow.Termination("Terminated", "the debugger terminated the evaluation", null));
    }

    /** Runs {@code task} on the parked thread (Smalltalk such as printString runs there) and answers its value. */
    <T> T onRunThread(Supplier<T> task) {
        Object[] box = new Object[1];
        RuntimeException[] error = new RuntimeException[1];
        boolean[] done = new boolean[1];
        synchronized (lock) {
            requireSuspended();
            pending = () -> {
                try {
                    box[0] = task.get();
                } catch (RuntimeException e) {
                    error[0] = e;
                }
                done[0] = true;
                return null;
            };
            lock.notifyAll();
            while (!done[0]) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for debug run " + id);
                }
            }
        }
        if (error[0] != null) throw error[0];
        @SuppressWarnings("unchecked")
        T value = (T) box[0];
        return value;
    }

    /** The innermost frame of a suspended run (it reaches every other through its senders), or null. */
    Context innermostFrame() {
        try {
            return onRunThread(() -> liveFrames.isEmpty() ? null : liveFrames.get(0));
        } catch (IllegalStateException notSuspended) {
            return null;
        }
    }

    // ------------------------------------------------------------ frames and variables (run's thread)

    private Context frame(int index) {
        if (index < 0 || index >= liveFrames.size())
            throw new IllegalArgumentException(
                    "no frame " + index + ": the stack has " + liveFrames.size() + " frames (0 is the innermost)");
        return liveFrames.get(index);
    }

    List<DebugVariable> variables(int index) {
        checkFrame(index);
        return onRunThread(() -> variablesOf(frame(index)));
    }

    /** Evaluates {@code source} in a frame: its receiver as self, its temporaries readable and assignable. */
    EvalResult evaluateInFrame(int index, String source) {
        checkFrame(index);
        return onRunThread(() -> {
            Context f = frame(index);
            Map<String, Binding> locals = new LinkedHashMap<>();
            Map<Binding, Object[]> homes = new LinkedHashMap<>();
            Map<Binding, Integer> slots = new LinkedHashMap<>();
            for (Context x = f; x != null; x = x.outer()) {
                String[] names = x.code.tempNames;
                for (int i = 0; i < names.length && i < x.temps.length; i++) {
                    if (names[i].startsWith("(") || locals.containsKey(names[i])) continue;
                    Binding b = new Binding(names[i], x.temps[i]);
                    locals.put(names[i], b);
                    homes.put(b, x.temps);
                    slots.put(b, i);
                }
            }
            long t0 = System.nanoTime();
            Evaluator.Outcome out =
                    evaluator.evaluateIn(source, f.receiver, locals, limits, new AtomicBoolean(), null, true);
            for (Map.Entry<Binding, Object[]> e : homes.entrySet())
                e.getValue()[slots.get(e.getKey())] = e.getKey().value;
            return Debugger.result(out, Duration.ofNanos(System.nanoTime() - t0));
        });
    }

    private List<DebugVariable> variablesOf(Context f) {
        List<DebugVariable> out = new ArrayList<>();
        out.add(variable("self", f.receiver));
        List<String> seen = new ArrayList<>();
        for (Context x = f; x != null; x = x.outer()) {
            String[] names = x.code.tempNames;
            for (int i = 0; i < names.length && i < x.temps.length; i++) {
                if (names[i].startsWith("(") || seen.contains(names[i])) continue;
                seen.add(names[i]);
                out.add(variable(names[i], x.temps[i]));
            }
        }
        return out;
    }

    private DebugVariable variable(String name, Object value) {
        return new DebugVariable(
                name,
                printer.className(value),
                printer.safePrint(value, null),
                state.registry().register(value));
    }

    private DebugFrame describe(int index, Context c) {
        CompiledMethod m = c.code.method();
        int line = c.line();
        int col = c.column();
        int end = col == 0 ? 0 : col + selectorPartLength(m.source, c.pos());
        StClass mc = m.methodClass;
        return new DebugFrame(
                index,
                c.describe(state.classes()),
                mc.isMeta ? mc.thisClass.name : mc.name,
                m.selector.name,
                mc.isMeta,
                printer.className(c.receiver),
                line,
                col,
                end,
                c.isBlock(),
                c.isRestartable());
    }

    /** Length of the selector token at {@code pos}: a keyword part with its colon, a unary name or a binary operator. */
    static int selectorPartLength(String src, int pos) {
        if (src == null || pos < 0 || pos >= src.length()) return 0;
        int i = pos;
        if (Character.isLetter(src.charAt(i)) || src.charAt(i) == '_') {
            while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) i++;
            if (i < src.length() && src.charAt(i) == ':') i++;
        } else {
            while (i < src.length() && "+-*/\\<>=~@%|&?,".indexOf(src.charAt(i)) >= 0) i++;
        }
        return Math.max(1, i - pos);
    }

    // ------------------------------------------------------------ the run's thread

    private void runEvaluation() {
        long t0 = System.nanoTime();
        Evaluator.Outcome out;
        try {
            out = evaluator.evaluate(code, limits, interrupt, true, this, true);
        } catch (RuntimeException | Error e) {
            out = new Evaluator.Outcome(
                    null,
                    null,
                    null,
                    null,
                    "",
                    new EvalFailure(EvalFailure.Kind.INTERNAL, "InternalError", String.valueOf(e), 0, 0, List.of()));
        }
        EvalResult result = Debugger.result(out, Duration.ofNanos(System.nanoTime() - t0));
        boolean terminated =
                result.failure() != null && "Terminated".equals(result.failure().errorClass());
        debugger.ended(this); // before the end is published: an ended run's id is unknown at once
        synchronized (lock) {
            if (!detached || current == null || current.suspended()) {
                current = ended(terminated ? DebugState.State.TERMINATED : DebugState.State.FINISHED, result);
                stops++;
            }
            liveFrames = List.of();
            lock.notifyAll();
        }
    }

    private DebugState ended(DebugState.State state, EvalResult result) {
        return new DebugState(id, state, null, null, List.of(), List.of(), result);
    }

    private static EvalResult failure(EvalFailure.Kind kind, String errorClass, String text) {
        return new EvalResult(
                null, null, null, "", Duration.ZERO, new EvalFailure(kind, errorClass, text, 0, 0, List.of()));
    }

    @Override
    public boolean detached() {
        return detached;
    }

    @Override
    public void beforeSend(Context c) {
        boolean stop = switch (mode) {
            case INTO -> true;
            case OVER -> c.depth() <= targetDepth || (c.home() == targetHome && c.isBlock());
            case OUT -> c.depth() < targetDepth;
            case RESTART -> c.code == restartCode && c.depth() == targetDepth;
            case CONTINUE -> false;
        };
        String reason = "step";
        if (!stop && mode != Mode.RESTART && debugger.hits(c)) {
            int line = c.line();
            if (c != lastStopFrame || line != lastStopLine) {
                stop = true;
                reason = "breakpoint";
            }
        }
        if (stop) suspend(c, reason, null);
    }

    @Override
    public boolean unhandled(StObject exception, Context signalContext) {
        boolean halt = isHalt(state.classes().classOf(exception));
        Context top = halt && signalContext.sender != null ? signalContext.sender : signalContext;
        String text = halt ? null : printer.safePrint(exception, null);
        suspend(top, halt ? "halt" : "exception", text);
        if (!halt && mode != Mode.RESTART) mode = Mode.CONTINUE; // resuming an error lets it fail
        return halt;
    }

    private static boolean isHalt(StClass c) {
        for (StClass x = c; x != null; x = x.superclass) if (x.isKernel() && "Halt".equals(x.name)) return true;
        return false;
    }

    /** Parks the run at {@code c} and serves the caller's requests until one resumes, restarts or terminates it. */
    private void suspend(Context c, String reason, String exception) {
        long t0 = System.nanoTime();
        List<Context> frames = new ArrayList<>();
        for (Context x = c; x != null; x = x.sender) frames.add(x);
        liveFrames = frames;
        lastStopFrame = c;
        lastStopLine = c.line();
        List<DebugFrame> described = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) described.add(describe(i, frames.get(i)));
        DebugState st =
                new DebugState(id, DebugState.State.SUSPENDED, reason, exception, described, variablesOf(c), null);
        RuntimeException unwind = null;
        synchronized (lock) {
            current = st;
            stops++;
            lock.notifyAll();
            long deadline = t0 + suspendTimeout.toNanos();
            while (true) {
                while (pending == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) break;
                    try {
                        lock.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        left = 0;
                        break;
                    }
                }
                if (pending == null) {
                    // nobody came back: end the run and release its thread without touching the workspace
                    detached = true;
                    current = ended(
                            DebugState.State.TERMINATED,
                            failure(
                                    EvalFailure.Kind.INTERRUPTED,
                                    "Terminated",
                                    "the suspended evaluation timed out after " + suspendTimeout));
                    stops++;
                    lock.notifyAll();
                    unwind = new ControlFlow.Termination("Terminated", "suspended too long", c);
                    break;
                }
                Supplier<?> action = pending;
                pending = null;
                Object r = action.get();
                if (r instanceof Mode) break; // resumed
                if (r instanceof RuntimeException ex) {
                    unwind = ex;
                    break;
                }
                lock.notifyAll(); // a task's answer is ready
            }
        }
        if (c.interp() instanceof Interp in) in.extendDeadline(System.nanoTime() - t0);
        if (unwind != null) throw unwind;
    }

    /** Sets the stepping mode relative to a frame; answers the mode so that the parked thread resumes. */
    private Mode resumeAs(Mode m, int frameIndex) {
        Context f = frame(Math.min(frameIndex, liveFrames.size() - 1));
        mode = m;
        targetDepth = f.depth();
        targetHome = f.home();
        return m;
    }
}
