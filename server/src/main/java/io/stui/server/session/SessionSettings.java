package io.stui.server.session;

import io.stui.server.config.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the server's settings say about sessions, in one value: built from {@link ServerConfig} in one place
 * ({@link #from}), read by {@link SessionManager} (quotas, time-outs, retention, the global cap) and by the
 * workspaces (the memory limit).
 *
 * @param maxPerClient open sessions one owner may hold
 * @param timeout      idle time after which a session expires
 * @param policy       who may open sessions
 * @param retention    how long an expired session stays restorable with its saved contexts
 * @param maxSessions  live sessions all owners together may hold
 * @param memoryLimit  bytes of objects one session's workspace may keep alive ({@code session-memory-limit})
 */
public record SessionSettings(
        int maxPerClient,
        Duration timeout,
        ClientPolicy policy,
        Duration retention,
        int maxSessions,
        long memoryLimit) {

    public SessionSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(retention, "retention");
        if (maxPerClient < 1 || maxSessions < 1 || memoryLimit < 0)
            throw new IllegalArgumentException("session quotas must be positive and the memory limit not negative");
    }

    /** The settings of a server configured by {@code config}. */
    public static SessionSettings from(ServerConfig config) {
        return new SessionSettings(
                config.sessions().maxPerClient(),
                config.sessions().timeout(),
                new ClientPolicy(
                        config.sessions().allowClients(), config.sessions().denyClients()),
                config.sessions().contextRetention(),
                config.security().maxSessions(),
                config.limits().sessionMemoryLimit());
    }

    /** The documented defaults (those of {@link ServerConfig#defaults()}). */
    public static SessionSettings defaults() {
        return from(ServerConfig.defaults());
    }

    /** These settings with {@code maxPerClient} sessions per owner and {@code timeout}, everyone allowed. */
    public SessionSettings withQuota(int perClient, Duration idleTimeout) {
        return new SessionSettings(perClient, idleTimeout, policy, retention, maxSessions, memoryLimit);
    }

    public SessionSettings withPolicy(List<String> allow, List<String> deny) {
        return new SessionSettings(
                maxPerClient, timeout, new ClientPolicy(allow, deny), retention, maxSessions, memoryLimit);
    }

    public SessionSettings withRetention(Duration r) {
        return new SessionSettings(maxPerClient, timeout, policy, r, maxSessions, memoryLimit);
    }

    public SessionSettings withMaxSessions(int max) {
        return new SessionSettings(maxPerClient, timeout, policy, retention, max, memoryLimit);
    }
}
