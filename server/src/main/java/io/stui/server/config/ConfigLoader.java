package io.stui.server.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Resolves a {@link ServerConfig} from four layers, later ones winning: defaults, a configuration
 * file (Java properties, or a flat JSON object when the name ends in {@code .json}), environment
 * variables ({@code STUI_} followed by the key in upper case with {@code _} for {@code -}) and
 * command-line flags (the same keys as {@code --key}).
 *
 * <p>The file itself is named by the {@code --config} flag or {@code STUI_CONFIG}. Unknown keys in
 * the file or the flags are errors (a typo should not silently fall back to a default); unknown
 * {@code STUI_} environment variables are ignored because other components use that prefix too.
 */
public final class ConfigLoader {

    /** Every setting key, as written in files and flags ({@link SettingKeys}). */
    public static final List<String> KEYS = SettingKeys.ALL;

    private static final Set<String> KEY_SET = Set.copyOf(KEYS);
    /** Reads JSON files by streaming: no tree, and no mapper classes loaded into the server. */
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ConfigLoader() {}

    /** The environment variable name of a key: {@code eval-timeout-ms} → {@code STUI_EVAL_TIMEOUT_MS}. */
    public static String envName(String key) {
        return "STUI_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Resolves the configuration.
     *
     * @param env   the process environment (pass {@code System.getenv()})
     * @param flags settings given on the command line, by key; {@code config} names the file
     */
    public static ServerConfig load(Map<String, String> env, Map<String, String> flags) {
        Map<String, String> merged = new LinkedHashMap<>();
        String file = flags.getOrDefault("config", env.get("STUI_CONFIG"));
        if (file != null && !file.isBlank()) {
            merged.putAll(readFile(Path.of(file)));
        }
        for (String key : KEYS) {
            String v = env.get(envName(key));
            if (v != null) {
                merged.put(key, v);
            }
        }
        for (var e : flags.entrySet()) {
            if (e.getKey().equals("config")) {
                continue;
            }
            requireKnown(e.getKey(), "flag --" + e.getKey());
            if (e.getValue() != null) {
                merged.put(e.getKey(), e.getValue());
            }
        }
        return resolve(merged);
    }

    /** Reads a properties or JSON configuration file into key/value strings. */
    public static Map<String, String> readFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("Configuration file " + path + " does not exist; fix --config or STUI_CONFIG.");
        }
        Map<String, String> out = new LinkedHashMap<>();
        try {
            if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                out.putAll(readJsonSettings(path));
            } else {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    p.load(r);
                } catch (IllegalArgumentException malformedEscape) {
                    throw new ConfigException("Configuration file " + path + " is not a valid properties file ("
                            + malformedEscape.getMessage() + "); fix the \\u escape or write the character itself.");
                }
                for (String name : p.stringPropertyNames()) {
                    out.put(name, p.getProperty(name).trim());
                }
            }
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + path + ": " + e.getMessage());
        }
        for (String key : out.keySet()) {
            requireKnown(key, "key '" + key + "' in " + path);
        }
        return out;
    }

    /**
     * Reads a flat JSON object of settings: scalar values as their text, arrays of scalars joined with commas,
     * nulls left out.
     */
    private static Map<String, String> readJsonSettings(Path path) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(Files.readString(path, StandardCharsets.UTF_8))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ConfigException("Configuration file " + path + " must hold one JSON object of settings.");
            }
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (!seen.add(key)) {
                    throw new IOException("Duplicate key '" + key + "'");
                }
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_ARRAY) {
                    List<String> parts = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        parts.add(scalar(p, path, key));
                    }
                    out.put(key, String.join(",", parts));
                } else if (value != JsonToken.VALUE_NULL) {
                    out.put(key, scalar(p, path, key));
                }
            }
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new IOException(
                        "More after the JSON value (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
            }
        }
        return out;
    }

    private static String scalar(JsonParser p, Path path, String key) throws IOException {
        if (!p.currentToken().isScalarValue()) {
            throw new ConfigException("Setting " + key + " in " + path
                    + " must be a string, a number, a boolean or a list of those, not a JSON object.");
        }
        return p.getText();
    }

    private static void requireKnown(String key, String where) {
        if (!KEY_SET.contains(key)) {
            throw new ConfigException("Unknown setting " + where + "; known settings are " + KEYS + ".");
        }
    }

    /** Applies key/value settings over the defaults and checks the result. */
    public static ServerConfig resolve(Map<String, String> s) {
        ServerConfig d = ServerConfig.defaults();
        ServerConfig c = new ServerConfig(
                front(s, d.front()),
                limits(s, d.limits()),
                sessions(s, d.sessions()),
                image(s, d.image()),
                security(s, d.security()),
                new ServerConfig.Events(
                        s.containsKey("events-endpoint")
                                ? s.get("events-endpoint").strip()
                                : d.events().endpoint(),
                        (int) range(s, "events-hwm", d.events().hwm(), 0, Integer.MAX_VALUE)),
                new ServerConfig.Metrics(
                        (int) range(s, "metrics-port", d.metrics().port(), 0, 65535),
                        str(s, "metrics-host", d.metrics().host())));
        checkBindSafety(c);
        return c;
    }

    private static ServerConfig.Front front(Map<String, String> s, ServerConfig.Front d) {
        return new ServerConfig.Front(
                str(s, "endpoint", d.endpoint()),
                (int) positive(s, "workers", d.workers()),
                frontMode(s, d.mode()),
                positive(s, "max-message-size", d.maxMessageSize()),
                range(s, "max-answer-bytes", d.maxAnswerBytes(), 1024, Integer.MAX_VALUE - 8),
                (int) positive(s, "session-queue-capacity", d.sessionQueueCapacity()),
                Duration.ofSeconds(
                        nonNegative(s, "retry-window", d.retryWindow().toSeconds())));
    }

    private static ServerConfig.Limits limits(Map<String, String> s, ServerConfig.Limits d) {
        return new ServerConfig.Limits(
                Duration.ofMillis(positive(s, "eval-timeout-ms", d.evalTimeout().toMillis())),
                nonNegative(s, "instruction-budget", d.instructionBudget()),
                Duration.ofSeconds(positive(
                        s,
                        "debug-suspension-timeout",
                        d.debugSuspensionTimeout().toSeconds())),
                range(s, "session-memory-limit", d.sessionMemoryLimit(), 1L << 20, 1L << 40));
    }

    private static ServerConfig.Sessions sessions(Map<String, String> s, ServerConfig.Sessions d) {
        return new ServerConfig.Sessions(
                (int) positive(s, "max-sessions-per-client", d.maxPerClient()),
                Duration.ofSeconds(positive(s, "session-timeout", d.timeout().toSeconds())),
                Duration.ofSeconds(
                        positive(s, "cleanup-interval", d.cleanupInterval().toSeconds())),
                list(s, "allow-clients", d.allowClients()),
                list(s, "deny-clients", d.denyClients()),
                Duration.ofDays(positive(
                        s, "context-retention-days", d.contextRetention().toDays())));
    }

    private static ServerConfig.Image image(Map<String, String> s, ServerConfig.Image d) {
        return new ServerConfig.Image(
                s.containsKey("store") ? Path.of(s.get("store")) : d.storePath(),
                Duration.ofMillis(
                        nonNegative(s, "autosave-delay-ms", d.autosaveDelay().toMillis())),
                positive(s, "old-gen-floor-mib", d.oldGenFloorMiB()),
                factor(s, "old-gen-factor", d.oldGenFactor()));
    }

    /**
     * The security settings: files must exist when named, so a typo never starts an open server; the CURVE secret
     * key is given itself or read from its file.
     */
    private static SecuritySettings security(Map<String, String> s, SecuritySettings d) {
        String secret = s.get("curve-secret-key");
        String secretFile = s.get("curve-secret-key-file");
        if ((secret == null || secret.isBlank()) && secretFile != null && !secretFile.isBlank()) {
            try {
                secret = Files.readString(Path.of(secretFile), StandardCharsets.US_ASCII)
                        .strip();
            } catch (IOException e) {
                throw new ConfigException("Cannot read the CURVE secret key file named by curve-secret-key-file: "
                        + e.getClass().getSimpleName() + ".");
            }
        }
        if (secret != null && !secret.isBlank() && secret.strip().length() != 40) {
            throw new ConfigException("curve-secret-key must be a 40-character Z85 key (see `stui keygen`).");
        }
        Path tokens = existing(s, "token-file", false);
        Path keys = existing(s, "curve-client-keys", true);
        Path plain = existing(s, "plain-passwords-file", false);
        if (keys != null
                && (s.get("curve-secret-key") == null
                        || s.get("curve-secret-key").isBlank())
                && (s.get("curve-secret-key-file") == null
                        || s.get("curve-secret-key-file").isBlank())) {
            throw new ConfigException(
                    "curve-client-keys needs CURVE: set curve-secret-key or curve-secret-key-file too.");
        }
        return new SecuritySettings(
                secret == null ? d.curveSecretKey() : secret.strip(),
                bool(s, "insecure", d.insecure()),
                tokens,
                keys,
                plain,
                (int) range(s, "max-sessions", d.maxSessions(), 1, 1_000_000));
    }

    private static Path existing(Map<String, String> s, String key, boolean directory) {
        String v = s.get(key);
        if (v == null || v.isBlank()) {
            return null;
        }
        Path p = Path.of(v.strip());
        if (directory ? !Files.isDirectory(p) : !Files.isRegularFile(p)) {
            throw new ConfigException(
                    "Setting " + key + " names " + p + ", which is not " + (directory ? "a directory." : "a file."));
        }
        return p;
    }

    /**
     * Refuses to expose the server on a non-loopback address in clear text unless the operator
     * said so with {@code --insecure}.
     */
    static void checkBindSafety(ServerConfig c) {
        boolean insecure = c.security().insecure();
        String endpoint = c.front().endpoint();
        if (!c.curveEnabled() && !insecure && !isLoopbackEndpoint(endpoint)) {
            throw new ConfigException("Endpoint " + endpoint + " is not a loopback address: configure "
                    + "curve-secret-key (CURVE encryption) or pass --insecure to accept clear text on the network.");
        }
        String events = c.events().endpoint();
        if (events != null && !events.equals("none") && !c.curveEnabled() && !insecure && !isLoopbackEndpoint(events)) {
            throw new ConfigException("events-endpoint " + events + " is not a loopback address: configure "
                    + "curve-secret-key (CURVE encryption), pass --insecure, or use 'none' for no events socket.");
        }
    }

    /** True for tcp endpoints on a loopback address, and for ipc and inproc endpoints. */
    public static boolean isLoopbackEndpoint(String endpoint) {
        int sep = endpoint.indexOf("://");
        if (sep < 0) {
            throw new ConfigException(
                    "Endpoint " + endpoint + " is not a ZeroMQ endpoint such as tcp://127.0.0.1:5555.");
        }
        String transport = endpoint.substring(0, sep);
        if (transport.equals("ipc") || transport.equals("inproc")) {
            return true;
        }
        String hostPort = endpoint.substring(sep + 3);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equals("localhost")) {
            return true;
        }
        if (host.isEmpty() || host.equals("*") || !(host.matches("[0-9.]+") || host.contains(":"))) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static String str(Map<String, String> s, String key, String dflt) {
        String v = s.get(key);
        return v == null || v.isBlank() ? dflt : v.strip();
    }

    private static long parseLong(String key, String v) {
        try {
            return Long.parseLong(v.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ConfigException("Setting " + key + " must be a whole number, got '" + v + "'.");
        }
    }

    private static long positive(Map<String, String> s, String key, long dflt) {
        return range(s, key, dflt, 1, Long.MAX_VALUE);
    }

    private static long nonNegative(Map<String, String> s, String key, long dflt) {
        return range(s, key, dflt, 0, Long.MAX_VALUE);
    }

    private static long range(Map<String, String> s, String key, long dflt, long min, long max) {
        String v = s.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        long n = parseLong(key, v);
        if (n < min || n > max) {
            throw new ConfigException(
                    "Setting " + key + " must be between " + min + " and " + max + ", got " + n + ".");
        }
        return n;
    }

    private static FrontMode frontMode(Map<String, String> s, FrontMode dflt) {
        String v = s.get("front-mode");
        if (v == null || v.isBlank()) {
            return dflt;
        }
        return FrontMode.fromName(v.strip())
                .orElseThrow(() -> new ConfigException("Setting front-mode must be plain or fast, got '" + v + "'."));
    }

    private static double factor(Map<String, String> s, String key, double dflt) {
        String v = s.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        double f;
        try {
            f = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("Setting " + key + " must be a number such as 1.15, got '" + v + "'.");
        }
        if (!(f >= 1 && f <= 100)) {
            throw new ConfigException("Setting " + key + " must be between 1 and 100, got " + v.strip() + ".");
        }
        return f;
    }

    private static boolean bool(Map<String, String> s, String key, boolean dflt) {
        String v = s.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException("Setting " + key + " must be true or false, got '" + v + "'.");
        };
    }

    private static List<String> list(Map<String, String> s, String key, List<String> dflt) {
        String v = s.get(key);
        if (v == null) {
            return dflt;
        }
        return Arrays.stream(v.split(","))
                .map(String::strip)
                .filter(x -> !x.isEmpty())
                .toList();
    }
}
