package io.stui.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The server's settings, fully resolved (defaults, then file, then environment, then flags).
 *
 * <p>Build one with {@link ConfigLoader}; {@link #defaults()} gives the documented defaults. The
 * record holds the CURVE secret key, so {@link #toString()} hides it and
 * {@link #nonSecretSettings()} is what may be shown to clients.
 *
 * @param endpoint              ZeroMQ endpoint the ROUTER socket binds
 * @param workers               worker threads for the commands not answered on the front thread; also how many
 *                              requests handed over while running in place may run at once
 * @param evalTimeout           wall-clock limit of one evaluation
 * @param instructionBudget     maximum interpreter steps of one evaluation (0 = unlimited)
 * @param maxSessionsPerClient  open sessions one client may hold
 * @param sessionTimeout        idle time after which a session expires
 * @param cleanupInterval       period of the expiry sweep
 * @param allowClients          client-id globs allowed to open sessions (empty = everyone)
 * @param denyClients           client-id globs refused (wins over allow)
 * @param storePath             SQLite database file
 * @param metricsPort           HTTP port for Prometheus metrics (0 = off)
 * @param metricsHost           address the metrics endpoint binds
 * @param curveSecretKey        Z85 CURVE server secret key, or null for no encryption
 * @param insecure              operator explicitly accepts a non-loopback bind without CURVE
 * @param maxMessageSize        ZMQ_MAXMSGSIZE in bytes (peers sending more are dropped)
 * @param sessionQueueCapacity  pending requests allowed per session before answers become errors
 * @param autosaveDelay         how long workspace changes are coalesced before the auto-save
 * @param frontMode             how the front answers: {@link FrontMode#FAST} runs interactive commands in place,
 *                              {@link FrontMode#PLAIN} hands all but the cheapest to the workers
 * @param oldGenFloorMiB        lowest old-generation ceiling of the serial collector, in MiB
 *                              ({@code OldGenerationCeiling})
 * @param oldGenFactor          the old-generation ceiling as a multiple of what survived the last full collection
 * @param contextRetention      how long a session that expired stays restorable with its saved context
 * @param debugSuspensionTimeout how long a suspended debug-mode evaluation waits for the next debug operation
 *                              before it is terminated (releasing its thread)
 * @param security              client authentication and the global session cap ({@link SecuritySettings})
 * @param retryWindow           how long a request id reused by the same client gets the first answer again
 *                              (evaluate, create_session, save_context) instead of a second execution
 * @param maxAnswerBytes        largest answer sent; a larger one is replaced by a {@code ResponseTooLarge} error
 * @param eventsEndpoint        where the events PUB socket binds: null for the default (the main endpoint's next
 *                              port, on loopback), {@code none} for no events socket
 * @param eventsHwm             send high-water mark of the events socket, per subscriber (0 unlimited)
 * @param sessionMemoryLimit    bytes of objects one session's workspace (and the default image) may keep alive
 */
public record ServerConfig(
        String endpoint,
        int workers,
        Duration evalTimeout,
        long instructionBudget,
        int maxSessionsPerClient,
        Duration sessionTimeout,
        Duration cleanupInterval,
        List<String> allowClients,
        List<String> denyClients,
        Path storePath,
        int metricsPort,
        String metricsHost,
        String curveSecretKey,
        boolean insecure,
        long maxMessageSize,
        int sessionQueueCapacity,
        Duration autosaveDelay,
        FrontMode frontMode,
        long oldGenFloorMiB,
        double oldGenFactor,
        Duration contextRetention,
        // the live debugger (issue #15)
        Duration debugSuspensionTimeout,
        SecuritySettings security,
        // durability (issue #16)
        Duration retryWindow,
        long maxAnswerBytes,
        String eventsEndpoint,
        int eventsHwm,
        // per-session memory (issue #16)
        long sessionMemoryLimit) {

    /** Default ZeroMQ endpoint, loopback only. */
    public static final String DEFAULT_ENDPOINT = "tcp://127.0.0.1:5555";

    public ServerConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(evalTimeout, "evalTimeout");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(cleanupInterval, "cleanupInterval");
        Objects.requireNonNull(storePath, "storePath");
        Objects.requireNonNull(autosaveDelay, "autosaveDelay");
        Objects.requireNonNull(frontMode, "frontMode");
        Objects.requireNonNull(contextRetention, "contextRetention");
        Objects.requireNonNull(debugSuspensionTimeout, "debugSuspensionTimeout");
        if (security == null) {
            security = SecuritySettings.defaults();
        }
        Objects.requireNonNull(retryWindow, "retryWindow");
        allowClients = List.copyOf(allowClients);
        denyClients = List.copyOf(denyClients);
        if (metricsHost == null || metricsHost.isBlank()) {
            metricsHost = "127.0.0.1";
        }
        if (curveSecretKey != null && curveSecretKey.isBlank()) {
            curveSecretKey = null;
        }
    }

    /** The documented defaults, with the store under {@code ~/.stui/stui.db}. */
    public static ServerConfig defaults() {
        return new ServerConfig(
                DEFAULT_ENDPOINT,
                Runtime.getRuntime().availableProcessors(),
                Duration.ofSeconds(5),
                100_000_000L,
                5,
                Duration.ofSeconds(3600),
                Duration.ofSeconds(300),
                List.of(),
                List.of(),
                Path.of(System.getProperty("user.home"), ".stui", "stui.db"),
                0,
                "127.0.0.1",
                null,
                false,
                1L << 20,
                64,
                Duration.ofMillis(500),
                FrontMode.FAST,
                8,
                1.15,
                Duration.ofDays(30),
                Duration.ofMinutes(10),
                SecuritySettings.defaults(),
                Duration.ofSeconds(60),
                16L << 20,
                null,
                1000,
                DEFAULT_SESSION_MEMORY_LIMIT);
    }

    /**
     * 64 MiB: {@code stui serve} runs with a 256 MiB heap, of which the server itself uses some 40-60 MiB; at this
     * limit three sessions filled to it still leave room for the rest to work, while one evaluation may still build a
     * 60 MB value. Sessions share the heap, so more of them at their limit than fits is refused by the heap, not
     * by this setting: raise -Xmx with it.
     */
    public static final long DEFAULT_SESSION_MEMORY_LIMIT = 64L << 20;

    /** True when CURVE encryption is configured. */
    public boolean curveEnabled() {
        return curveSecretKey != null;
    }

    /** Settings safe to show a client (no keys, no key paths, no environment). */
    public java.util.Map<String, Object> nonSecretSettings() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("endpoint", endpoint);
        m.put("workers", workers);
        m.put("eval_timeout_ms", evalTimeout.toMillis());
        m.put("instruction_budget", instructionBudget);
        m.put("max_sessions_per_client", maxSessionsPerClient);
        m.put("session_timeout", sessionTimeout.toSeconds());
        m.put("cleanup_interval", cleanupInterval.toSeconds());
        m.put("client_allow_list_size", allowClients.size());
        m.put("client_deny_list_size", denyClients.size());
        m.put("metrics_enabled", metricsPort != 0);
        m.put("curve_enabled", curveEnabled());
        m.put("insecure", insecure);
        m.put("max_message_size", maxMessageSize);
        m.put("session_queue_capacity", sessionQueueCapacity);
        m.put("autosave_delay_ms", autosaveDelay.toMillis());
        m.put("front_mode", frontMode.wireName());
        m.put("old_gen_floor_mib", oldGenFloorMiB);
        m.put("old_gen_factor", oldGenFactor);
        m.put("context_retention_days", contextRetention.toDays());
        m.put("debug_suspension_timeout", debugSuspensionTimeout.toSeconds());
        m.put("max_sessions", security.maxSessions());
        m.put("authentication", security.authenticates());
        m.put("retry_window", retryWindow.toSeconds());
        m.put("max_answer_bytes", maxAnswerBytes);
        m.put("events_endpoint", eventsEndpoint == null ? "default" : eventsEndpoint);
        m.put("events_hwm", eventsHwm);
        m.put("session_memory_limit", sessionMemoryLimit);
        return m;
    }

    @Override
    public String toString() {
        return "ServerConfig" + nonSecretSettings();
    }
}
