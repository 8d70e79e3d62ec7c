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
import io.stui.protocol.result.InspectElement;
import io.stui.protocol.result.InspectResult;
import io.stui.protocol.result.ListClassesResult;
import io.stui.protocol.result.MethodInfo;
import io.stui.protocol.result.ObjectInfo;
import io.stui.protocol.result.SetVariableResult;
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
import io.stui.smalltalk.tools.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

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

    /** The {@code evaluation_mode} whose answer carries the inspection of the value. */
    private static final String INSPECT_MODE = "Inspect";

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
                .withTimeout(config.limits().evalTimeout())
                .withInstructionBudget(config.limits().instructionBudget())
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
            if (INSPECT_MODE.equals(req.evaluationMode())) {
                return image.use(ws -> {
                    EvalResult r = run(ws, req.code());
                    return answered(
                            r, null, imageInspection(ws, r.objectId(), false, 0, Request.Inspect.DEFAULT_LIMIT));
                });
            }
            // evaluateOnce: the value gets no object id and no history entry, so the image does not fill up with
            // the results of a stream of evaluations; the variables and definitions they make persist
            return answered(checked(image.evaluate(req.code(), limits)), null, null);
        }
        LiveSession session = session(req.sessionId());
        SessionWorkspace sw = workspace(session);
        session.interrupts().started(CurrentRequest.id(), sw.workspace());
        try {
            EvalResult r = req.evaluationMode() == null && req.toolId() == null && req.receiverId() == null
                    ? run(sw.workspace(), req.code())
                    : asTool(sw.workspace(), req);
            sw.remember(r.objectId(), r.className(), r.printString());
            InspectResult inspection = INSPECT_MODE.equals(req.evaluationMode()) && r.objectId() != null
                    ? inspection(sw, req.sessionId(), r.objectId(), false, 0, Request.Inspect.DEFAULT_LIMIT)
                    : null;
            return answered(r, r.objectId(), inspection);
        } finally {
            session.interrupts().ended();
            changed(session, sw);
        }
    }

    /** The answer of an evaluation that succeeded, with the id of its value and its inspection (either may be null). */
    static EvaluateResult answered(EvalResult r, String objectId, InspectResult inspection) {
        return new EvaluateResult(
                r.printString(),
                r.className(),
                r.elapsed().toMillis(),
                false,
                r.transcript(),
                objectId,
                null,
                null,
                inspection);
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
            return image.use(ws -> imageInspection(
                    ws,
                    run(ws, req.target()).objectId(),
                    req.includeMethods(),
                    req.offsetOrDefault(),
                    req.limitOrDefault()));
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
        // Every instance variable of a Smalltalk object is private by nature, so they are always shown;
        // include_private is accepted for compatibility.
        return inspection(
                sw, req.sessionId(), objectId, req.includeMethods(), req.offsetOrDefault(), req.limitOrDefault());
    }

    /**
     * The inspection of the session's object {@code objectId} with the page of its elements from {@code offset}, as
     * {@code inspect} answers it; the object becomes the inspector's selection.
     */
    private InspectResult inspection(
            SessionWorkspace sw, String sessionId, String objectId, boolean includeMethods, int offset, int limit) {
        Reflection.Inspection i = inspectRegistered(sw.workspace(), objectId, includeMethods)
                .orElseThrow(() -> objectNotFound(objectId, sessionId));
        sw.select(i.objectId());
        sw.remember(i.objectId(), i.className(), i.printString());
        for (Reflection.Slot s : i.namedVariables()) {
            sw.remember(s.objectId(), s.className(), s.printString());
        }
        return result(i, i.objectId(), sw.workspace().elements(i.objectId(), offset, limit));
    }

    /** An inspection in the default image: the same fields, without object ids (the image hands none out). */
    private static InspectResult imageInspection(
            Workspace ws, String registeredId, boolean includeMethods, int offset, int limit) {
        Reflection.Inspection i = inspectRegistered(ws, registeredId, includeMethods)
                .orElseThrow(() ->
                        new StuiException(ErrorCode.OBJECT_NOT_FOUND, "The inspected value could not be registered."));
        return result(i, null, ws.elements(registeredId, offset, limit));
    }

    private static StuiException objectNotFound(String objectId, String sessionId) {
        return new StuiException(
                ErrorCode.OBJECT_NOT_FOUND,
                "No object " + objectId + " in session " + sessionId
                        + "; use an object_id answered by evaluate or inspect in this session.",
                Map.of("object_id", objectId));
    }

    /**
     * {@code set_variable}: assigns an instance variable (or an indexed slot, named by its index) of a session's object
     * from an expression evaluated with {@code self} bound to the object, and answers the new inspection.
     */
    public SetVariableResult setVariable(Request.SetVariable req) {
        if (req.sessionId() == null) {
            throw StuiException.invalidField(
                    "session_id", "set_variable names an object by its id: give the session_id the id belongs to.");
        }
        LiveSession session = session(req.sessionId());
        SessionWorkspace sw = workspace(session);
        Workspace ws = sw.workspace();
        if (ws.inspect(req.objectId(), false).isEmpty()) {
            throw objectNotFound(req.objectId(), req.sessionId());
        }
        session.interrupts().started(CurrentRequest.id(), sw.workspace());
        EvalResult r;
        try {
            r = checked(ws.setVariable(req.objectId(), req.name(), req.expression(), limits));
        } catch (IllegalArgumentException e) {
            throw StuiException.invalidField(
                    "name",
                    "Cannot assign '" + StuiException.shown(req.name()) + "': " + e.getMessage()
                            + "; name an instance variable (inspect lists them) or an element's index.");
        } finally {
            session.interrupts().ended();
            changed(session, sw);
        }
        return new SetVariableResult(
                r.printString(),
                inspection(sw, req.sessionId(), req.objectId(), false, 0, Request.Inspect.DEFAULT_LIMIT));
    }

    /** Inspects a registry entry; empty when there is no id (a value that was not registered) or it is unknown. */
    private static Optional<Reflection.Inspection> inspectRegistered(
            Workspace ws, String objectId, boolean includeMethods) {
        if (objectId == null) {
            return Optional.empty();
        }
        return ws.inspect(objectId, true, includeMethods);
    }

    private static InspectResult result(Reflection.Inspection i, String objectId, Page<Reflection.Element> page) {
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
        boolean withIds = objectId != null;
        List<InspectElement> elements = page.items().stream()
                .map(e -> new InspectElement(
                        e.index(),
                        e.value().printString(),
                        e.value().className(),
                        withIds ? e.value().objectId() : null,
                        e.key() == null ? null : e.key().printString(),
                        e.key() == null ? null : e.key().className(),
                        e.key() == null || !withIds ? null : e.key().objectId()))
                .toList();
        return new InspectResult(
                objectId,
                new ObjectInfo(i.className(), i.printString(), i.identityHash(), i.size()),
                vars,
                ids,
                indexed,
                i.selectors(),
                elements,
                page.offset(),
                page.limit(),
                page.totalCount());
    }

    /**
     * The one place that resolves "no session" to the default image. With a session id: {@code work} runs in that
     * session's workspace (in its lane; when {@code changes}, the workspace is marked changed and auto-saved
     * afterwards). Without one: in the image, alone, which the image's auto-save persists and whose changes the
     * image publishes to the sessions layered over it. Every tool that reads or edits code goes through here.
     */
    <T> T inWorkspace(String sessionId, boolean changes, Function<Workspace, T> work) {
        if (sessionId == null) {
            return image.use(work);
        }
        LiveSession session = session(sessionId);
        SessionWorkspace sw = workspace(session);
        if (!changes) {
            return work.apply(sw.workspace());
        }
        try {
            return work.apply(sw.workspace());
        } finally {
            changed(session, sw);
        }
    }

    /** A read-only class query in the session's workspace or, without one, in the default image. */
    <T> T classQuery(String sessionId, Function<Workspace, T> query) {
        return inWorkspace(sessionId, false, query);
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
