package io.stui.smalltalk;

import io.stui.smalltalk.image.SnapshotCodec;
import io.stui.smalltalk.image.WorkspaceState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Smalltalk session: workspace variables, classes and methods defined in it, an object registry, history
 * and the last failure. Not thread-safe: use it from one thread at a time; only {@link #interrupt()} may be
 * called from another thread. Smalltalk code runs on the workspace's own big-stack thread, or directly on the
 * calling thread when that is one of {@link EvaluationThreads}.
 */
public final class Workspace implements AutoCloseable {
    /** The workspace's own threads (for callers that are not evaluation threads themselves). */
    private static final java.util.concurrent.ThreadFactory THREADS = EvaluationThreads.factory("smalltalk-eval");

    private static final Duration GRACE = Duration.ofSeconds(2);
    static final EvalLimits TOOL_LIMITS = new EvalLimits(Duration.ofSeconds(10), 0, 0);

    private final WorkspaceState state;
    private final Evaluator evaluator;
    private final Inspector inspector;
    private final ClassBrowser browser;
    private final AtomicBoolean interrupt = new AtomicBoolean();
    private ExecutorService worker;

    Workspace(WorkspaceState state) {
        this.state = state;
        ResultPrinter printer = new ResultPrinter(state.classes(), state.environment());
        this.evaluator = new Evaluator(state, printer);
        this.inspector = new Inspector(state, printer);
        this.browser = new ClassBrowser(state.environment());
    }

    /** One big-stack daemon thread, retired after 30 s idle so forgotten workspaces do not pin threads. */
    private static ExecutorService newWorker() {
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), THREADS);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Thrown by {@link #run} when the task did not finish in time and its thread was abandoned. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("the workspace did not answer in time", null, false, false);
        }
    }

    /**
     * Runs a task on an evaluation thread: the calling one when it is one ({@link EvaluationThreads}), where the
     * interpreter's own deadline, budget and interrupt checks end it; otherwise the workspace's own thread, which
     * is abandoned (throwing {@link Abandoned}) when the task does not finish in time.
     */
    private <T> T run(Callable<T> task, Duration timeout) {
        if (EvaluationThreads.isCurrent()) return runHere(task);
        if (worker == null) worker = newWorker();
        Future<T> f = worker.submit(task);
        try {
            try {
                return f.get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException first) {
                interrupt.set(true);
                try {
                    return f.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException second) {
                    f.cancel(true);
                    worker.shutdownNow();
                    worker = null;
                    throw new Abandoned();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupt.set(true);
            throw new Abandoned();
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        }
    }

    private static <T> T runHere(Callable<T> task) {
        try {
            return task.call();
        } catch (Exception e) {
            throw unchecked(e);
        }
    }

    /** What a task threw, rethrown as is when unchecked (errors are thrown from here). */
    private static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException re) return re;
        if (t instanceof Error err) throw err;
        return new IllegalStateException(t);
    }

    /** Evaluates Smalltalk code (statements separated by periods) and answers the value of the last one. */
    public EvalResult evaluate(String code, EvalLimits limits) {
        return evaluate(code, limits, true);
    }

    /**
     * As {@link #evaluate(String, EvalLimits)} for a value nobody will ask about again: a successful result is
     * not registered (its {@code objectId} is null) and not added to the history. For one-shot evaluations in a
     * workspace that is cleared right after, such as a server answering {@code evaluate} without a session.
     */
    public EvalResult evaluateOnce(String code, EvalLimits limits) {
        return evaluate(code, limits, false);
    }

    private EvalResult evaluate(String code, EvalLimits limits, boolean record) {
        interrupt.set(false);
        long t0 = System.nanoTime();
        Evaluator.Outcome out;
        try {
            // already on an evaluation thread (a server's front or worker): evaluate here, without a task
            // object and two thread hand-offs
            out = EvaluationThreads.isCurrent()
                    ? evaluator.evaluate(code, limits, interrupt, record)
                    : run(() -> evaluator.evaluate(code, limits, interrupt, record), limits.timeout());
        } catch (Abandoned a) {
            return EvalResult.failed(
                    new EvalFailure(
                            EvalFailure.Kind.TIMEOUT,
                            "Timeout",
                            "the evaluation did not stop within its time limit and was abandoned",
                            0,
                            0,
                            List.of()),
                    "",
                    Duration.ofNanos(System.nanoTime() - t0));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        if (out.failure() != null) return EvalResult.failed(out.failure(), out.transcript(), elapsed);
        return EvalResult.success(out.printString(), out.className(), out.objectId(), out.transcript(), elapsed);
    }

    /**
     * Loads code (Tonel files, chunk-format file-outs) given by contents, all or nothing: on failure the answer
     * names file, line and column and the workspace is as it was. {@code limits} bound each expression the load
     * evaluates (class definitions in file-outs, compositions, class-side {@code initialize}).
     */
    public LoadResult load(List<SourceFile> files, EvalLimits limits) {
        return load(files, limits, false);
    }

    /**
     * As {@link #load(List, EvalLimits)}; a {@code lenient} load leaves out what it cannot define (a class whose
     * superclass is missing, a method that does not compile) and lists it in {@link LoadResult#skipped()}, for
     * running test packages written for a bigger class library. Protocol loads are never lenient.
     */
    public LoadResult load(List<SourceFile> files, EvalLimits limits, boolean lenient) {
        interrupt.set(false);
        return run(
                () -> CodeLoader.load(state, evaluator, limits, interrupt, files, lenient),
                limits.timeout().multipliedBy(10));
    }

    /**
     * Runs SUnit tests in this workspace: the concrete TestCase subclasses whose names match {@code classGlobs}
     * or whose package is in {@code packages} (both empty: all of this workspace's). Each test is one evaluation
     * under {@code perTest}; the answer has the counts and every failed, errored or skipped test with its message
     * and the line in the test method.
     */
    public TestRunResult runTests(List<String> classGlobs, List<String> packages, EvalLimits perTest) {
        interrupt.set(false);
        return run(() -> TestRunner.run(state, evaluator, perTest, interrupt, classGlobs, packages), LONG_TASK);
    }

    /** As {@link #runTests} for classes named exactly (as {@link LoadResult#classesDefined()} lists them). */
    public TestRunResult runTestClasses(List<String> classNames, EvalLimits perTest) {
        interrupt.set(false);
        return run(() -> TestRunner.runClasses(state, evaluator, perTest, interrupt, classNames), LONG_TASK);
    }

    /** Loads and test runs are bounded per evaluation; this only bounds how long a caller waits for the whole. */
    private static final Duration LONG_TASK = Duration.ofHours(1);

    /** Evaluates with {@link EvalLimits#defaults()}. */
    public EvalResult evaluate(String code) {
        return evaluate(code, EvalLimits.defaults());
    }

    /** Asks the running evaluation (if any) to stop; it ends with an {@code INTERRUPTED} failure. Thread-safe. */
    public void interrupt() {
        interrupt.set(true);
    }

    /** Runs a reflection or inspection task (which may print objects with Smalltalk code) on the evaluation thread. */
    private <T> T tool(Callable<T> task) {
        try {
            return run(task, TOOL_LIMITS.timeout());
        } catch (Abandoned a) {
            throw new IllegalStateException(a.getMessage());
        }
    }

    /** Workspace variables (auto-declared by top-level assignments), in declaration order. */
    public List<Reflection.VariableInfo> variables() {
        return tool(inspector::variables);
    }

    /** Registers a value (as answered by this workspace) in the object registry; answers its stable id. */
    public String register(Object value) {
        return state.registry().register(value);
    }

    /** Inspects a registered object: named instance variables when {@code includePrivate}, plus its selectors when asked. */
    public Optional<Reflection.Inspection> inspect(String objectId, boolean includePrivate, boolean includeMethods) {
        return Optional.ofNullable(tool(() -> inspector.inspect(objectId, includePrivate, includeMethods)));
    }

    public Optional<Reflection.Inspection> inspect(String objectId, boolean includePrivate) {
        return inspect(objectId, includePrivate, false);
    }

    /** Classes whose names match a glob ({@code *} and {@code ?}); system classes only when asked. */
    public List<Reflection.ClassInfo> listClasses(String glob, boolean includeSystem) {
        return browser.listClasses(glob, includeSystem);
    }

    public Optional<Reflection.ClassDescription> describeClass(String name) {
        return Optional.ofNullable(browser.describeClass(name));
    }

    public Optional<Reflection.MethodInfo> method(String className, String selector, boolean classSide) {
        return Optional.ofNullable(browser.method(className, selector, classSide));
    }

    public List<Reflection.HistoryEntry> history() {
        List<Reflection.HistoryEntry> out = new ArrayList<>();
        for (WorkspaceState.HistoryEntry e : state.history())
            out.add(new Reflection.HistoryEntry(e.code(), e.result(), e.ok(), e.timestamp()));
        return out;
    }

    public Optional<Reflection.FailureReport> lastFailure() {
        return Optional.ofNullable(evaluator.lastFailure());
    }

    /** Forgets everything defined in this workspace. */
    public void clear() {
        state.clear();
        evaluator.forgetLastFailure();
    }

    /** Serializes variables (with their object graphs), classes, methods, history and registry. */
    public byte[] snapshot() {
        // object graphs can be deep: walk them on the big-stack evaluation thread
        return tool(() -> SnapshotCodec.write(state));
    }

    /** Loads snapshot bytes into this (fresh) workspace, on the evaluation thread. */
    void restore(byte[] bytes) {
        try {
            run(
                    () -> {
                        SnapshotCodec.read(state, bytes);
                        return null;
                    },
                    TOOL_LIMITS.timeout().multipliedBy(3));
        } catch (Abandoned a) {
            throw new IllegalStateException("restoring the snapshot took too long");
        }
    }

    /** Stops the evaluation thread. The workspace can still be used afterwards (a new thread is started). */
    @Override
    public void close() {
        interrupt.set(true);
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }
}
