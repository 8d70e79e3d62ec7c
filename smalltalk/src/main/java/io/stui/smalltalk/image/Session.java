package io.stui.smalltalk.image;

import io.stui.smalltalk.EvalFailure;
import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.Reflection;
import io.stui.smalltalk.compiler.Compiler;
import io.stui.smalltalk.compiler.DoitCache;
import io.stui.smalltalk.debug.DebugHook;
import io.stui.smalltalk.interp.ControlFlow;
import io.stui.smalltalk.interp.Interp;
import io.stui.smalltalk.objects.Binding;
import io.stui.smalltalk.objects.CompiledMethod;
import io.stui.smalltalk.objects.Context;
import io.stui.smalltalk.objects.Environment;
import io.stui.smalltalk.objects.StClass;
import io.stui.smalltalk.objects.StIndexed;
import io.stui.smalltalk.objects.StObject;
import io.stui.smalltalk.objects.StString;
import io.stui.smalltalk.objects.StSymbol;
import io.stui.smalltalk.primitives.ObjectPrims;
import io.stui.smalltalk.syntax.Parser;
import io.stui.smalltalk.syntax.SyntaxError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state of one workspace and the operations on it. Runs Smalltalk only on the calling thread; the public
 * {@code Workspace} wrapper supplies the big-stack thread, the time limits and the interrupt flag.
 */
public final class Session {
    /** Internal raw outcome of an evaluation. */
    public record Outcome(
            Object value,
            String printString,
            String className,
            String objectId,
            String transcript,
            EvalFailure failure) {}

    final Kernel kernel;
    public final Environment env;
    public final LinkedHashMap<String, Binding> variables = new LinkedHashMap<>();
    final ObjectRegistry registry = new ObjectRegistry();
    /** Evaluation history, the most recent {@link #HISTORY_CAPACITY} entries. */
    final List<Reflection.HistoryEntry> history = new ArrayList<>();

    public static final int HISTORY_CAPACITY = 1_000;
    volatile Reflection.FailureReport lastFailure;
    private final Compiler.VariableResolver resolver;
    private final DoitCache doits = new DoitCache();

    public Session(Kernel kernel) {
        this.kernel = kernel;
        this.env = new Environment(kernel, false);
        this.resolver = new Compiler.VariableResolver() {
            @Override
            public Binding existing(String name) {
                return variables.get(name);
            }

            @Override
            public Binding declare(String name) {
                return variables.computeIfAbsent(name, n -> new Binding(n, null));
            }

            @Override
            public boolean isClass(String name) {
                return env.global(name) instanceof StClass;
            }

            @Override
            public boolean isGlobal(String name) {
                return env.binding(name) != null;
            }
        };
    }

    /** Variables of the tools that asked for their own scope (by tool id), apart from the workspace's. */
    private final Map<String, Map<String, Binding>> toolScopes = new java.util.concurrent.ConcurrentHashMap<>();

    /** Receives Transcript output as it is written, on the evaluation's thread; null for none. */
    public volatile java.util.function.Consumer<String> transcriptListener;

    /** The variables of tool {@code toolId} (created empty on first use); null answers the workspace's own. */
    public Map<String, Binding> scope(String toolId) {
        if (toolId == null) return variables;
        return toolScopes.computeIfAbsent(toolId, k -> java.util.Collections.synchronizedMap(new LinkedHashMap<>()));
    }

    public Environment environment() {
        return env;
    }

    /** Synchronized like {@link #history()}: an abandoned evaluation may still finish while the next one runs. */
    private void addHistory(Reflection.HistoryEntry e) {
        synchronized (history) {
            history.add(e);
            if (history.size() > HISTORY_CAPACITY) history.remove(0);
        }
    }

    public Compiler.VariableResolver resolver() {
        return resolver;
    }

    public Map<String, Binding> variableBindings() {
        return variables;
    }

    public ObjectRegistry registry() {
        return registry;
    }

    public List<Reflection.HistoryEntry> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    public Reflection.FailureReport lastFailure() {
        return lastFailure;
    }

    Interp newInterp(EvalLimits limits, AtomicBoolean interrupt, DebugHook debug) {
        return new Interp(
                env,
                limits.timeout().toNanos(),
                limits.instructionBudget(),
                limits.maxAllocationBytes(),
                limits.maxDepth(),
                interrupt,
                debug);
    }

