package io.stui.server.command;

import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.protocol.request.DebugOperation;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.BrowseClassResult;
import io.stui.protocol.result.ClassInfo;
import io.stui.protocol.result.DebugInfo;
import io.stui.protocol.result.DebugResult;
import io.stui.protocol.result.EvaluateResult;
import io.stui.protocol.result.GetMethodResult;
import io.stui.protocol.result.InspectResult;
import io.stui.protocol.result.ListClassesResult;
import io.stui.protocol.result.MethodInfo;
import io.stui.protocol.result.ObjectInfo;
import io.stui.server.config.ServerConfig;
import io.stui.server.events.EventSource;
import io.stui.server.metrics.ServerMetrics;
import io.stui.server.session.LiveSession;
import io.stui.server.session.SessionException;
import io.stui.server.session.SessionManager;
import io.stui.server.workspace.AutoSaver;
import io.stui.server.workspace.DefaultImage;
import io.stui.server.workspace.SessionWorkspace;
import io.stui.server.workspace.Workspaces;
import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.EvalResult;
import io.stui.smalltalk.Reflection;
import io.stui.smalltalk.SmalltalkEngine;
import io.stui.smalltalk.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * evaluate, inspect, browse_class, list_classes, get_method and debug against the embedded engine.
 *
 * <p>With a {@code session_id}, evaluate and inspect run in the session's workspace (variables
 * persist, results get object ids, the workspace is auto-saved afterwards). Without one they run in
 * the server's {@link DefaultImage}: variables, globals and definitions persist there as in a Pharo image
 * (no object id is answered). Class queries ({@code browse_class}, {@code list_classes},
 * {@code get_method}) with a session see the session's own classes and methods too; without one, the
 * image's (the kernel's and whatever was defined or loaded in the image).
 */
public final class SmalltalkCommands implements AutoCloseable {

    /** Bytes one evaluation may allocate; keeps the server well under its memory target. */
    private static final long MAX_ALLOCATION_BYTES = 64L << 20;

    private final SmalltalkEngine engine;
    private final SessionManager sessions;
    private final Workspaces workspaces;
    private final AutoSaver autoSaver;
    private final ServerMetrics metrics;
    private final EvalLimits limits;
    private final DefaultImage image;
    private EventSource events = EventSource.NONE;

    public SmalltalkCommands(
            SmalltalkEngine engine,
            SessionManager sessions,
            Workspaces workspaces,
            AutoSaver autoSaver,
            ServerMetrics metrics,
            EvalLimits limits,
            DefaultImage image) {
        this.engine = engine;
        this.sessions = sessions;
        this.workspaces = workspaces;
        this.autoSaver = autoSaver;
        this.metrics = metrics;
        this.limits = limits;
        this.image = image;
    }

    /** The limits of one evaluation under {@code config}. */
    public static EvalLimits limits(ServerConfig config) {
        return EvalLimits.defaults()
                .withTimeout(config.evalTimeout())
                .withInstructionBudget(config.instructionBudget())
                .withMaxAllocationBytes(MAX_ALLOCATION_BYTES);
    }

    /** A live session, after checking it exists (and recording the access). */
    LiveSession session(String sessionId) {
        try {
            return sessions.get(sessionId);
        } catch (SessionException e) {
            throw Errors.of(e);
        }
    }

    /** The workspace of a live session, made or revived on first use (call in the session's lane). */
    SessionWorkspace workspace(LiveSession session) {
        SessionWorkspace sw = session.workspace(workspaces);
        // (again) each time: the workspace may have been revived or replaced (load_context) since
        events.listen(session.id(), sw.workspace());
        return sw;
    }

    /** Streams the Transcript and busy/idle of every session's workspace to {@code source}; call at start. */
    public void publishTo(EventSource source) {
        this.events = source;
    }

    /** Records that a session's workspace changed: last_modified, and an auto-save within the delay. */
    void changed(LiveSession session, SessionWorkspace sw) {
        sw.markDirty();
        sessions.markModified(session);
        autoSaver.changed(session.lane(), session.id(), sw);
    }

