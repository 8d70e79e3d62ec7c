package io.stui.server.command;

import io.stui.protocol.request.Request;
import io.stui.protocol.result.CloseSessionResult;
import io.stui.protocol.result.CreateSessionResult;
import io.stui.protocol.result.InspectorState;
import io.stui.protocol.result.ListClientSessionsResult;
import io.stui.protocol.result.RestoreSessionResult;
import io.stui.protocol.result.SessionInfoResult;
import io.stui.protocol.result.SessionStatisticsResult;
import io.stui.protocol.result.SessionSummary;
import io.stui.protocol.result.UpdateSessionStateResult;
import io.stui.protocol.result.WorkspaceContext;
import io.stui.server.identity.Identity;
import io.stui.server.session.LiveSession;
import io.stui.server.session.SessionException;
import io.stui.server.session.SessionManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The seven session commands, over the {@link SessionManager}. */
public final class SessionCommands {

    private final SessionManager sessions;
    private final Function<LiveSession, WorkspaceFacts> workspaceFacts;
    private final Duration cleanupInterval;

    /**
     * @param workspaceFacts describes the live workspace of a session (reviving it from the store when needed)
     */
    public SessionCommands(
            SessionManager sessions, Function<LiveSession, WorkspaceFacts> workspaceFacts, Duration cleanupInterval) {
        this.sessions = sessions;
        this.workspaceFacts = workspaceFacts;
        this.cleanupInterval = cleanupInterval;
    }

    public CreateSessionResult create(Request.CreateSession r) {
        try {
            LiveSession s = sessions.create(r.clientId(), Identity.current().ownerFor(r.clientId()));
            return new CreateSessionResult(
                    s.id(),
                    s.clientId(),
                    Instant.ofEpochMilli(s.createdAt()),
                    s.timeout().toSeconds(),
                    true);
        } catch (SessionException e) {
            throw Errors.of(e);
        }
    }

    public RestoreSessionResult restore(Request.RestoreSession r) {
        try {
            LiveSession s = sessions.revive(r.sessionId());
            WorkspaceFacts facts = workspaceFacts.apply(s);
            return new RestoreSessionResult(
                    s.id(),
                    s.clientId(),
                    Instant.ofEpochMilli(s.createdAt()),
                    Instant.ofEpochMilli(s.lastModified()),
                    s.timeout().toSeconds(),
                    true,
                    s.state(),
                    new WorkspaceContext(facts.variables()),
                    new InspectorState(facts.selectedObject()),
                    facts.objectRegistry());
        } catch (SessionException e) {
            throw Errors.of(e);
        }
    }

    public UpdateSessionStateResult updateState(Request.UpdateSessionState r) {
        try {
            LiveSession s = sessions.updateState(r.sessionId(), r.stateData());
            return new UpdateSessionStateResult(s.id(), Instant.ofEpochMilli(s.lastModified()), s.state(), true);
        } catch (SessionException e) {
            throw Errors.of(e);
        }
    }

    public CloseSessionResult close(Request.CloseSession r) {
        try {
            sessions.close(r.sessionId());
            return new CloseSessionResult(r.sessionId(), true);
        } catch (SessionException e) {
            throw Errors.of(e);
        }
    }

    public SessionInfoResult info(Request.GetSessionInfo r) {
        try {
            LiveSession s = sessions.get(r.sessionId());
            long now = sessions.now();
            return new SessionInfoResult(
                    s.id(),
                    s.clientId(),
                    Instant.ofEpochMilli(s.createdAt()),
                    Instant.ofEpochMilli(s.lastModified()),
                    s.timeout().toSeconds(),
                    true,
                    s.secondsUntilExpiry(now),
                    s.isExpired(now));
        } catch (SessionException e) {
            throw Errors.of(e);
        }
    }

    public ListClientSessionsResult list(Request.ListClientSessions r) {
        try {
            long now = sessions.now();
            Identity who = Identity.current();
            // another identity's sessions are not listed: to a stranger they do not exist
            List<SessionSummary> list =
                    sessions.listClient(r.clientId(), who.authenticated() ? who.name() : null).stream()
                            .map(s -> new SessionSummary(
                                    s.id(),
                                    Instant.ofEpochMilli(s.createdAt()),
                                    Instant.ofEpochMilli(s.lastModified()),
                                    s.timeout().toSeconds(),
                                    true,
                                    s.secondsUntilExpiry(now)))
                            .toList();
            return new ListClientSessionsResult(r.clientId(), list.size(), list);
        } catch (SessionException e) {
            throw Errors.of(e);
        }
    }

    public SessionStatisticsResult statistics(Request.GetSessionStatistics r) {
        return new SessionStatisticsResult(
                sessions.sessionCount(),
                sessions.activeClients(),
                sessions.maxSessionsPerClient(),
                sessions.defaultTimeout().toSeconds(),
                cleanupInterval.toSeconds());
    }
}
