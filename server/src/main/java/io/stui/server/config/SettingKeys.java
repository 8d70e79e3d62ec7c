package io.stui.server.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one table of settings: {@link ConfigLoader} reads each key from files, the environment and flags, and
 * {@code stui serve} takes each one that has a flag's help here as {@code --key}, so adding a setting touches this
 * table and the loader's check of its value. A class of its own, free of the loader's JSON reader, because the
 * launcher's quick command-line reader loads it on every start-up.
 */
public final class SettingKeys {
    private SettingKeys() {}

    /**
     * A setting: its key, and the help and value label of its {@code stui serve} flag, or no flag help when it is no
     * flag of that kind ({@code curve-secret-key}: a secret on the command line would show in {@code ps};
     * {@code insecure}: a switch, declared with the command).
     */
    private record Setting(String key, String flagHelp, String flagLabel) {}

    private static Setting flag(String key, String help) {
        return new Setting(key, help, camelLabel(key));
    }

    private static Setting flag(String key, String help, String label) {
        return new Setting(key, help, label);
    }

    private static Setting noFlag(String key) {
        return new Setting(key, null, camelLabel(key));
    }

    private static final Setting[] TABLE = {
        flag("endpoint", "ZeroMQ endpoint to bind (default tcp://127.0.0.1:5555)."),
        flag("workers", "Worker threads (default: number of cores)."),
        flag("eval-timeout-ms", "Time limit of one evaluation in ms (default 5000)."),
        flag("instruction-budget", "Interpreter steps allowed per evaluation, 0 = no limit."),
        flag("max-sessions-per-client", "Sessions one client may hold (default 5)."),
        flag("session-timeout", "Idle seconds before a session expires (default 3600)."),
        flag("cleanup-interval", "Seconds between expiry sweeps (default 300)."),
        flag("allow-clients", "Comma-separated client-id globs allowed to open sessions."),
        flag("deny-clients", "Comma-separated client-id globs refused."),
        flag("store", "SQLite store file (default ~/.stui/stui.db)."),
        flag("metrics-port", "Prometheus HTTP port, 0 = off (default 0)."),
        flag("metrics-host", "Address the metrics endpoint binds (default 127.0.0.1)."),
        noFlag("curve-secret-key"),
        flag("curve-secret-key-file", "File holding the server's Z85 CURVE secret key."),
        noFlag("insecure"),
        flag("max-message-size", "Largest request in bytes; bigger ones drop the peer (default 1 MiB)."),
        flag("session-queue-capacity", "Requests one session may have waiting (default 64)."),
        flag("autosave-delay-ms", "How long workspace changes are coalesced before auto-save (default 500)."),
        flag(
                "front-mode",
                "fast: interactive commands run in place on the front thread (default); plain: ROUTER in front of the worker pool.",
                "plain|fast"),
        flag("old-gen-floor-mib", "Lowest old-generation ceiling in MiB (default 8)."),
        flag(
                "old-gen-factor",
                "Old-generation ceiling as a multiple of what survived the last full collection (default 1.15)."),
        flag("context-retention-days", "Days an expired session stays restorable with its saved context (default 30)."),
        // the live debugger (issue #15)
        flag(
                "debug-suspension-timeout",
                "Seconds a suspended debug-mode evaluation waits for a debug operation (default 600)."),
        // client identity and the session cap (issue #16)
        flag("token-file", "File of 'identity token' lines: every request must carry one of the tokens (auth_token)."),
        flag(
                "curve-client-keys",
                "Directory of client certificates (`stui keygen --client`): other CURVE keys are refused."),
        flag("plain-passwords-file", "File of user=password lines: ZeroMQ PLAIN authentication (without CURVE)."),
        flag("max-sessions", "Live sessions the server holds at once (default 1000)."),
        // durability (issue #16)
        flag(
                "retry-window",
                "Seconds a request sent again with the same id gets the first answer, 0 = off (default 60)."),
        flag("max-answer-bytes", "Largest answer sent in bytes (default 16 MiB)."),
        flag("events-endpoint", "Where the events socket binds, none = no events (default: the endpoint's next port)."),
        flag("events-hwm", "Events queued per subscriber before it misses some (default 1000)."),
        // per-session memory (issue #16)
        flag("session-memory-limit", "Bytes of objects one session may keep alive (default 64 MiB).")
    };

    /** Every setting key, as written in files and flags. */
    public static final List<String> ALL = keys();

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(TABLE.length);
        for (Setting setting : TABLE) {
            keys.add(setting.key());
        }
        return List.copyOf(keys);
    }

    /** The help of {@code --key}, or null when the key is no flag taking a value. */
    public static String flagHelp(String key) {
        Setting setting = setting(key);
        return setting == null ? null : setting.flagHelp();
    }

    /** The label of {@code --key}'s value in the help: {@code <camelCaseKey>} unless the table names one. */
    public static String flagLabel(String key) {
        Setting setting = setting(key);
        return setting == null ? camelLabel(key) : setting.flagLabel();
    }

    private static String camelLabel(String key) {
        StringBuilder label = new StringBuilder("<");
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '-' && i + 1 < key.length()) {
                label.append(Character.toUpperCase(key.charAt(++i)));
            } else {
                label.append(c);
            }
        }
        return label.append('>').toString();
    }

    private static Setting setting(String key) {
        for (Setting setting : TABLE) {
            if (setting.key().equals(key)) {
                return setting;
            }
        }
        return null;
    }

    /**
     * The flags of {@code stui serve} that take a value, by key: {@code config} and every key with a flag's help. A
     * loop, not a stream: it runs at every launcher start-up, where a lambda's first use costs milliseconds.
     */
    public static Set<String> valuedFlags() {
        Set<String> flags = new HashSet<>();
        flags.add("config");
        for (Setting setting : TABLE) {
            if (setting.flagHelp() != null) {
                flags.add(setting.key());
            }
        }
        return Set.copyOf(flags);
    }
}