    private EvalResult run(Workspace ws, String code) {
        return checked(ws.evaluate(code, limits));
    }

    /** The result of an evaluation, or the protocol error its failure maps to. */
    EvalResult checked(EvalResult r) {
        if (!r.ok()) {
            if (EvalErrors.isLimit(r.failure())) {
                metrics.evaluationTimeout();
            }
            throw EvalErrors.of(r.failure(), limits.timeout().toMillis());
        }
        return r;
    }

    public EvaluateResult evaluate(Request.Evaluate req) {
        if (req.sessionId() == null) {
            if (req.toolId() != null || req.receiverId() != null) {
                throw StuiException.invalidField(
                        "session_id", "tool_id and receiver_id name things in a session: give its session_id.");
            }
            // evaluateOnce: the value gets no object id and no history entry, so the image does not fill up with
            // the results of a stream of evaluations; the variables and definitions they make persist
            EvalResult r = checked(image.use(ws -> ws.evaluateOnce(req.code(), limits)));
            return new EvaluateResult(
                    r.printString(), r.className(), r.elapsed().toMillis(), false, r.transcript(), null);
        }
        LiveSession session = session(req.sessionId());
        SessionWorkspace sw = workspace(session);
        sw.evaluationStarted();
        try {
            EvalResult r = req.evaluationMode() == null && req.toolId() == null && req.receiverId() == null
                    ? run(sw.workspace(), req.code())
                    : asTool(sw.workspace(), req);
            sw.remember(r.objectId(), r.className(), r.printString());
            return new EvaluateResult(
                    r.printString(), r.className(), r.elapsed().toMillis(), false, r.transcript(), r.objectId());
        } finally {
            sw.evaluationEnded();
            changed(session, sw);
        }
    }

    /** An evaluation with a mode, a tool's own variables or a receiver (issue #15). */
    private EvalResult asTool(Workspace ws, Request.Evaluate req) {
        io.stui.smalltalk.EvalMode mode = switch (req.evaluationMode() == null ? "Display" : req.evaluationMode()) {
            case "Execute" -> io.stui.smalltalk.EvalMode.EXECUTE;
            case "Inspect" -> io.stui.smalltalk.EvalMode.INSPECT;
            default -> io.stui.smalltalk.EvalMode.DISPLAY;
        };
        try {
            return checked(ws.evaluate(req.code(), limits, mode, req.toolId(), req.receiverId()));
        } catch (IllegalArgumentException e) {
            throw new StuiException(
                    ErrorCode.OBJECT_NOT_FOUND,
                    "No object " + req.receiverId() + " in session " + req.sessionId()
                            + "; use an object_id answered by evaluate or inspect in this session.",
                    Map.of("object_id", String.valueOf(req.receiverId())));
        }
    }

    public InspectResult inspect(Request.Inspect req) {
        if (req.sessionId() == null) {
            if (req.objectId() != null) {
                throw StuiException.invalidField(
                        "session_id", "inspect by object_id needs the session_id the id belongs to.");
            }
            return image.use(ws -> {
                EvalResult r = run(ws, req.target());
                Reflection.Inspection i = inspectRegistered(ws, r.objectId(), req.includeMethods())
                        .orElseThrow(() -> new StuiException(
                                ErrorCode.OBJECT_NOT_FOUND, "The inspected value could not be registered."));
                return result(i, null);
            });
        }
        LiveSession session = session(req.sessionId());
        SessionWorkspace sw = workspace(session);
        String objectId = req.objectId();
        if (req.target() != null) {
            try {
                EvalResult r = run(sw.workspace(), req.target());
                objectId = r.objectId();
            } finally {
                changed(session, sw);
            }
        }
        String id = objectId;
        // Every instance variable of a Smalltalk object is private by nature, so they are always shown;
        // include_private is accepted for compatibility.
        Reflection.Inspection i = inspectRegistered(sw.workspace(), id, req.includeMethods())
                .orElseThrow(() -> new StuiException(
                        ErrorCode.OBJECT_NOT_FOUND,
                        "No object " + id + " in session " + req.sessionId()
                                + "; use an object_id answered by evaluate or inspect in this session.",
                        Map.of("object_id", id)));
        sw.select(i.objectId());
        sw.remember(i.objectId(), i.className(), i.printString());
        for (Reflection.Slot s : i.namedVariables()) {
            sw.remember(s.objectId(), s.className(), s.printString());
        }
        return result(i, i.objectId());
    }

