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
     * Each setting: its key and the help of its {@code stui serve} flag, or null when it is no flag of that kind
     * ({@code curve-secret-key}: a secret on the command line would show in {@code ps}; {@code insecure}: a switch,
     * declared with the command).
     */
    private static final String[][] TABLE = {
        {"endpoint", "ZeroMQ endpoint to bind (default tcp://127.0.0.1:5555)."},
        {"workers", "Worker threads (default: number of cores)."},
        {"eval-timeout-ms", "Time limit of one evaluation in ms (default 5000)."},
        {"instruction-budget", "Interpreter steps allowed per evaluation, 0 = no limit."},
        {"max-sessions-per-client", "Sessions one client may hold (default 5)."},
        {"session-timeout", "Idle seconds before a session expires (default 3600)."},
        {"cleanup-interval", "Seconds between expiry sweeps (default 300)."},
        {"allow-clients", "Comma-separated client-id globs allowed to open sessions."},
        {"deny-clients", "Comma-separated client-id globs refused."},
        {"store", "SQLite store file (default ~/.stui/stui.db)."},
        {"metrics-port", "Prometheus HTTP port, 0 = off (default 0)."},
        {"metrics-host", "Address the metrics endpoint binds (default 127.0.0.1)."},
        {"curve-secret-key", null},
        {"curve-secret-key-file", "File holding the server's Z85 CURVE secret key."},
        {"insecure", null},
        {"max-message-size", "Largest request in bytes; bigger ones drop the peer (default 1 MiB)."},
        {"session-queue-capacity", "Requests one session may have waiting (default 64)."},
        {"autosave-delay-ms", "How long workspace changes are coalesced before auto-save (default 500)."},
        {
            "front-mode",
            "fast: interactive commands run in place on the front thread (default); plain: ROUTER in front"
                    + " of the worker pool.",
            "plain|fast"
        },
        {"old-gen-floor-mib", "Lowest old-generation ceiling in MiB (default 8)."},
        {
            "old-gen-factor",
            "Old-generation ceiling as a multiple of what survived the last full collection (default 1.15)."
        },
        {"context-retention-days", "Days an expired session stays restorable with its saved context (default 30)."},
        // the live debugger (issue #15)
        {
            "debug-suspension-timeout",
            "Seconds a suspended debug-mode evaluation waits for a debug operation (default 600)."
        },
        // client identity and the session cap (issue #16)
        {"token-file", "File of 'identity token' lines: every request must carry one of the tokens (auth_token)."},
        {"curve-client-keys", "Directory of client certificates (`stui keygen --client`): other CURVE keys are refused."
        },
        {"plain-passwords-file", "File of user=password lines: ZeroMQ PLAIN authentication (without CURVE)."},
        {"max-sessions", "Live sessions the server holds at once (default 1000)."},
        // durability (issue #16)
        {"retry-window", "Seconds a request sent again with the same id gets the first answer, 0 = off (default 60)."},
        {"max-answer-bytes", "Largest answer sent in bytes (default 16 MiB)."},
        {"events-endpoint", "Where the events socket binds, none = no events (default: the endpoint's next port)."},
        {"events-hwm", "Events queued per subscriber before it misses some (default 1000)."},
        // per-session memory (issue #16)
        {"session-memory-limit", "Bytes of objects one session may keep alive (default 64 MiB)."},
    };

    /** Every setting key, as written in files and flags. */
    public static final List<String> ALL = keys();

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(TABLE.length);
        for (String[] row : TABLE) {
            keys.add(row[0]);
        }
        return List.copyOf(keys);
    }

    /** The help of {@code --key}, or null when the key is no flag taking a value. */
    public static String flagHelp(String key) {
        String[] row = row(key);
        return row == null ? null : row[1];
    }

    /** The label of {@code --key}'s value in the help: {@code <camelCaseKey>} unless the table names one. */
    public static String flagLabel(String key) {
        String[] row = row(key);
        if (row != null && row.length > 2) {
            return row[2];
        }
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

    private static String[] row(String key) {
        for (String[] row : TABLE) {
            if (row[0].equals(key)) {
                return row;
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
        for (String[] row : TABLE) {
            if (row[1] != null) {
                flags.add(row[0]);
            }
        }
        return Set.copyOf(flags);
    }
}
