package io.stui.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The server's settings, fully resolved (defaults, then file, then environment, then flags), one record per area
 * of the server: adding a setting touches its area's record and {@link ConfigLoader}.
 *
 * <p>Build one with {@link ConfigLoader}; {@link #defaults()} gives the documented defaults. The security settings
 * hold the CURVE secret key, so {@link #toString()} hides it and {@link #nonSecretSettings()} is what may be shown
 * to clients.
 *
 * @param front    how requests come in and answers go out
 * @param limits   what one evaluation may spend
 * @param sessions who may open sessions, how many, and how long they live
 * @param image    where workspaces are saved, and the heap they share
 * @param security encryption, client authentication and the global session cap ({@link SecuritySettings})
 * @param events   the events PUB socket
 * @param metrics  the Prometheus endpoint
 */
public record ServerConfig(
        Front front,
        Limits limits,
        Sessions sessions,
        Image image,
        SecuritySettings security,
        Events events,
        Metrics metrics) {

    /** Default ZeroMQ endpoint, loopback only. */
    public static final String DEFAULT_ENDPOINT = "tcp://127.0.0.1:5555";

    public ServerConfig {
        Objects.requireNonNull(front, "front");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(metrics, "metrics");
        if (security == null) {
            security = SecuritySettings.defaults();
        }
    }

    /**
     * @param endpoint             ZeroMQ endpoint the ROUTER socket binds
     * @param workers              worker threads for the commands not answered on the front thread; also how many
     *                             requests handed over while running in place may run at once
     * @param mode                 how the front answers: {@link FrontMode#FAST} runs interactive commands in place,
     *                             {@link FrontMode#PLAIN} hands all but the cheapest to the workers
     * @param maxMessageSize       ZMQ_MAXMSGSIZE in bytes (peers sending more are dropped)
     * @param maxAnswerBytes       largest answer sent; a larger one is replaced by a {@code ResponseTooLarge} error
     * @param sessionQueueCapacity pending requests allowed per session before answers become errors
     * @param retryWindow          how long a request id reused by the same client gets the first answer again
     *                             (evaluate, create_session, save_context) instead of a second execution
     */
    public record Front(
            String endpoint,
            int workers,
            FrontMode mode,
            long maxMessageSize,
            long maxAnswerBytes,
            int sessionQueueCapacity,
            Duration retryWindow) {
        public Front {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(retryWindow, "retryWindow");
        }
    }

    /**
     * @param evalTimeout            wall-clock limit of one evaluation
     * @param instructionBudget      maximum interpreter steps of one evaluation (0 = unlimited)
     * @param debugSuspensionTimeout how long a suspended debug-mode evaluation waits for the next debug operation
     *                               before it is terminated (releasing its thread)
     * @param sessionMemoryLimit     bytes of objects one session's workspace (and the default image) may keep alive
     */
    public record Limits(
            Duration evalTimeout, long instructionBudget, Duration debugSuspensionTimeout, long sessionMemoryLimit) {
        public Limits {
            Objects.requireNonNull(evalTimeout, "evalTimeout");
            Objects.requireNonNull(debugSuspensionTimeout, "debugSuspensionTimeout");
        }
    }

    /**
     * @param maxPerClient     open sessions one client may hold
     * @param timeout          idle time after which a session expires
     * @param cleanupInterval  period of the expiry sweep
     * @param allowClients     client-id globs allowed to open sessions (empty = everyone)
     * @param denyClients      client-id globs refused (wins over allow)
     * @param contextRetention how long a session that expired stays restorable with its saved context
     */
    public record Sessions(
            int maxPerClient,
            Duration timeout,
            Duration cleanupInterval,
            List<String> allowClients,
            List<String> denyClients,
            Duration contextRetention) {
        public Sessions {
            if (maxPerClient < 1) {
                throw new IllegalArgumentException("max-sessions-per-client must be positive");
            }
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(cleanupInterval, "cleanupInterval");
            Objects.requireNonNull(contextRetention, "contextRetention");
            allowClients = List.copyOf(allowClients);
            denyClients = List.copyOf(denyClients);
        }
    }

    /**
     * @param storePath      SQLite database file
     * @param autosaveDelay  how long workspace changes are coalesced before the auto-save
     * @param oldGenFloorMiB lowest old-generation ceiling of the serial collector, in MiB ({@code OldGenerationCeiling})
     * @param oldGenFactor   the old-generation ceiling as a multiple of what survived the last full collection
     */
    public record Image(Path storePath, Duration autosaveDelay, long oldGenFloorMiB, double oldGenFactor) {
        public Image {
            Objects.requireNonNull(storePath, "storePath");
            Objects.requireNonNull(autosaveDelay, "autosaveDelay");
        }
    }

    /**
     * @param endpoint where the events PUB socket binds: null for the default (the main endpoint's next port, on
     *                 loopback), {@code none} for no events socket
     * @param hwm      send high-water mark of the events socket, per subscriber (0 unlimited)
     */
    public record Events(String endpoint, int hwm) {}

    /**
     * @param port HTTP port for Prometheus metrics (0 = off)
     * @param host address the metrics endpoint binds
     */
    public record Metrics(int port, String host) {
        public Metrics {
            if (host == null || host.isBlank()) {
                host = "127.0.0.1";
            }
        }
    }

    /** The documented defaults, with the store under {@code ~/.stui/stui.db}. */
    public static ServerConfig defaults() {
        return new ServerConfig(
                new Front(
                        DEFAULT_ENDPOINT,
                        Runtime.getRuntime().availableProcessors(),
                        FrontMode.FAST,
                        1L << 20,
                        16L << 20,
                        64,
                        Duration.ofSeconds(60)),
                new Limits(Duration.ofSeconds(5), 100_000_000L, Duration.ofMinutes(10), DEFAULT_SESSION_MEMORY_LIMIT),
                new Sessions(
                        5,
                        Duration.ofSeconds(3600),
                        Duration.ofSeconds(300),
                        List.of(),
                        List.of(),
                        Duration.ofDays(30)),
                new Image(
                        Path.of(System.getProperty("user.home"), ".stui", "stui.db"), Duration.ofMillis(500), 8, 1.15),
                SecuritySettings.defaults(),
                new Events(null, 1000),
                new Metrics(0, "127.0.0.1"));
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
        return security.curveEnabled();
    }

    /** Settings safe to show a client (no keys, no key paths, no environment). */
    public java.util.Map<String, Object> nonSecretSettings() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("endpoint", front.endpoint());
        m.put("workers", front.workers());
        m.put("eval_timeout_ms", limits.evalTimeout().toMillis());
        m.put("instruction_budget", limits.instructionBudget());
        m.put("max_sessions_per_client", sessions.maxPerClient());
        m.put("session_timeout", sessions.timeout().toSeconds());
        m.put("cleanup_interval", sessions.cleanupInterval().toSeconds());
        m.put("client_allow_list_size", sessions.allowClients().size());
        m.put("client_deny_list_size", sessions.denyClients().size());
        m.put("metrics_enabled", metrics.port() != 0);
        m.put("curve_enabled", curveEnabled());
        m.put("insecure", security.insecure());
        m.put("max_message_size", front.maxMessageSize());
        m.put("session_queue_capacity", front.sessionQueueCapacity());
        m.put("autosave_delay_ms", image.autosaveDelay().toMillis());
        m.put("front_mode", front.mode().wireName());
        m.put("old_gen_floor_mib", image.oldGenFloorMiB());
        m.put("old_gen_factor", image.oldGenFactor());
        m.put("context_retention_days", sessions.contextRetention().toDays());
        m.put("debug_suspension_timeout", limits.debugSuspensionTimeout().toSeconds());
        m.put("max_sessions", security.maxSessions());
        m.put("authentication", security.authenticates());
        m.put("retry_window", front.retryWindow().toSeconds());
        m.put("max_answer_bytes", front.maxAnswerBytes());
        m.put("events_endpoint", events.endpoint() == null ? "default" : events.endpoint());
        m.put("events_hwm", events.hwm());
        m.put("session_memory_limit", limits.sessionMemoryLimit());
        return m;
    }

    @Override
    public String toString() {
        return "ServerConfig" + nonSecretSettings();
    }
}