    /** Inspects a registry entry; empty when there is no id (a value that was not registered) or it is unknown. */
    private static Optional<Reflection.Inspection> inspectRegistered(
            Workspace ws, String objectId, boolean includeMethods) {
        if (objectId == null) {
            return Optional.empty();
        }
        return ws.inspect(objectId, true, includeMethods);
    }

    private static InspectResult result(Reflection.Inspection i, String objectId) {
        Map<String, String> vars = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (Reflection.Slot s : i.namedVariables()) {
            vars.put(s.name(), s.printString());
            if (objectId != null && s.objectId() != null) {
                ids.put(s.name(), s.objectId());
            }
        }
        List<String> indexed = i.indexedElements().stream()
                .limit(100)
                .map(Reflection.Slot::printString)
                .toList();
        return new InspectResult(
                objectId,
                new ObjectInfo(i.className(), i.printString(), i.identityHash(), i.size()),
                vars,
                ids,
                indexed,
                i.selectors());
    }

    /**
     * Runs a class query in the session's workspace (its own classes and methods as well as the
     * kernel's; called in the session's lane), or without a session in the shared kernel workspace.
     */
    <T> T classQuery(String sessionId, java.util.function.Function<Workspace, T> query) {
        if (sessionId != null) {
            return query.apply(workspace(session(sessionId)).workspace());
        }
        return image.use(query);
    }

