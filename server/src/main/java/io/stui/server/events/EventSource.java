package io.stui.server.events;

import io.stui.protocol.request.DebugOperation;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.CloseSessionResult;
import io.stui.protocol.result.CommandResult;
import io.stui.protocol.result.CreateSessionResult;
import io.stui.protocol.result.DebugInfo;
import io.stui.protocol.result.DebugResult;
import io.stui.protocol.result.EvaluateResult;
import io.stui.protocol.result.RestoreSessionResult;
import io.stui.protocol.result.UpdateSessionStateResult;
import io.stui.smalltalk.Workspace;
import io.stui.smalltalk.WorkspaceListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the server tells subscribers, in the words of the protocol: the events of each kind and their fields (the
 * wire document lists them). The dispatcher calls {@link #started} and {@link #answered} around every request;
 * workspaces get a {@link #listener} for their Transcript and busy/idle. Each method first asks whether anyone
 * listens to the topic, so with no subscriber an event costs that check only.
 */
public final class EventSource {

    /** No events: nothing is checked, no listener is installed. */
    public static final EventSource NONE = new EventSource(Events.NONE);

    /**
     * The id of the evaluation running on this thread, for the Transcript and busy/idle events it causes: they are
     * raised from inside the workspace, which knows nothing of requests. Set by {@link #started}, ended by
     * {@link #answered}, on the thread that runs the request.
     */
    private static final ThreadLocal<String> RUNNING = new ThreadLocal<>();

    private final Events events;

    public EventSource(Events events) {
        this.events = events;
    }

    /** True when events can be published at all (a socket is bound). */
    public boolean enabled() {
        return events != Events.NONE;
    }

    /** Streams {@code ws}'s Transcript and busy/idle to the topic of {@code sessionId} (null: the image). */
    public void listen(String sessionId, Workspace ws) {
        if (enabled()) {
            ws.setListener(listener(Events.topicOf(sessionId)));
        }
    }

    /** The workspace listener of {@code topic}: Transcript output as written, busy and idle. */
    public WorkspaceListener listener(String topic) {
        return new WorkspaceListener() {
            @Override
            public void transcript(String text) {
                if (events.wants(topic)) {
                    events.publish(topic, "transcript", RUNNING.get(), Map.of("text", text));
                }
            }

            @Override
            public void busy() {
                if (events.wants(topic)) {
                    events.publish(topic, "busy", RUNNING.get(), Map.of());
                }
            }

            @Override
            public void idle() {
                if (events.wants(topic)) {
                    events.publish(topic, "idle", RUNNING.get(), Map.of());
                }
            }
        };
    }

    /**
     * A request is about to run: an {@code evaluate} raises {@code evaluation_started}, a {@code debug} operation that
     * lets a suspended evaluation run raises {@code debugger_resumed}.
     *
     * @return the topic of an evaluation someone listens to (pass it to {@link #answered}), else null
     */
    public String started(Request request, String requestId) {
        if (!enabled()) {
            return null;
        }
        if (request instanceof Request.Evaluate || request instanceof Request.Debug) {
            RUNNING.set(requestId);
        }
        if (request instanceof Request.Evaluate e) {
            String topic = Events.topicOf(e.sessionId());
            if (events.wants(topic)) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("code", e.code().length() > 200 ? e.code().substring(0, 200) + "..." : e.code());
                events.publish(topic, "evaluation_started", requestId, f);
                return topic;
            }
        } else if (request instanceof Request.Debug d
                && d.debugId() != null
                && resumes(d.operation().kind())) {
            String topic = Events.topicOf(d.sessionId());
            if (events.wants(topic)) {
                events.publish(
                        topic,
                        "debugger_resumed",
                        requestId,
                        Map.of(
                                "debug_id",
                                d.debugId(),
                                "operation",
                                d.operation().kind().pascalName()));
            }
        }
        return null;
    }

    private static boolean resumes(DebugOperation.Kind k) {
        return switch (k) {
            case STEP_INTO, STEP_OVER, STEP_OUT, CONTINUE, RESTART, TERMINATE -> true;
            default -> false;
        };
    }

    /**
     * A request was answered ({@code result} null when it failed with {@code outcome}, an error type): raises
     * {@code evaluation_finished} for an evaluation {@link #started} named a topic for, {@code debugger_suspended}
     * or {@code debugger_ended} for what the debugger answered, and {@code session_state} for a session that was
     * created, restored, updated or closed.
     */
    public void answered(
            String evaluationTopic,
            Request request,
            String requestId,
            CommandResult result,
            String outcome,
            long nanos) {
        if (!enabled()) {
            return;
        }
        RUNNING.set(null); // not remove(): a set after a remove allocates a new entry, once per request
        if (evaluationTopic != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("status", result != null ? "success" : "error");
            f.put("error_type", result != null ? null : outcome);
            f.put("elapsed_ms", nanos / 1_000_000);
            events.publish(evaluationTopic, "evaluation_finished", requestId, f);
        }
        if (result instanceof EvaluateResult r && Boolean.TRUE.equals(r.suspended())) {
            String topic = Events.topicOf(((Request.Evaluate) request).sessionId());
            if (events.wants(topic)) {
                events.publish(topic, "debugger_suspended", requestId, Map.of("debug_id", r.debugId()));
            }
        } else if (result instanceof DebugResult r
                && r.debugInfo() != null
                && r.debugInfo().state() != null
                && resumes(((Request.Debug) request).operation().kind())) {
            String topic = Events.topicOf(((Request.Debug) request).sessionId());
            if (events.wants(topic)) {
                debugger(topic, requestId, r.debugInfo());
            }
        } else if (result instanceof CreateSessionResult r) {
            session(r.sessionId(), "created", requestId);
        } else if (result instanceof RestoreSessionResult r) {
            session(r.sessionId(), "restored", requestId);
        } else if (result instanceof UpdateSessionStateResult r) {
            session(r.sessionId(), "updated", requestId);
        } else if (result instanceof CloseSessionResult r) {
            session(r.sessionId(), "closed", requestId);
        }
    }

    private void debugger(String topic, String requestId, DebugInfo i) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("debug_id", i.debugId());
        f.put("state", i.state());
        if ("suspended".equals(i.state())) {
            f.put("reason", i.reason());
            f.put("current_method", i.currentMethod());
            f.put("current_line", i.currentLine());
            events.publish(topic, "debugger_suspended", requestId, f);
        } else {
            events.publish(topic, "debugger_ended", requestId, f);
        }
    }

    private void session(String sessionId, String state, String requestId) {
        if (events.wants(sessionId)) {
            events.publish(sessionId, "session_state", requestId, Map.of("state", state));
        }
    }
}
