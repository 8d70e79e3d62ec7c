package io.stui.server.command;

import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.protocol.request.DebugOperation;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.DebugInfo;
import io.stui.protocol.result.DebugResult;
import io.stui.protocol.result.EvaluateResult;
import io.stui.protocol.result.StackFrame;
import io.stui.server.session.LiveSession;
import io.stui.server.workspace.SessionWorkspace;
import io.stui.smalltalk.Breakpoint;
import io.stui.smalltalk.DebugFrame;
import io.stui.smalltalk.DebugState;
import io.stui.smalltalk.DebugVariable;
import io.stui.smalltalk.Debugger;
import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.EvalResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live debugger over the wire (issue #15): {@code evaluate} in debug mode, and {@code debug} operations on a
 * suspended evaluation named by {@code debug_id} or on breakpoints named by a method. Without either,
 * {@code debug} keeps its post-mortem meaning ({@link SmalltalkCommands#debug}).
 *
 * <p>A suspended evaluation parks on the engine's own debug thread, not on a server worker, so it cannot starve the
 * pool; a session holds at most {@link #MAX_SUSPENDED_PER_SESSION} of them, and each is terminated by the engine
 * after its suspension time-out. The session evaluates, inspects and browses as usual meanwhile.
 */
public final class DebugCommands {
    /** Suspended evaluations one session may hold; the next debug-mode evaluation is refused. */
    public static final int MAX_SUSPENDED_PER_SESSION = 4;

    private final SmalltalkCommands smalltalk;
    private final EvalLimits limits;
    private final Duration suspensionTimeout;

    /** @param suspensionTimeout how long a suspended evaluation waits for an operation before it is terminated */
    public DebugCommands(SmalltalkCommands smalltalk, EvalLimits limits, Duration suspensionTimeout) {
        this.smalltalk = smalltalk;
        this.limits = limits;
        this.suspensionTimeout = suspensionTimeout;
    }

    /** {@code evaluate} with {@code debug: true} or {@code evaluation_mode: "Debug"}. */
    public EvaluateResult evaluate(Request.Evaluate req) {
        if (req.sessionId() == null) {
            throw StuiException.invalidField(
                    "session_id", "A debug-mode evaluation stays in a session's debugger: give a session_id.");
        }
        LiveSession session = smalltalk.session(req.sessionId());
        SessionWorkspace sw = smalltalk.workspace(session);
        Debugger debugger = sw.workspace().debugger();
        if (debugger.suspended().size() >= MAX_SUSPENDED_PER_SESSION) {
            throw new StuiException(
                    ErrorCode.SESSION_ERROR,
                    "Session " + req.sessionId() + " already holds " + MAX_SUSPENDED_PER_SESSION
                            + " suspended evaluations; continue or terminate one (debug Continue/Terminate) first.",
                    Map.of("suspended", debugger.suspended()));
        }
        // per evaluation, not per workspace: a workspace revived from the store starts with the engine's default
        debugger.setSuspendTimeout(suspensionTimeout);
        session.interrupts().started(CurrentRequest.id(), sw.workspace());
        try {
            DebugState st = debugger.debug(req.code(), limits);
            if (st.suspended()) {
                return new EvaluateResult(null, null, 0, false, "", null, true, st.debugId());
            }
            EvalResult r = smalltalk.checked(st.result());
            return SmalltalkCommands.answered(r, r.objectId(), null);
        } finally {
            session.interrupts().ended();
            smalltalk.changed(session, sw);
        }
    }

    /** {@code debug}: live when it names a debug id or a breakpoint's method, else post-mortem as before. */
    public DebugResult debug(Request.Debug req) {
        DebugOperation op = req.operation();
        boolean breakpoint = op.kind().isBreakpoint() && req.className() != null;
        if (req.debugId() == null && !breakpoint) {
            return smalltalk.debug(req);
        }
        LiveSession session = smalltalk.session(req.sessionId());
        SessionWorkspace sw = smalltalk.workspace(session);
        Debugger d = sw.workspace().debugger();
        try {
            if (breakpoint) {
                return breakpoint(req, d);
            }
            String id = req.debugId();
            int frame = req.frame() == null ? 0 : req.frame();
            String evaluated = null;
            DebugState st = switch (op.kind()) {
                case STEP_INTO -> d.stepInto(id);
                case STEP_OVER -> d.stepOver(id, frame);
                case STEP_OUT -> d.stepOut(id, frame);
                case CONTINUE -> d.resume(id);
                case RESTART -> d.restart(id, frame);
                case TERMINATE -> d.terminate(id);
                case GET_STACK_TRACE, GET_LOCAL_VARS -> state(d, id);
                case EVALUATE_IN_FRAME -> {
                    if (req.code() == null) {
                        throw StuiException.invalidField("code", "EvaluateInFrame needs the 'code' to run.");
                    }
                    EvalResult r = smalltalk.checked(d.evaluateInFrame(id, frame, req.code()));
                    evaluated = r.printString();
                    yield state(d, id);
                }
                case SET_BREAKPOINT, REMOVE_BREAKPOINT ->
                    throw StuiException.invalidField(
                            "class_name", op.kind().pascalName() + " needs 'class_name' and 'method_name'.");
            };
            Map<String, String> locals = new LinkedHashMap<>();
            if (st.suspended()) {
                for (DebugVariable v : d.localVariables(id, frame)) {
                    locals.put(v.name(), v.printString());
                }
            }
            return new DebugResult(evaluated != null ? evaluated : describe(st), info(st, locals));
        } catch (IllegalArgumentException e) {
            throw new StuiException(
                    ErrorCode.INVALID_REQUEST, e.getMessage() + ".", Map.of("debug_id", String.valueOf(req.debugId())));
        } catch (IllegalStateException e) {
            throw new StuiException(ErrorCode.SESSION_ERROR, e.getMessage() + ".");
        } finally {
            smalltalk.changed(session, sw);
        }
    }

    private static DebugState state(Debugger d, String id) {
        return d.state(id)
                .orElseThrow(() -> new StuiException(
                        ErrorCode.OBJECT_NOT_FOUND,
                        "No suspended evaluation " + id + " in this session; it finished, was terminated or timed out.",
                        Map.of("debug_id", id)));
    }

    private DebugResult breakpoint(Request.Debug req, Debugger d) {
        if (req.methodName() == null) {
            throw StuiException.invalidField("method_name", "A breakpoint names its method: give 'method_name'.");
        }
        boolean classSide = Boolean.TRUE.equals(req.isClassMethod());
        String where = req.className() + (classSide ? " class" : "") + ">>" + req.methodName();
        if (req.operation().kind() == DebugOperation.Kind.SET_BREAKPOINT) {
            Breakpoint b = d.setBreakpoint(
                    req.className(),
                    req.methodName(),
                    classSide,
                    req.operation().line());
            return new DebugResult(
                    "Breakpoint set at " + where + " line " + b.line(), new DebugInfo(b.line(), where, Map.of(), null));
        }
        boolean removed = d.removeBreakpoint(
                req.className(), req.methodName(), classSide, req.operation().line());
        return new DebugResult(
                (removed ? "Breakpoint removed at " : "No breakpoint at ") + where + " line "
                        + req.operation().line(),
                new DebugInfo(req.operation().line(), where, Map.of(), null));
    }

    private static String describe(DebugState st) {
        return switch (st.state()) {
            case SUSPENDED ->
                "Suspended (" + st.reason() + ") in " + st.currentMethod() + " at line " + st.currentLine()
                        + (st.exception() == null ? "" : ": " + st.exception());
            case FINISHED ->
                st.result().ok()
                        ? "Finished: " + st.result().printString()
                        : "Failed: " + st.result().failure().describe();
            case TERMINATED -> "Terminated";
        };
    }

    private static DebugInfo info(DebugState st, Map<String, String> locals) {
        List<StackFrame> frames = st.frames().stream()
                .map(f -> new StackFrame(
                        f.index(), f.method(), f.receiverClass(), f.line(), f.startColumn(), f.endColumn()))
                .toList();
        String result = null;
        if (!st.suspended() && st.result() != null) {
            result = st.result().ok()
                    ? st.result().printString()
                    : st.result().failure().describe();
        }
        return new DebugInfo(
                st.suspended() ? st.currentLine() : null,
                st.currentMethod(),
                locals,
                st.frames().stream().map(DebugFrame::method).toList(),
                st.debugId(),
                st.state().name().toLowerCase(Locale.ROOT),
                st.reason(),
                st.suspended() ? frames : null,
                result);
    }
}