    /** The kernel's packages, name and class count each (for system_info's Packages report). */
    public List<Map<String, Object>> packages() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Reflection.ClassInfo c : classQuery(null, ws -> ws.listClasses("*", true))) {
            counts.merge(c.category() == null ? "Unpackaged" : c.category(), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .map(e -> Map.<String, Object>of("name", e.getKey(), "class_count", e.getValue()))
                .toList();
    }

    /** What restore_session reports of a session's workspace (made or revived when it is not live). */
    public WorkspaceFacts facts(LiveSession session) {
        SessionWorkspace sw = workspace(session);
        List<Reflection.VariableInfo> vars = sw.workspace().variables();
        Map<String, String> registry = new LinkedHashMap<>();
        for (Reflection.VariableInfo v : vars) {
            if (v.objectId() != null) {
                registry.put(v.objectId(), v.className() + ": " + v.printString());
            }
        }
        sw.knownObjects().forEach(registry::putIfAbsent);
        return new WorkspaceFacts(
                vars.stream().map(Reflection.VariableInfo::name).toList(), sw.selectedObject(), registry);
    }

    private static ClassInfo info(Reflection.ClassInfo c) {
        return new ClassInfo(c.name(), c.superclass(), c.comment(), c.category(), c.isSystem());
    }

    private static MethodInfo info(Reflection.MethodInfo m) {
        return new MethodInfo(m.selector(), m.source(), m.category(), m.classSide(), m.argumentNames(), m.comment());
    }

    public BrowseClassResult browseClass(Request.BrowseClass req) {
        return classQuery(req.sessionId(), ws -> {
            Reflection.ClassDescription d =
                    ws.describeClass(req.className()).orElseThrow(() -> classNotFound(req.className()));
            List<MethodInfo> instance = null;
            List<MethodInfo> classSide = null;
            if (req.includeMethods()) {
                instance = methods(ws, req.className(), d.instanceMethods(), false);
                classSide = methods(ws, req.className(), d.classMethods(), true);
            }
            return new BrowseClassResult(
                    info(d.info()),
                    instance,
                    classSide,
                    req.includeInstanceVars() ? d.instanceVariables() : null,
                    req.includeClassVars() ? d.classVariables() : null);
        });
    }

    private static List<MethodInfo> methods(Workspace ws, String cls, List<String> selectors, boolean classSide) {
        List<MethodInfo> out = new ArrayList<>(selectors.size());
        for (String sel : selectors) {
            ws.method(cls, sel, classSide).ifPresent(m -> out.add(info(m)));
        }
        return out;
    }

    static StuiException classNotFound(String name) {
        return new StuiException(
                ErrorCode.CLASS_NOT_FOUND,
                "Class not found: " + name + "; list_classes shows the classes this server knows.",
                Map.of("class_name", name));
    }

    public ListClassesResult listClasses(Request.ListClasses req) {
        String glob = req.pattern() == null ? "*" : req.pattern();
        List<Reflection.ClassInfo> all = classQuery(req.sessionId(), ws -> ws.listClasses(glob, req.includeSystem()));
        int limit = req.limit() == null ? all.size() : Math.min(req.limit(), all.size());
        return new ListClassesResult(
                all.subList(0, limit).stream().map(SmalltalkCommands::info).toList(), all.size());
    }

    public GetMethodResult getMethod(Request.GetMethod req) {
        Reflection.MethodInfo m = classQuery(req.sessionId(), ws -> {
                    if (ws.describeClass(req.className()).isEmpty()) {
                        throw classNotFound(req.className());
                    }
                    return ws.method(req.className(), req.methodName(), req.isClassMethod());
                })
                .orElseThrow(() -> new StuiException(
                        ErrorCode.METHOD_NOT_FOUND,
                        "Method not found: "
                                + req.className() + (req.isClassMethod() ? " class" : "") + ">>" + req.methodName()
                                + "; browse_class lists its methods.",
                        Map.of("class_name", req.className(), "method_name", req.methodName())));
        return new GetMethodResult(info(m));
    }

    public DebugResult debug(Request.Debug req) {
        DebugOperation.Kind kind = req.operation().kind();
        if (kind != DebugOperation.Kind.GET_STACK_TRACE && kind != DebugOperation.Kind.GET_LOCAL_VARS) {
            throw new StuiException(
                    ErrorCode.UNSUPPORTED_OPERATION,
                    kind.pascalName() + " is not supported: this server "
                            + "debugs post-mortem, describing the session's last failed evaluation; use GetStackTrace or GetLocalVars.",
                    Map.of("operation", kind.pascalName()));
        }
        SessionWorkspace sw = workspace(session(req.sessionId()));
        Optional<Reflection.FailureReport> last = sw.workspace().lastFailure();
        if (last.isEmpty()) {
            return new DebugResult(
                    "No failed evaluation in this session to describe.",
                    new DebugInfo(
                            null, null, Map.of(), kind == DebugOperation.Kind.GET_STACK_TRACE ? List.of() : null));
        }
        Reflection.FailureReport f = last.get();
        List<Reflection.Frame> frames = f.frames();
        Reflection.Frame top = frames.isEmpty() ? null : frames.getFirst();
        Integer line = f.failure().line() > 0 ? f.failure().line() : null;
        Map<String, String> locals = top == null ? Map.of() : new LinkedHashMap<>(top.locals());
        List<String> trace = frames.isEmpty()
                ? f.failure().stackTrace()
                : frames.stream().map(Reflection.Frame::description).toList();
        String summary = (kind == DebugOperation.Kind.GET_STACK_TRACE
                        ? "Stack of the last failed evaluation: "
                        : "Locals of the innermost frame of the last failed evaluation: ")
                + f.failure().describe();
        return new DebugResult(
                summary,
                new DebugInfo(
                        line,
                        top == null ? null : top.description(),
                        locals,
                        kind == DebugOperation.Kind.GET_STACK_TRACE ? trace : null));
    }

    /** Saves and closes the default image. */
    @Override
    public void close() {
        if (image != null) { // null only in tests of the command table, which never run a handler
            image.close();
        }
    }
}