    /** Prints the result: same time and memory limits, but a deep stack so cyclic structures reach the character limit first. */
    Interp printInterp(EvalLimits limits, AtomicBoolean interrupt) {
        return new Interp(
                env,
                limits.timeout().toNanos(),
                limits.instructionBudget(),
                limits.maxAllocationBytes(),
                Math.max(limits.maxDepth(), 100_000),
                interrupt);
    }

    /** A short-lived interpreter for printing and inspection after (or outside) an evaluation. */
    Interp toolInterp(AtomicBoolean interrupt) {
        return new Interp(env, 2_000_000_000L, 20_000_000L, 64L << 20, 2_000, interrupt);
    }

    // ------------------------------------------------------------ evaluation

    public Outcome evaluate(String code, EvalLimits limits, AtomicBoolean interrupt) {
        return evaluate(code, limits, interrupt, true);
    }

    /**
     * Evaluates {@code code}; with {@code record} false a successful value is neither registered (no object
     * id) nor added to the history, for a one-shot evaluation whose workspace is cleared right after.
     */
    public Outcome evaluate(String code, EvalLimits limits, AtomicBoolean interrupt, boolean record) {
        return evaluate(code, limits, interrupt, record, null);
    }

    /** As {@link #evaluate(String, EvalLimits, AtomicBoolean, boolean)}, under a debugger when {@code debug} is not null. */
    public Outcome evaluate(String code, EvalLimits limits, AtomicBoolean interrupt, boolean record, DebugHook debug) {
        return evaluate(code, limits, interrupt, record, debug, true);
    }

    /** As above; with {@code print} false no printString is built (a do-it: the outcome's printString is null). */
    public Outcome evaluate(
            String code, EvalLimits limits, AtomicBoolean interrupt, boolean record, DebugHook debug, boolean print) {
        long t0 = System.nanoTime();
        CompiledMethod doit;
        try {
            doit = doits.compile(code, kernel, env, variables, resolver);
        } catch (SyntaxError e) {
            return syntaxFailure(code, e);
        } catch (StackOverflowError e) {
            return nestedTooDeeply(code);
        }
        return run(code, doit, null, limits, interrupt, record, debug, print, t0);
    }

    /**
     * Evaluates {@code code} with {@code self} bound to {@code receiver} (its instance variables readable and
     * assignable, as in Pharo's inspector) and with {@code locals} visible before the workspace variables (a
     * debugger's frame temporaries; assignments to them land in the given bindings). Never cached.
     */
    public Outcome evaluateIn(
            String code,
            Object receiver,
            Map<String, Binding> locals,
            EvalLimits limits,
            AtomicBoolean interrupt,
            Map<String, Binding> scope) {
        return evaluateIn(code, receiver, locals, limits, interrupt, scope, true);
    }

