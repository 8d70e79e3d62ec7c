package io.stui.server.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.stui.protocol.JsonText;
import io.stui.server.config.ServerConfig;
import io.stui.server.exec.KeyedSerialExecutor;
import io.stui.server.identity.SessionOwners;
import io.stui.server.store.SessionStore;
import io.stui.server.store.StoredSession;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one registry of {@link LiveSession}s: opens, finds, updates, closes and expires them; every
 * acknowledged change is durable in the {@link SessionStore} before the method returns.
 *
 * <p>Rules: a client id is 1-128 characters of letters, digits and {@code _ - . : @}; a client may
 * hold {@code maxSessionsPerClient} sessions; the {@link ClientPolicy} decides who may open one;
 * session ids carry 128 bits from {@link SecureRandom}; a session idle for its timeout is gone
 * (refused at once, removed by the next {@link #sweep}). Sessions of other clients are never
 * listed. Thread-safe.
 *
 * <p>Each session has an owner: the identity that created it on a server that authenticates, its client id
 * otherwise. The per-client quota and the {@link ClientPolicy} apply to owners; at most {@code maxSessions}
 * sessions are live at once, whoever holds them.
 */
public final class SessionManager implements AutoCloseable, SessionOwners {

    private static final Logger log = LoggerFactory.getLogger(SessionManager.class);
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{32}");

    /** Why a session ended. */
    public enum EndReason {
        CLOSED,
        EXPIRED
    }

    private final SessionStore store;
    private final Clock clock;
    private final int maxPerClient;
    private final Duration timeout;
    private final ClientPolicy policy;
    private final SecureRandom random = new SecureRandom();
    private final KeyedSerialExecutor lanes;
    /** The one registry of live sessions: each owns its metadata and its workspace. */
    private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();

    private final Object createLock = new Object();

    private final Duration retention;
    private final int maxSessions;

    /**
     * Loads the sessions in {@code store}, dropping those that expired while the server was down and deleting those
     * whose retention ended.
     *
     * @param settings    quotas, idle time-out, who may open sessions, retention ({@code ServerConfig.sessions()})
     * @param maxSessions live sessions all owners together may hold ({@code max-sessions})
     * @param lanes       the worker pool: a session's workspace is parked and closed in the session's lane
     */
    public SessionManager(
            SessionStore store,
            Clock clock,
            ServerConfig.Sessions settings,
            int maxSessions,
            KeyedSerialExecutor lanes) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("max-sessions must be positive");
        }
        this.maxSessions = maxSessions;
        this.retention = settings.contextRetention();
        this.store = store;
        this.lanes = lanes;
        this.clock = clock;
        this.maxPerClient = settings.maxPerClient();
        this.timeout = settings.timeout();
        this.policy = new ClientPolicy(settings.allowClients(), settings.denyClients());
        long now = clock.millis();
        int expired = 0;
        for (StoredSession s : store.loadSessions()) {
            LiveSession session = new LiveSession(
                    s.sessionId(),
                    s.clientId(),
                    s.owner(),
                    s.createdAt(),
                    Duration.ofSeconds(s.timeoutSeconds()),
                    s.lastModified(),
                    s.lastAccess(),
                    parseState(s.stateJson()));
            if (session.isExpired(now)) {
                // expired while the server was down: not live, but restorable until its retention ends
                if (s.lastAccess() < now - retention.toMillis()) {
                    store.deleteSession(s.sessionId());
                }
                expired++;
            } else {
                sessions.put(s.sessionId(), session);
            }
        }
        log.info("event=sessions_loaded count={} expired_dropped={}", sessions.size(), expired);
    }

    private static JsonNode parseState(String json) {
        try {
            return JsonText.parse(json == null ? "{}" : json);
        } catch (IOException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    /** Opens a session for {@code clientId}, owned by that client id (a server without authentication). */
    public LiveSession create(String clientId) {
        return create(clientId, clientId);
    }

    /**
     * Opens a session for {@code clientId}, owned by {@code owner}, durably. The policy and the per-client quota
     * apply to the owner, never to the claimed client id.
     */
    public LiveSession create(String clientId, String owner) {
        if (clientId == null || clientId.isEmpty()) {
            throw new SessionException(
                    SessionException.Reason.INVALID_REQUEST,
                    "Missing parameter client_id: name the client opening the session.");
        }
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new SessionException(
                    SessionException.Reason.INVALID_REQUEST,
                    "Invalid client_id: use 1-128 letters, digits or . _ : @ -, starting with a letter or digit.");
        }
        if (!policy.allows(owner)) {
            log.warn("event=session_refused client_id={} owner={} reason=policy", clientId, owner);
            throw new SessionException(
                    SessionException.Reason.PERMISSION_DENIED,
                    "Client " + owner + " is not allowed to open sessions on this server.");
        }
        synchronized (createLock) {
            long now = clock.millis();
            long open = 0;
            long live = 0;
            for (LiveSession s : sessions.values()) {
                if (!s.isExpired(now)) {
                    live++;
                    if (s.owner().equals(owner)) {
                        open++;
                    }
                }
            }
            if (open >= maxPerClient) {
                throw new SessionException(
                        SessionException.Reason.LIMIT,
                        "Client " + owner + " already has " + open + " sessions (limit " + maxPerClient
                                + "); close one before opening another.");
            }
            if (live >= maxSessions) {
                log.warn("event=session_refused owner={} reason=max_sessions max_sessions={}", owner, maxSessions);
                throw new SessionException(
                        SessionException.Reason.LIMIT,
                        "The server already holds its maximum of " + maxSessions
                                + " live sessions (setting max-sessions); close a session or retry after one expires.");
            }
            String id = newId();
            LiveSession s = new LiveSession(id, clientId, owner, now, timeout, now, now, null);
            store.insertSession(new StoredSession(id, clientId, now, now, now, timeout.toSeconds(), "{}", owner));
            sessions.put(id, s);
            log.info("event=session_created session_id={} client_id={} owner={}", id, clientId, owner);
            return s;
        }
    }

    private String newId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Finds a live session and records the access; throws {@code NOT_FOUND} otherwise. */
    public LiveSession get(String sessionId) {
        LiveSession s = peek(sessionId);
        s.touch(clock.millis());
        return s;
    }

    /**
     * The session for {@code restore_session}: the live one, or one that expired less than the retention period
     * ago, made live again (with its stored state; its workspace is revived from its saved contexts on first use).
     */
    public LiveSession revive(String sessionId) {
        Optional<LiveSession> live = find(sessionId);
        if (live.isPresent()) {
            return get(sessionId);
        }
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            return get(sessionId); // throws the usual answer
        }
        synchronized (createLock) {
            long now = clock.millis();
            LiveSession expired = sessions.get(sessionId);
            if (expired != null && expired.isExpired(now)) {
                end(sessionId, EndReason.EXPIRED);
            } else if (expired != null) {
                return get(sessionId);
            }
            Optional<StoredSession> row = store.loadSession(sessionId);
            if (row.isEmpty() || row.get().lastAccess() < now - retention.toMillis()) {
                return get(sessionId); // throws NOT_FOUND
            }
            StoredSession s = row.get();
            LiveSession revived = new LiveSession(
                    s.sessionId(),
                    s.clientId(),
                    s.owner(),
                    s.createdAt(),
                    Duration.ofSeconds(s.timeoutSeconds()),
                    s.lastModified(),
                    now,
                    parseState(s.stateJson()));
            store.touch(Map.of(sessionId, now));
            sessions.put(sessionId, revived);
            log.info("event=session_revived session_id={}", sessionId);
            return revived;
        }
    }

    /** Finds a live session without recording an access. */
    public LiveSession peek(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            throw new SessionException(SessionException.Reason.INVALID_REQUEST, "Missing parameter session_id.");
        }
        LiveSession s = SESSION_ID.matcher(sessionId).matches() ? sessions.get(sessionId) : null;
        if (s == null || s.isExpired(clock.millis())) {
            throw new SessionException(SessionException.Reason.NOT_FOUND, notFoundMessage(sessionId));
        }
        return s;
    }

    /**
     * The answer for a session id that names no usable session; also the answer for another identity's session,
     * which must read the same.
     */
    public static String notFoundMessage(String sessionId) {
        return "Session not found: " + sessionId + " (unknown, closed or expired); create a new one.";
    }

    @Override
    public Optional<String> ownerOf(String sessionId, boolean includeStored) {
        LiveSession s = sessions.get(sessionId);
        if (s != null) {
            return Optional.of(s.owner());
        }
        if (!includeStored || !SESSION_ID.matcher(sessionId).matches()) {
            return Optional.empty();
        }
        return store.loadSession(sessionId).map(StoredSession::owner);
    }

    /**
     * The lane of a live session, or null for an id no live session has (cheap: no validation, no access
     * recorded; the front calls it for every request that names a session).
     */
    public KeyedSerialExecutor.Lane laneOf(String sessionId) {
        LiveSession s = sessions.get(sessionId);
        return s == null ? null : s.lane();
    }

    /** The live session, if any, without throwing. */
    public Optional<LiveSession> find(String sessionId) {
        try {
            return Optional.of(peek(sessionId));
        } catch (SessionException e) {
            return Optional.empty();
        }
    }

    /** Durably replaces the client state of a session. */
    public LiveSession updateState(String sessionId, JsonNode state) {
        if (state == null || !state.isObject()) {
            throw new SessionException(
                    SessionException.Reason.INVALID_REQUEST, "Parameter state_data must be a JSON object.");
        }
        LiveSession s = get(sessionId);
        long now = clock.millis();
        String json = JsonText.write(state);
        synchronized (s) {
            if (!store.updateState(sessionId, json, now)) {
                throw new SessionException(SessionException.Reason.NOT_FOUND, "Session not found: " + sessionId + ".");
            }
            s.setState(state, now);
        }
        return s;
    }

    /** Marks a session's workspace as changed now (for last_modified). */
    public void markModified(LiveSession s) {
        s.modified(clock.millis());
    }

    /** Durably closes a session; its workspace is closed in its lane. */
    public void close(String sessionId) {
        peek(sessionId);
        end(sessionId, EndReason.CLOSED);
    }

    private void end(String sessionId, EndReason reason) {
        LiveSession s = sessions.remove(sessionId);
        if (s == null) {
            return;
        }
        if (reason == EndReason.CLOSED) {
            store.deleteSession(sessionId);
        } // an expired session's row and contexts stay for the retention period (restore_session revives it)
        log.info(
                "event=session_ended session_id={} reason={}",
                sessionId,
                reason.name().toLowerCase());
        s.end(lanes);
    }

    /** The live sessions of one client, oldest first, whoever owns them (a server without authentication). */
    public List<LiveSession> listClient(String clientId) {
        return listClient(clientId, null);
    }

    /** The live sessions of one client owned by {@code owner} (null: any owner), oldest first. */
    public List<LiveSession> listClient(String clientId, String owner) {
        if (clientId == null || clientId.isEmpty()) {
            throw new SessionException(SessionException.Reason.INVALID_REQUEST, "Missing parameter client_id.");
        }
        long now = clock.millis();
        List<LiveSession> out = new ArrayList<>();
        for (LiveSession s : sessions.values()) {
            if (s.clientId().equals(clientId) && (owner == null || s.owner().equals(owner)) && !s.isExpired(now)) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingLong(LiveSession::createdAt).thenComparing(LiveSession::id));
        return out;
    }

    /** Number of live sessions. */
    public int sessionCount() {
        long now = clock.millis();
        return (int) sessions.values().stream().filter(s -> !s.isExpired(now)).count();
    }

    /** Number of distinct clients holding live sessions. */
    public int activeClients() {
        long now = clock.millis();
        return (int) sessions.values().stream()
                .filter(s -> !s.isExpired(now))
                .map(LiveSession::clientId)
                .distinct()
                .count();
    }

    /** The cap on live sessions, all clients together. */
    public int maxSessions() {
        return maxSessions;
    }

    /** The per-client session limit. */
    public int maxSessionsPerClient() {
        return maxPerClient;
    }

    /** The timeout given to new sessions. */
    public Duration defaultTimeout() {
        return timeout;
    }

    /** Current time of the manager's clock, epoch milliseconds. */
    public long now() {
        return clock.millis();
    }

    /** What one {@link #sweep} did. */
    public record Swept(int expired, int parked) {}

    /**
     * Removes expired sessions, parks the workspaces of sessions idle for {@code parkAfterMillis} (their
     * evaluation threads are let go; the workspaces stay usable) and writes the access times recorded since the
     * last sweep.
     */
    public Swept sweep(long parkAfterMillis) {
        long now = clock.millis();
        int expired = 0;
        int parked = 0;
        for (LiveSession s : List.copyOf(sessions.values())) {
            if (s.isExpired(now)) {
                end(s.id(), EndReason.EXPIRED);
                expired++;
            } else if (now - s.lastAccess() >= parkAfterMillis && s.park(lanes)) {
                parked++;
            }
        }
        flushAccessTimes();
        int purged = store.deleteSessionsIdleBefore(now - retention.toMillis());
        if (purged > 0) {
            log.info("event=sessions_purged count={} retention_days={}", purged, retention.toDays());
        }
        return new Swept(expired, parked);
    }

    /** The live sessions, in no particular order (for the save at shutdown). */
    public List<LiveSession> live() {
        return List.copyOf(sessions.values());
    }

    /** Writes the access times recorded since the last flush. */
    public void flushAccessTimes() {
        Map<String, Long> times = new HashMap<>();
        for (LiveSession s : sessions.values()) {
            long access = s.takeAccessToFlush();
            if (access >= 0) {
                times.put(s.id(), access);
            }
        }
        store.touch(times);
    }

    @Override
    public void close() {
        flushAccessTimes();
    }
}
