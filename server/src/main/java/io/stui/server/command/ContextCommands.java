package io.stui.server.command;

import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.ClearContextResult;
import io.stui.protocol.result.ContextSummaryResult;
import io.stui.protocol.result.InspectorState;
import io.stui.protocol.result.LastEvaluation;
import io.stui.protocol.result.LoadContextResult;
import io.stui.protocol.result.SaveContextResult;
import io.stui.protocol.result.VariableSummary;
import io.stui.server.session.LiveSession;
import io.stui.server.session.SessionManager;
import io.stui.server.store.ContextKind;
import io.stui.server.store.SessionStore;
import io.stui.server.store.StoredContext;
import io.stui.server.workspace.SessionWorkspace;
import io.stui.server.workspace.Workspaces;
import io.stui.smalltalk.Reflection;
import java.time.Instant;
import java.util.List;

/**
 * save_context, load_context, get_context_summary and clear_context. A session's context is its
 * live workspace: variables and their objects, classes and methods defined in it, history, object
 * registry and inspector selection.
 */
public final class ContextCommands {

    private final SmalltalkCommands smalltalk;
    private final Workspaces workspaces;
    private final SessionStore store;
    private final SessionManager sessions;

    public ContextCommands(
            SmalltalkCommands smalltalk, Workspaces workspaces, SessionStore store, SessionManager sessions) {
        this.smalltalk = smalltalk;
        this.workspaces = workspaces;
        this.store = store;
        this.sessions = sessions;
    }

    /** Durable before it answers: the SQLite commit is fsync'ed (synchronous=FULL). */
    public SaveContextResult save(Request.SaveContext req) {
        SessionWorkspace sw = smalltalk.workspace(smalltalk.session(req.sessionId()));
        StoredContext c = workspaces.snapshot(req.sessionId(), sw, ContextKind.SAVED);
        store.saveContext(c);
        return new SaveContextResult(
                req.sessionId(), Instant.ofEpochMilli(c.savedAt()), c.variables(), c.historySize());
    }

    public LoadContextResult load(Request.LoadContext req) {
        LiveSession session = smalltalk.session(req.sessionId());
        SessionWorkspace sw = smalltalk.workspace(session);
        StoredContext c = store.loadContext(req.sessionId(), ContextKind.SAVED)
                .orElseThrow(() -> new StuiException(
                        ErrorCode.SESSION_ERROR,
                        "Session " + req.sessionId() + " has no saved context; call save_context first."));
        workspaces.load(sw, c);
        // the saved slot is now the newest state: drop an older auto-save so a restart revives this one
        store.deleteContext(req.sessionId(), ContextKind.AUTO);
        sessions.markModified(session);
        List<String> vars = sw.workspace().variables().stream()
                .map(Reflection.VariableInfo::name)
                .toList();
        return new LoadContextResult(req.sessionId(), Instant.now(), vars);
    }

    public ContextSummaryResult summary(Request.GetContextSummary req) {
        SessionWorkspace sw = smalltalk.workspace(smalltalk.session(req.sessionId()));
        List<VariableSummary> vars = sw.workspace().variables().stream()
                .map(v -> new VariableSummary(v.name(), v.className(), v.printString()))
                .toList();
        List<Reflection.HistoryEntry> history = sw.workspace().history();
        LastEvaluation last = null;
        if (!history.isEmpty()) {
            Reflection.HistoryEntry h = history.getLast();
            last = new LastEvaluation(h.code(), h.result(), h.timestamp());
        }
        return new ContextSummaryResult(
                req.sessionId(), vars, history.size(), last, new InspectorState(sw.selectedObject()));
    }

    public ClearContextResult clear(Request.ClearContext req) {
        LiveSession session = smalltalk.session(req.sessionId());
        SessionWorkspace sw = smalltalk.workspace(session);
        workspaces.clear(sw);
        smalltalk.changed(session, sw);
        return new ClearContextResult(req.sessionId(), true);
    }
}