    /** As above, in the variable {@code scope} of a tool (null: the workspace's), printing the result when asked. */
    public Outcome evaluateIn(
            String code,
            Object receiver,
            Map<String, Binding> locals,
            EvalLimits limits,
            AtomicBoolean interrupt,
            Map<String, Binding> scope,
            boolean print) {
        long t0 = System.nanoTime();
        Map<String, Binding> vars = scope == null ? variables : scope;
        Compiler.VariableResolver r = new Compiler.VariableResolver() {
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
                return resolver.isClass(name);
            }

            @Override
            public boolean isGlobal(String name) {
                return resolver.isGlobal(name);
            }
        };
        CompiledMethod doit;
        try {
            doit = new CompiledMethod(Parser.parseDoit(code), Kernel.classOf(receiver), "doits", null, false, r);
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
        Interp in = newInterp(limits, interrupt, debug);
        in.transcriptListener = transcriptListener;
        try {
            Object value = in.invoke(doit, receiver, Interp.NO_ARGS, null);
            String ps = print ? directPrint(value) : null;
            if (ps == null && print) ps = resultPrintString(value, printInterp(limits, interrupt));
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
                id = registry.register(value);
                addHistory(new Reflection.HistoryEntry(
                        code,
                        ps == null ? "" : ps,
                        true,
                        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
            }
            String cls = Kernel.classOf(value).printName();
            return new Outcome(value, ps, cls, id, in.transcript.toString(), null);
        } catch (ControlFlow.UnhandledError e) {
            return failUnhandled(code, e, in);
        } catch (ControlFlow.Termination t) {
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
            org.slf4j.LoggerFactory.getLogger(Session.class).warn("internal evaluator fault for: {}", code, bug);
            EvalFailure f =
                    new EvalFailure(EvalFailure.Kind.INTERNAL, "InternalError", String.valueOf(bug), 0, 0, List.of());
            return fail(code, f, List.of(), in.transcript.toString());
        }
    }

    private Outcome failUnhandled(String code, ControlFlow.UnhandledError e, Interp in) {
        String errorClass = Kernel.classOf(e.exception).printName();
        String text = exceptionText(e.exception, toolInterp(in.interruptFlag));
        List<Context> frames = frames(e.signalContext);
        List<String> trace = new ArrayList<>();
        for (Context c : frames) trace.add(c.describe());
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
            case "AllocationLimitExceeded" -> EvalFailure.Kind.ALLOCATION;
            case "Terminated" -> EvalFailure.Kind.INTERRUPTED;
            default -> EvalFailure.Kind.INTERNAL;
        };
        List<Context> frames = frames(t.context);
        if (kind == EvalFailure.Kind.RECURSION) frames = frames.subList(0, Math.min(frames.size(), 20));
        List<String> trace = new ArrayList<>();
        for (Context c : frames) trace.add(c.describe());
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
        Interp tool = frames.isEmpty() ? null : toolInterp(null);
        for (Context c : frames) {
            Map<String, String> locals = new LinkedHashMap<>();
            Map<String, String> ids = new LinkedHashMap<>();
            String[] names = c.code.tempNames;
            for (int i = 0; i < names.length && i < c.temps.length; i++) {
                if (names[i].startsWith("(")) continue;
                locals.put(names[i], safePrint(c.temps[i], tool));
                ids.put(names[i], registry.register(c.temps[i]));
            }
            fr.add(new Reflection.Frame(
                    c.describe(),
                    c.line(),
                    Kernel.classOf(c.receiver).printName(),
                    safePrint(c.receiver, tool),
                    registry.register(c.receiver),
                    locals,
                    ids));
        }
        lastFailure = new Reflection.FailureReport(
                code, f, fr, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        addHistory(new Reflection.HistoryEntry(
                code, f.describe(), false, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        return new Outcome(null, null, null, null, transcript, f);
    }

    // ------------------------------------------------------------ printing

    /** Result printStrings stop after this many characters (Pharo's printStringLimitedTo: marks the cut with ...etc...). */
    static final long RESULT_PRINT_LIMIT = 100_000;

    static final long TOOL_PRINT_LIMIT = 10_000;

    String printString(Object value, Interp in) {
        return printString(value, in, RESULT_PRINT_LIMIT);
    }

    String printString(Object value, Interp in, long limit) {
        Object s = in.send1(value, "printStringLimitedTo:", limit, null);
        return s instanceof StString ss ? ss.str() : String.valueOf(s);
    }

    /** The exception's messageText, or its description when the text is empty (Pharo's default messageText is ''). */
    private String exceptionText(StObject exception, Interp tool) {
        String errorClass = Kernel.classOf(exception).printName();
        try {
            Object mt = tool.send0(exception, "messageText", null);
            String text = mt instanceof StString s ? s.str() : mt == null ? "" : printString(mt, tool);
            if (!text.isEmpty()) return text;
            Object d = tool.send0(exception, "description", null);
            return d instanceof StString s ? s.str() : errorClass;
        } catch (RuntimeException ex) {
            return errorClass;
        }
    }

    /** The result's printString; a printOn: that fails leaves the evaluation successful and says so, as an inspector does. */
    private String resultPrintString(Object value, Interp in) {
        try {
            return printString(value, in);
        } catch (ControlFlow.UnhandledError e) {
            String text = exceptionText(e.exception, toolInterp(in.interruptFlag));
            return "<error while printing " + Kernel.classOf(value).printName() + ": "
                    + Kernel.classOf(e.exception).printName() + ": " + text + ">";
        }
    }

    /**
     * The printString of a SmallInteger or Boolean without running Smalltalk, or null. Only while this workspace
     * has added no methods to kernel classes: it could have redefined printString/printOn: on them or Object.
     */
    private String directPrint(Object value) {
        return (value instanceof Long || value instanceof Boolean) && env.extensions.isEmpty()
                ? value.toString()
                : null;
    }

    /** printString that never throws: failures are described instead. */
    public String safePrint(Object value, Interp tool) {
        if (value == null) return "nil";
        String direct = directPrint(value);
        if (direct != null) return direct;
        try {
            Interp in = tool != null ? tool : toolInterp(null);
            return printString(value, in, TOOL_PRINT_LIMIT);
        } catch (ControlFlow.UnhandledError e) {
            return "<printString failed: " + Kernel.classOf(e.exception).printName() + ">";
        } catch (ControlFlow.Termination t) {
            return "<printString failed: " + t.errorClass + ">";
        } catch (RuntimeException | StackOverflowError e) {
            return "<printString failed>";
        }
    }

    // ------------------------------------------------------------ variables, inspection

    public List<Reflection.VariableInfo> variables() {
        List<Reflection.VariableInfo> out = new ArrayList<>();
        Interp tool = toolInterp(null);
        for (Binding b : variables.values()) {
            out.add(new Reflection.VariableInfo(
                    b.name, Kernel.classOf(b.value).printName(), safePrint(b.value, tool), registry.register(b.value)));
        }
        return out;
    }

    public Reflection.Inspection inspect(String objectId, boolean includePrivate, boolean includeMethods) {
        if (!registry.contains(objectId)) return null;
        Object o = registry.get(objectId);
        Interp tool = toolInterp(null);
        StClass cls = Kernel.classOf(o);
        List<Reflection.Slot> named = new ArrayList<>();
        if (includePrivate && o instanceof StObject so && !(o instanceof StClass)) {
            List<String> names = cls.allInstVarNames();
            for (int i = 0; i < names.size(); i++) named.add(slot(names.get(i), so.slot(i), tool));
        }
        List<Reflection.Slot> indexed = new ArrayList<>();
        int size = ObjectPrims.indexedSize(o);
        Object[] elems = null;
        if (o instanceof StObject so && !(o instanceof StIndexed)) {
            // collections implemented in Smalltalk: show their elements as the inspector does
            boolean dict = Interp.truthy(safeSend(o, "isDictionary", tool));
            Object arr = safeSend(o, dict ? "associations" : "asArray", tool);
            if (arr instanceof Object[] a && Interp.truthy(safeSend(o, "isCollection", tool))) {
                elems = a;
                size = a.length;
            }
        } else if (o instanceof Object[] a) elems = a;
        else if (o instanceof StIndexed x) elems = x.items;
        if (elems != null) {
            for (int i = 0; i < Math.min(100, elems.length); i++)
                indexed.add(slot(String.valueOf(i + 1), elems[i], tool));
        } else if (size > 0) {
            for (int i = 1; i <= Math.min(100, size); i++)
                indexed.add(slot(String.valueOf(i), ObjectPrims.at(o, (long) i), tool));
        }
        List<String> selectors = new ArrayList<>();
        if (includeMethods) {
            for (StClass c = cls; c != null; c = c.superclass)
                for (StSymbol s : c.localMethods(env).keySet()) if (!selectors.contains(s.name)) selectors.add(s.name);
            selectors.sort(null);
        }
        return new Reflection.Inspection(
                objectId,
                cls.printName(),
                safePrint(o, tool),
                ObjectPrims.identityHash(o),
                size,
                named,
                indexed,
                selectors);
    }

    private Object safeSend(Object o, String sel, Interp tool) {
        try {
            return tool.send0(o, sel, null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Reflection.Slot slot(String name, Object v, Interp tool) {
        return new Reflection.Slot(name, Kernel.classOf(v).printName(), safePrint(v, tool), registry.register(v));
    }

    // ------------------------------------------------------------ reflection (see ClassBrowser)

    public List<Reflection.ClassInfo> listClasses(String glob, boolean includeSystem) {
        return new ClassBrowser(env).listClasses(glob, includeSystem);
    }

    public Reflection.ClassDescription describeClass(String name) {
        return new ClassBrowser(env).describeClass(name);
    }

    public Reflection.MethodInfo method(String className, String selector, boolean classSide) {
        return new ClassBrowser(env).method(className, selector, classSide);
    }

    /** Forgets variables, workspace classes, extensions, history, registry and the last failure. */
    public void clear() {
        variables.clear();
        toolScopes.clear();
        env.clearDefinitions();
        synchronized (history) {
            history.clear();
        }
        registry.clear();
        lastFailure = null;
    }
}
