package io.stui.server.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one table of setting keys: {@link ConfigLoader} reads each from files, the environment and flags, and
 * {@code stui serve} takes each as {@code --key} but those in {@link #NO_FLAG}. A class of its own, free of the
 * loader's JSON reader, because the launcher's quick command-line reader loads it on every start-up.
 */
public final class SettingKeys {
    private SettingKeys() {}

    /** Every setting key, as written in files and flags. */
    public static final List<String> ALL = List.of(
            "endpoint",
            "workers",
            "eval-timeout-ms",
            "instruction-budget",
            "max-sessions-per-client",
            "session-timeout",
            "cleanup-interval",
            "allow-clients",
            "deny-clients",
            "store",
            "metrics-port",
            "metrics-host",
            "curve-secret-key",
            "curve-secret-key-file",
            "insecure",
            "max-message-size",
            "session-queue-capacity",
            "autosave-delay-ms",
            "front-mode",
            "old-gen-floor-mib",
            "old-gen-factor",
            "context-retention-days",
            // the live debugger (issue #15): seconds a suspended evaluation waits before it is terminated
            "debug-suspension-timeout",
            // client identity and the session cap (issue #16)
            "token-file",
            "curve-client-keys",
            "plain-passwords-file",
            "max-sessions",
            // durability (issue #16)
            "retry-window",
            "max-answer-bytes",
            "events-endpoint",
            "events-hwm",
            // per-session memory (issue #16)
            "session-memory-limit");

    /** Keys that are no flag: a secret key on the command line would show in {@code ps}. */
    public static final Set<String> NO_FLAG = Set.of("curve-secret-key");

    /** Flags that take no value. */
    public static final Set<String> SWITCHES = Set.of("insecure");

    /**
     * The flags of {@code stui serve} that take a value, by key: {@code config} and every key but the above. A loop,
     * not a stream: it runs at every launcher start-up, where a lambda's first use costs milliseconds.
     */
    public static Set<String> valuedFlags() {
        Set<String> flags = new HashSet<>();
        flags.add("config");
        for (String key : ALL) {
            if (!NO_FLAG.contains(key) && !SWITCHES.contains(key)) {
                flags.add(key);
            }
        }
        return Set.copyOf(flags);
    }
}
