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
    private final ResultPrinter printer;
    private final InterruptFlag interrupt = new InterruptFlag();
    private ExecutorService worker;
    private volatile Debugger debugger;
    private final MemoryAccount memory;

    Workspace(WorkspaceState state) {
        this.state = state;
        this.printer = new ResultPrinter(state.classes(), state.environment());
        this.evaluator = new Evaluator(state, printer);
        this.memory = new MemoryAccount(state, this::debugRoots);
        evaluator.account = memory;
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
        sync();
        WorkspaceListener l = listener;
        try {
            if (l == null) return evaluateQuietly(code, limits, record);
            l.busy();
            try {
                return evaluateQuietly(code, limits, record);
            } finally {
                l.idle();
            }
        } finally {
            memory.after();
        }
    }

    private EvalResult evaluateQuietly(String code, EvalLimits limits, boolean record) {
        interrupt.start();
        // after the start: an interrupt sent while a first walk runs still stops the evaluation
        memory.before();
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
        sync();
        interrupt.start();
        return accounted(() -> run(
                () -> CodeLoader.load(state, evaluator, limits, interrupt, files, lenient),
                limits.timeout().multipliedBy(10)));
    }

    /**
     * Runs SUnit tests in this workspace: the concrete TestCase subclasses whose names match {@code classGlobs}
     * or whose package is in {@code packages} (both empty: all of this workspace's). Each test is one evaluation
     * under {@code perTest}; the answer has the counts and every failed, errored or skipped test with its message
     * and the line in the test method.
     */
    public TestRunResult runTests(List<String> classGlobs, List<String> packages, EvalLimits perTest) {
        sync();
        interrupt.start();
        return accounted(
                () -> run(() -> TestRunner.run(state, evaluator, perTest, interrupt, classGlobs, packages), LONG_TASK));
    }

    /** As {@link #runTests} for classes named exactly (as {@link LoadResult#classesDefined()} lists them). */
    public TestRunResult runTestClasses(List<String> classNames, EvalLimits perTest) {
        sync();
        interrupt.start();
        return accounted(
                () -> run(() -> TestRunner.runClasses(state, evaluator, perTest, interrupt, classNames), LONG_TASK));
    }

    /** Loads and test runs are bounded per evaluation; this only bounds how long a caller waits for the whole. */
    private static final Duration LONG_TASK = Duration.ofHours(1);

    /** Runs a workspace operation under the memory account: first estimate before, charges settled after. */
    private <T> T accounted(java.util.function.Supplier<T> operation) {
        memory.before();
        try {
            return operation.get();
        } finally {
            memory.after();
        }
    }

    // ------------------------------------------------------------ memory (see MemoryAccount)

    /**
     * Limits what this workspace may keep alive to about {@code bytes} (0: no limit, the default): an evaluation
     * that would take it past the limit fails with error class {@link MemoryAccount#ERROR_CLASS}, naming the limit,
     * what the workspace holds and, in its message, {@code holder} ("this session") and {@code setting} (what raises
     * the limit; may be empty). Each evaluation's own allocation limit still applies.
     */
    public void setMemoryLimit(long bytes, String holder, String setting) {
        memory.setLimit(bytes, holder, setting);
    }

    /** The limit set by {@link #setMemoryLimit}, 0 for none. */
    public long memoryLimit() {
        return memory.limit();
    }

    /**
     * The estimate of the bytes this workspace keeps alive, as the memory account last took it (0 without a limit);
     * it errs high between walks, never low by more than the last operation's charges.
     */
    public long retainedBytes() {
        return memory.retained();
    }

    /** Walks what the workspace keeps alive now (bounded: see {@link io.stui.smalltalk.image.RetainedSize}). */
    public long measureRetained() {
        return memory.refresh();
    }

    /** What the debugger's suspended runs keep alive (their frames), for the memory account. */
    private java.util.Collection<?> debugRoots() {
        Debugger d = debugger;
        return d == null ? List.of() : d.suspendedFrames();
    }

    /** Evaluates with {@link EvalLimits#defaults()}. */
    public EvalResult evaluate(String code) {
        return evaluate(code, EvalLimits.defaults());
    }

    /**
     * This workspace's debugger: breakpoints, debug-mode evaluations ({@code debugger().debug(code, limits)}) and
     * the operations on a suspended one. Created on first use.
     */
    public Debugger debugger() {
        sync();
        memory.before();
        Debugger d = debugger;
        if (d == null) {
            synchronized (this) {
                if (debugger == null) debugger = new Debugger(state, evaluator, printer, interrupt, () -> listener);
                d = debugger;
            }
        }
        return d;
    }

    /** Asks the running evaluation (if any) to stop; it ends with an {@code INTERRUPTED} failure. Thread-safe. */
    public void interrupt() {
        interrupt.set(true);
    }

    /**
     * Stops the running evaluation or, when it has not started yet, the next one as it starts: for a caller on
     * another thread that knows an evaluation is under way but not whether it has reached this workspace. Undo
     * with {@link #forgetInterrupt()} once that evaluation is over, so the next one is not hit. Thread-safe.
     */
    public void interruptNowOrAtStart() {
        interrupt.interruptNowOrAtStart();
    }

    /** Forgets an interrupt armed by {@link #interruptNowOrAtStart()} that no evaluation took. Thread-safe. */
    public void forgetInterrupt() {
        interrupt.disarm();
    }

    /** Runs a reflection or inspection task (which may print objects with Smalltalk code) on the evaluation thread. */
    private <T> T tool(Callable<T> task) {
        sync();
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
        sync();
        return browser.listClasses(glob, includeSystem);
    }

    public Optional<Reflection.ClassDescription> describeClass(String name) {
        sync();
        return Optional.ofNullable(browser.describeClass(name));
    }

    public Optional<Reflection.MethodInfo> method(String className, String selector, boolean classSide) {
        sync();
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
        memory.remeasure();
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

    // ------------------------------------------------------------ layers (see Environment)

    /**
     * A layer takes its base's newest published state as each request starts, so one evaluation sees one state of
     * the base; for a workspace that is no layer this is a null check.
     */
    private void sync() {
        state.environment().syncParent();
    }

    /**
     * Publishes what this workspace defines to the layers over it, if it changed since it last did. Call between
     * requests, from the thread using the workspace (the server's image does, under its lock, after each use).
     */
    public void publish() {
        state.environment().publishIfChanged();
    }

    /** The environment layers over this workspace read (engine-internal: {@link SmalltalkEngine#newLayer}). */
    io.stui.smalltalk.objects.Environment environment() {
        return state.environment();
    }

    /** True when this workspace is a layer over another (a server session over the image). */
    public boolean isLayer() {
        return state.environment().parent() != null;
    }

    /** Stops the evaluation thread. The workspace can still be used afterwards (a new thread is started). */
    @Override
    public void close() {
        if (debugger != null) debugger.terminateAll();
        interrupt.set(true);
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }

    // ------------------------------------------------------------ IDE tools (see io.stui.smalltalk.tools)

    private io.stui.smalltalk.tools.Navigation navigation;

    /** Senders, implementors, references, hierarchy, method search and inherited-method lookup over all this workspace sees. */
    public synchronized io.stui.smalltalk.tools.Navigation navigation() {
        sync();
        if (navigation == null) navigation = new io.stui.smalltalk.tools.Navigation(state.environment());
        return navigation;
    }

    /** Completion of workspace code at {@code cursor} (0-based offset into {@code source}). */
    public io.stui.smalltalk.tools.Completions complete(String source, int cursor) {
        return complete(source, cursor, null, false);
    }

    /** Completion in the source of a method of {@code className} being edited (self, its variables are known). */
    public io.stui.smalltalk.tools.Completions complete(
            String source, int cursor, String className, boolean classSide) {
        sync();
        return new io.stui.smalltalk.tools.Completion(state.environment(), state.variables(), navigation())
                .complete(source, cursor, className, classSide);
    }

    /** Whether {@code source} is complete, incomplete (with the next line's indent) or invalid; runs nothing. */
    public static io.stui.smalltalk.tools.InputStatus isComplete(String source) {
        return io.stui.smalltalk.tools.InputStatus.of(source);
    }

    /** Compiling, defining and removing methods and classes in this workspace. */
    public io.stui.smalltalk.tools.Editor editor() {
        sync();
        return new io.stui.smalltalk.tools.Editor(state.environment());
    }

    /**
     * Defines a class from a Pharo class-definition expression ({@code Object subclass: #Foo instanceVariableNames: ...}
     * or {@code Object << #Foo slots: {...}; package: 'P'}) and describes it.
     *
     * @throws IllegalArgumentException when the expression fails or does not answer a class
     */
    public Reflection.ClassDescription defineClass(String definition) {
        EvalResult r = evaluate(definition, TOOL_LIMITS, false);
        if (!r.ok()) throw new IllegalArgumentException(r.failure().describe());
        if (r.className() == null || !r.className().endsWith(" class"))
            throw new IllegalArgumentException("the definition answered " + r.printString() + ", not a class");
        return describeClass(r.printString())
                .orElseThrow(() -> new IllegalArgumentException("the definition answered an unnamed class"));
    }

    /**
     * Sets the trait composition of class {@code className} to {@code composition}, a trait composition expression
     * ({@code TFoo + TBar - {#baz}}, {@code TFoo @ {#bar -> #foo}}), as {@code uses:} does.
     *
     * @throws IllegalArgumentException when the expression fails or the class cannot use it
     */
    public void useTraits(String className, String composition) {
        EvalResult r = evaluate(className + " uses: (" + composition + "\n)", TOOL_LIMITS, false);
        if (!r.ok()) throw new IllegalArgumentException(r.failure().describe());
    }

    // ------------------------------------------------------------ workspace tools: modes, scopes, inspector, listener

    private volatile WorkspaceListener listener;

    /** Streams Transcript output and busy/idle to {@code l} (null: stop). See {@link WorkspaceListener}. */
    public void setListener(WorkspaceListener l) {
        listener = l;
        evaluator.transcriptListener = l == null ? null : l::transcript;
    }

    /**
     * Evaluates as a tool asks: in {@code mode} (EXECUTE builds no printString), in the variables of tool
     * {@code toolId} (null: the workspace's own; each tool id has its own scope, not kept in snapshots), with
     * {@code self} bound to the registered object {@code receiverId} (null: nil) whose instance variables the code
     * can read and assign, as Pharo's inspector evaluator does.
     *
     * @throws IllegalArgumentException when {@code receiverId} names no registered object
     */
    public EvalResult evaluate(String code, EvalLimits limits, EvalMode mode, String toolId, String receiverId) {
        boolean print = mode != EvalMode.EXECUTE;
        if (toolId == null && receiverId == null && print) return evaluate(code, limits);
        sync();
        Object receiver = null;
        if (receiverId != null) {
            if (!state.registry().contains(receiverId))
                throw new IllegalArgumentException(
                        "no object with id " + receiverId + " (ids are kept for the newest 1,000)");
            receiver = state.registry().get(receiverId);
        }
        Object self = receiver;
        WorkspaceListener l = listener;
        if (l != null) l.busy();
        interrupt.start();
        long t0 = System.nanoTime();
        memory.before();
        try {
            Evaluator.Outcome out = toolId == null && receiverId == null
                    ? run(() -> evaluator.evaluate(code, limits, interrupt, true, null, false), limits.timeout())
                    : run(
                            () -> evaluator.evaluateIn(
                                    code, self, java.util.Map.of(), limits, interrupt, state.scope(toolId), print),
                            limits.timeout());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            if (out.failure() != null) return EvalResult.failed(out.failure(), out.transcript(), elapsed);
            return EvalResult.success(out.printString(), out.className(), out.objectId(), out.transcript(), elapsed);
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
        } finally {
            memory.after();
            if (l != null) l.idle();
        }
    }

    /** The variables of tool {@code toolId} (null: the workspace's), as {@link #variables()}. */
    public List<Reflection.VariableInfo> variables(String toolId) {
        if (toolId == null) return variables();
        return tool(() -> {
            List<Reflection.VariableInfo> out = new java.util.ArrayList<>();
            for (io.stui.smalltalk.objects.Binding b :
                    List.copyOf(state.scope(toolId).values()))
                out.add(new Reflection.VariableInfo(
                        b.name,
                        printer.className(b.value),
                        printer.safePrint(b.value, null),
                        state.registry().register(b.value)));
            return out;
        });
    }

    /** A page of the elements (or, for a dictionary, the keys and values) of a registered object, each with an id. */
    public io.stui.smalltalk.tools.Page<Reflection.Element> elements(String objectId, int offset, int limit) {
        return tool(() -> new CollectionPager(state, printer).elements(objectId, offset, limit));
    }

    /**
     * Assigns the value of {@code expression} (evaluated with self bound to the object) to the instance variable
     * {@code name} of the registered object {@code objectId}, or to its element {@code name} when that is an index.
     *
     * @throws IllegalArgumentException for an unknown object or a name that is neither an instance variable nor an index
     */
    public EvalResult setVariable(String objectId, String name, String expression, EvalLimits limits) {
        if (!state.registry().contains(objectId))
            throw new IllegalArgumentException(
                    "no object with id " + objectId + " (ids are kept for the newest 1,000)");
        Object o = state.registry().get(objectId);
        String code;
        if (name != null && !name.isEmpty() && name.chars().allMatch(Character::isDigit))
            code = "self at: " + name + " put: (" + expression + "\n)";
        else if (state.classes().classOf(o).allInstVarNames().contains(name))
            code = name + " := (" + expression + "\n)";
        else
            throw new IllegalArgumentException(
                    state.classes().classOf(o).printName() + " has no instance variable named " + name);
        return evaluate(code, limits, EvalMode.DISPLAY, null, objectId);
    }

    /** A page of the history, oldest first. */
    public io.stui.smalltalk.tools.Page<Reflection.HistoryEntry> history(int offset, int limit) {
        return io.stui.smalltalk.tools.Page.of(history(), offset, limit);
    }

    /**
     * The method a class answers for {@code selector}, its own or inherited: {@code className} in the answer is
     * the class that defines it ({@code Array>>at:} answers {@code Object}); {@code classSide} says on which side.
     */
    public Optional<Reflection.MethodInfo> lookupMethod(String className, String selector, boolean classSide) {
        sync();
        io.stui.smalltalk.objects.Environment env = state.environment();
        io.stui.smalltalk.objects.StClass c = env.classNamed(className);
        io.stui.smalltalk.objects.StSymbol sel = io.stui.smalltalk.objects.StSymbol.existing(selector);
        if (c == null || sel == null) return Optional.empty();
        for (io.stui.smalltalk.objects.StClass x = classSide ? c.metaclass() : c; x != null; x = x.superclass) {
            io.stui.smalltalk.objects.CompiledMethod m = x.localMethods(env).get(sel);
            if (m != null) {
                io.stui.smalltalk.objects.StClass definer = x.isMeta ? x.thisClass : x;
                return Optional.of(new Reflection.MethodInfo(
                        definer.name, selector, m.source, m.category, x.isMeta, List.of(m.argNames), m.comment()));
            }
        }
        return Optional.empty();
    }
}
