package io.stui.server.cli;

import io.stui.server.StuiServer;
import io.stui.server.config.ConfigException;
import io.stui.server.config.ConfigLoader;
import io.stui.server.config.ServerConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stui serve}: runs the server until SIGTERM or Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the STUI server until SIGTERM or Ctrl-C.",
            "Settings: flags > STUI_* environment > --config file > defaults (see server/README.md)."
        })
final class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Settings file (.properties or .json); also STUI_CONFIG.")
    String config;

    @Option(names = "--endpoint", description = "ZeroMQ endpoint to bind (default tcp://127.0.0.1:5555).")
    String endpoint;

    @Option(names = "--workers", description = "Worker threads (default: number of cores).")
    String workers;

    @Option(names = "--eval-timeout-ms", description = "Time limit of one evaluation in ms (default 5000).")
    String evalTimeoutMs;

    @Option(names = "--instruction-budget", description = "Interpreter steps allowed per evaluation, 0 = no limit.")
    String instructionBudget;

    @Option(names = "--max-sessions-per-client", description = "Sessions one client may hold (default 5).")
    String maxSessionsPerClient;

    @Option(names = "--session-timeout", description = "Idle seconds before a session expires (default 3600).")
    String sessionTimeout;

    @Option(names = "--cleanup-interval", description = "Seconds between expiry sweeps (default 300).")
    String cleanupInterval;

    @Option(names = "--allow-clients", description = "Comma-separated client-id globs allowed to open sessions.")
    String allowClients;

    @Option(names = "--deny-clients", description = "Comma-separated client-id globs refused.")
    String denyClients;

    @Option(names = "--store", description = "SQLite store file (default ~/.stui/stui.db).")
    String store;

    @Option(names = "--metrics-port", description = "Prometheus HTTP port, 0 = off (default 0).")
    String metricsPort;

    @Option(names = "--metrics-host", description = "Address the metrics endpoint binds (default 127.0.0.1).")
    String metricsHost;

    @Option(names = "--curve-secret-key-file", description = "File holding the server's Z85 CURVE secret key.")
    String curveSecretKeyFile;

    @Option(names = "--insecure", description = "Allow a non-loopback bind without CURVE (clear text on the network).")
    Boolean insecure;

    @Option(
            names = "--max-message-size",
            description = "Largest request in bytes; bigger ones drop the peer (default 1 MiB).")
    String maxMessageSize;

    @Option(names = "--session-queue-capacity", description = "Requests one session may have waiting (default 64).")
    String sessionQueueCapacity;

    @Option(
            names = "--autosave-delay-ms",
            description = "How long workspace changes are coalesced before auto-save (default 500).")
    String autosaveDelayMs;

    @Option(
            names = "--front-mode",
            paramLabel = "plain|fast",
            description =
                    "fast: interactive commands run in place on the front thread (default); plain: ROUTER in front"
                            + " of the worker pool.")
    String frontMode;

    @Option(names = "--old-gen-floor-mib", description = "Lowest old-generation ceiling in MiB (default 8).")
    String oldGenFloorMib;

    @Option(
            names = "--old-gen-factor",
            description =
                    "Old-generation ceiling as a multiple of what survived the last full collection (default 1.15).")
    String oldGenFactor;

    @Option(
            names = "--context-retention-days",
            description = "Days an expired session stays restorable with its saved context (default 30).")
    String contextRetentionDays;

    @Option(
            names = "--token-file",
            description = "File of 'identity token' lines: every request must carry one of the tokens (auth_token).")
    String tokenFile;

    @Option(
            names = "--curve-client-keys",
            description = "Directory of client certificates (`stui keygen --client`): other CURVE keys are refused.")
    String curveClientKeys;

    @Option(
            names = "--plain-passwords-file",
            description = "File of user=password lines: ZeroMQ PLAIN authentication (without CURVE).")
    String plainPasswordsFile;

    @Option(names = "--max-sessions", description = "Live sessions the server holds at once (default 1000).")
    String maxSessions;

    @Option(
            names = "--debug-suspension-timeout",
            description = "Seconds a suspended debug-mode evaluation waits for a debug operation (default 600).")
    String debugSuspensionTimeout;

    @Option(
            names = "--retry-window",
            description = "Seconds a request sent again with the same id gets the first answer, 0 = off (default 60).")
    String retryWindow;

    @Option(names = "--max-answer-bytes", description = "Largest answer sent in bytes (default 16 MiB).")
    String maxAnswerBytes;

    @Option(
            names = "--events-endpoint",
            description = "Where the events socket binds, none = no events (default: the endpoint's next port).")
    String eventsEndpoint;

    @Option(names = "--events-hwm", description = "Events queued per subscriber before it misses some (default 1000).")
    String eventsHwm;

    @Option(
            names = "--session-memory-limit",
            description = "Bytes of objects one session may keep alive (default 64 MiB).")
    String sessionMemoryLimit;

    @Spec
    CommandSpec spec;

    /** The flags read by {@link QuickCommandLine} instead of picocli, by setting key; null when picocli read them. */
    Map<String, String> quickFlags;

    /** The flags given, by setting key: each option's long name without its dashes. */
    Map<String, String> flags() {
        if (quickFlags != null) {
            return quickFlags;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            Object value = o.getValue();
            if (value != null && !o.usageHelp() && !o.versionHelp()) {
                m.put(o.longestName().substring(2), value.toString());
            }
        }
        return m;
    }

    @Override
    public Integer call() throws Exception {
        ServerConfig cfg;
        try {
            cfg = ConfigLoader.load(System.getenv(), flags());
        } catch (ConfigException e) {
            System.err.println("stui serve: " + e.getMessage());
            return 2;
        }
        StuiServer server;
        try {
            server = StuiServer.start(cfg);
        } catch (IllegalStateException | ConfigException | io.stui.server.store.StoreException e) {
            System.err.println("stui serve: " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(server::close, "stui-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.println("stui server " + StuiServer.VERSION + " listening on " + server.endpoint()
                + (server.metricsPort() > 0
                        ? ", metrics on http://" + cfg.metrics().host() + ":" + server.metricsPort() + "/metrics"
                        : "")
                + " (Ctrl-C to stop)");
        System.out.flush();
        server.awaitStop();
        return 0;
    }
}
