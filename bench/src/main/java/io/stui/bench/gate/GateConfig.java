package io.stui.bench.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.bench.load.CommandKind;
import io.stui.bench.load.CommandMix;
import io.stui.bench.load.LoadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A gate's configuration, read from a JSON file such as {@code bench/gates.json}:
 * <pre>{@code
 * {"load": {"clients": 5, "socket": "req", "rate": 400, "warmup_seconds": 5, "duration_seconds": 8, "rounds": 3,
 *           "mix": {"ping": 50, "evaluate": 50}, "code": "3 + 4", "timeout_ms": 2000},
 *  "server": {"backend": "native", "jvm_args": ["-Xmx256m"]},
 *  "thresholds": [{"metric": "rps", "above": 100, "why": "seed floor"}, ...]}
 * }</pre>
 * With several rounds the gate judges the median round per figure (see {@link RoundMetrics}).
 * Unknown keys, wrong types and impossible values are refused with a message naming the key.
 *
 * @param load       the load to run (its endpoint is filled in once the server is up)
 * @param backend    ZeroMQ backend the server under test uses ({@code native} or {@code jeromq})
 * @param workers    server worker threads, or 0 for the server's default
 * @param jvmArgs    options of the server's JVM when the gate starts it (heap size, GC)
 * @param thresholds the limits to check
 * @param calibrate  when latency limits are missed, run the same load against the C ceiling server
 *                   to tell a slow server from a busy machine (key {@code "calibrate"}, default true)
 * @param ratios     the comparison with the C ceiling (key {@code "versus_ceiling"}), or null for none
 * @param baseline   the baseline file the ratios are judged against (key {@code "baseline"}, relative
 *                   to the gate file), or null for none
 */
public record GateConfig(
        LoadTemplate load,
        String backend,
        int workers,
        List<String> jvmArgs,
        List<Threshold> thresholds,
        boolean calibrate,
        RatioLoad ratios,
        Path baseline) {

    /** Longest warm-up plus measurement a gate may run: a gate is a short check. */
    public static final Duration MAX_RUN = Duration.ofSeconds(55);

    /** The load of a gate, without its endpoint. */
    public record LoadTemplate(
            int clients,
            LoadSpec.SocketKind socket,
            int pipeline,
            double rate,
            Duration warmup,
            Duration duration,
            int rounds,
            CommandMix mix,
            String code,
            Duration timeout) {

        /** The spec of the first round (with the warm-up) once the server's endpoint is known. */
        public LoadSpec at(String endpoint, boolean fifoReplies) {
            return at(endpoint, fifoReplies, warmup);
        }

        /** The spec of a later round: the server is warm already. */
        public LoadSpec nextRoundAt(String endpoint, boolean fifoReplies) {
            return at(endpoint, fifoReplies, Duration.ZERO);
        }

        /** This load at {@code endpoint} with another warm-up. */
        public LoadSpec at(String endpoint, boolean fifoReplies, Duration warmup) {
            return new LoadSpec(
                    endpoint, clients, socket, pipeline, rate, warmup, duration, 0, mix, code, timeout, fifoReplies);
        }
    }

    private static final Set<String> TOP_KEYS =
            Set.of("description", "load", "server", "thresholds", "calibrate", "versus_ceiling", "baseline");
    private static final Set<String> RATIO_KEYS = Set.of(
            "description",
            "commands",
            "clients",
            "pairs",
            "warmup_seconds",
            "duration_seconds",
            "max_noise",
            "attempts",
            "code");
    /** Longest comparison with the C ceiling one attempt may take: the gate stays a few minutes. */
    public static final Duration MAX_RATIO_ATTEMPT = Duration.ofSeconds(90);

    private static final Set<String> LOAD_KEYS = Set.of(
            "clients",
            "socket",
            "pipeline",
            "rate",
            "warmup_seconds",
            "duration_seconds",
            "rounds",
            "mix",
            "code",
            "timeout_ms");
    private static final Set<String> SERVER_KEYS = Set.of("backend", "workers", "jvm_args");
    /** JVM options of the server when the file gives none. */
    public static final List<String> DEFAULT_JVM_ARGS = List.of("-Xms64m", "-Xmx256m");

    private static final Set<String> THRESHOLD_KEYS = Set.of("metric", "above", "at_least", "below", "at_most", "why");

    /** Reads and validates a configuration file. */
    public static GateConfig read(Path file) throws GateConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new GateConfigException("gate configuration " + file + " does not exist");
        } catch (IOException e) {
            throw new GateConfigException("cannot read gate configuration " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text).withArgumentFilesFrom(file.toAbsolutePath().getParent());
        } catch (GateConfigException e) {
            throw new GateConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * This configuration with each relative java argument file in {@code jvm_args} ({@code @path}, the
     * JDK's own syntax) read from {@code dir}, the configuration file's directory, rather than from
     * wherever the gate is started; a missing file is refused here, not by the server's JVM.
     */
    GateConfig withArgumentFilesFrom(Path dir) throws GateConfigException {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < jvmArgs.size(); i++) {
            String a = jvmArgs.get(i);
            if (a.startsWith("@") && a.length() > 1) {
                Path f = dir.resolve(a.substring(1)).normalize();
                if (!Files.isRegularFile(f)) {
                    throw new GateConfigException("server.jvm_args[" + i + "]: argument file " + f + " does not exist");
                }
                a = "@" + f;
            }
            args.add(a);
        }
        Path baselineFile = baseline == null ? null : dir.resolve(baseline).normalize();
        return new GateConfig(load, backend, workers, List.copyOf(args), thresholds, calibrate, ratios, baselineFile);
    }

    /** Parses and validates a configuration document. */
    public static GateConfig parse(String json) throws GateConfigException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new GateConfigException(
                    "not valid JSON: " + e.getOriginalMessage()
                            + (e.getLocation() != null
                                    ? " (line " + e.getLocation().getLineNr() + ", column "
                                            + e.getLocation().getColumnNr() + ")"
                                    : ""),
                    e);
        }
        ObjectNode top = object(root, "the document");
        checkKeys(top, TOP_KEYS, "the document");

        ObjectNode load = object(required(top, "load", "the document"), "load");
        checkKeys(load, LOAD_KEYS, "load");
        int clients = (int) integer(required(load, "clients", "load"), "load.clients", 1, 1024);
        LoadSpec.SocketKind socket =
                switch (text(load.path("socket"), "load.socket", "req").toLowerCase(Locale.ROOT)) {
                    case "req" -> LoadSpec.SocketKind.REQ;
                    case "dealer" -> LoadSpec.SocketKind.DEALER;
                    default -> throw new GateConfigException("load.socket must be \"req\" or \"dealer\"");
                };
        int pipeline = (int) integer(load.path("pipeline"), "load.pipeline", 1, 10_000, 1);
        if (socket == LoadSpec.SocketKind.REQ && pipeline != 1) {
            throw new GateConfigException("load.pipeline must be 1 with a REQ socket (use \"socket\": \"dealer\")");
        }
        double rate = number(load.path("rate"), "load.rate", 0, 1_000_000, 0);
        Duration warmup = seconds(load.path("warmup_seconds"), "load.warmup_seconds", 0, 2);
        Duration duration = seconds(required(load, "duration_seconds", "load"), "load.duration_seconds", 1, 0);
        int rounds = (int) integer(load.path("rounds"), "load.rounds", 1, 9, 1);
        if (warmup.plus(duration.multipliedBy(rounds)).compareTo(MAX_RUN) > 0) {
            throw new GateConfigException("load.warmup_seconds + load.rounds x load.duration_seconds must be at most "
                    + MAX_RUN.toSeconds() + " (a gate is a short check)");
        }
        CommandMix mix = mix(required(load, "mix", "load"));
        String code = text(load.path("code"), "load.code", "3 + 4");
        Duration timeout = Duration.ofMillis(integer(load.path("timeout_ms"), "load.timeout_ms", 1, 60_000, 2_000));
        LoadTemplate template =
                new LoadTemplate(clients, socket, pipeline, rate, warmup, duration, rounds, mix, code, timeout);

        String backend = "native";
        int workers = 0;
        List<String> jvmArgs = DEFAULT_JVM_ARGS;
        if (top.has("server")) {
            ObjectNode server = object(top.get("server"), "server");
            checkKeys(server, SERVER_KEYS, "server");
            backend = text(server.path("backend"), "server.backend", "native");
            if (!backend.equals("native") && !backend.equals("jeromq")) {
                throw new GateConfigException(
                        "server.backend must be \"native\" or \"jeromq\", got \"" + backend + "\"");
            }
            workers = (int) integer(server.path("workers"), "server.workers", 0, 256, 0);
            if (server.has("jvm_args")) {
                JsonNode args = server.get("jvm_args");
                if (!args.isArray()) {
                    throw new GateConfigException("server.jvm_args must be an array of strings, e.g. [\"-Xmx256m\"]");
                }
                List<String> list = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    list.add(text(args.get(i), "server.jvm_args[" + i + "]", null));
                }
                jvmArgs = List.copyOf(list);
            }
        }

        JsonNode list = required(top, "thresholds", "the document");
        if (!list.isArray() || list.isEmpty()) {
            throw new GateConfigException("thresholds must be a non-empty array of {\"metric\": ..., \"below\": ...}");
        }
        RatioLoad ratios = top.has("versus_ceiling") ? ratios(top.get("versus_ceiling")) : null;
        List<Threshold> thresholds = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            thresholds.add(threshold(list.get(i), "thresholds[" + i + "]", mix, ratios));
        }
        Path baseline = null;
        if (top.has("baseline")) {
            baseline = Path.of(text(top.get("baseline"), "baseline", null));
            if (ratios == null) {
                throw new GateConfigException("baseline needs \"versus_ceiling\": the baseline holds ratios to the C "
                        + "ceiling, measured by that section");
            }
        }
        boolean calibrate = true;
        if (top.has("calibrate")) {
            if (!top.get("calibrate").isBoolean()) {
                throw new GateConfigException("calibrate must be true or false");
            }
            calibrate = top.get("calibrate").booleanValue();
        }
        return new GateConfig(
                template, backend, workers, jvmArgs, List.copyOf(thresholds), calibrate, ratios, baseline);
    }

    private static RatioLoad ratios(JsonNode node) throws GateConfigException {
        ObjectNode r = object(node, "versus_ceiling");
        checkKeys(r, RATIO_KEYS, "versus_ceiling");
        JsonNode list = required(r, "commands", "versus_ceiling");
        if (!list.isArray() || list.isEmpty()) {
            throw new GateConfigException("versus_ceiling.commands must be a non-empty array, e.g. [\"ping\", "
                    + "\"evaluate\", {\"name\": \"evaluate_loop\", \"command\": \"evaluate\", \"code\": \"...\"}]");
        }
        List<RatioCase> cases = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            RatioCase rc = ratioCase(list.get(i), "versus_ceiling.commands[" + i + "]");
            if (cases.stream().anyMatch(c -> c.name().equals(rc.name()))) {
                throw new GateConfigException("versus_ceiling.commands names " + rc.name() + " twice");
            }
            cases.add(rc);
        }
        int clients = (int) integer(r.path("clients"), "versus_ceiling.clients", 1, 1024, 8);
        int pairs = (int) integer(r.path("pairs"), "versus_ceiling.pairs", 1, 9, 3);
        Duration warmup = seconds(r.path("warmup_seconds"), "versus_ceiling.warmup_seconds", 0, 0.5);
        Duration duration = seconds(r.path("duration_seconds"), "versus_ceiling.duration_seconds", 0.5, 2.5);
        double maxNoise = number(r.path("max_noise"), "versus_ceiling.max_noise", 0.01, 10, 0.25);
        int attempts = (int) integer(r.path("attempts"), "versus_ceiling.attempts", 1, 5, 3);
        String code = r.has("code") ? text(r.get("code"), "versus_ceiling.code", null) : null;
        RatioLoad load = new RatioLoad(cases, clients, pairs, warmup, duration, maxNoise, attempts, code);
        if (load.secondsPerAttempt() > MAX_RATIO_ATTEMPT.toSeconds()) {
            throw new GateConfigException("versus_ceiling: commands x pairs x 2 x (warmup_seconds + duration_seconds) "
                    + "must be at most " + MAX_RATIO_ATTEMPT.toSeconds() + " (a gate is a short check), got "
                    + GateFormat.number(load.secondsPerAttempt()));
        }
        return load;
    }

    private static final Set<String> RATIO_CASE_KEYS = Set.of("name", "command", "code");

    /** A bare command name ({@code "ping"}), or a named load: {@code {"name", "command", "code"}}. */
    private static RatioCase ratioCase(JsonNode node, String where) throws GateConfigException {
        if (node.isTextual()) {
            return RatioCase.of(kind(text(node, where, null), where));
        }
        ObjectNode o = object(node, where);
        checkKeys(o, RATIO_CASE_KEYS, where);
        String name = text(required(o, "name", where), where + ".name", null);
        if (!name.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new GateConfigException(where
                    + ".name must be a lower-case word of letters, digits and _ (it prefixes figure names), got \""
                    + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "\"");
        }
        CommandKind kind = kind(text(required(o, "command", where), where + ".command", null), where + ".command");
        String code = o.has("code") ? text(o.get("code"), where + ".code", null) : null;
        return new RatioCase(name, kind, code);
    }

    private static CommandKind kind(String label, String where) throws GateConfigException {
        try {
            return CommandKind.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw new GateConfigException(where + ": " + e.getMessage());
        }
    }

    private static Threshold threshold(JsonNode node, String where, CommandMix mix, RatioLoad ratios)
            throws GateConfigException {
        ObjectNode t = object(node, where);
        checkKeys(t, THRESHOLD_KEYS, where);
        String metric = text(required(t, "metric", where), where + ".metric", null);
        checkMetric(metric, where, mix, ratios);
        Threshold.Comparator comparator = null;
        double limit = 0;
        for (Threshold.Comparator c : Threshold.Comparator.values()) {
            if (t.has(c.key())) {
                if (comparator != null) {
                    throw new GateConfigException(where + " has both \"" + comparator.key() + "\" and \"" + c.key()
                            + "\"; give exactly one limit");
                }
                comparator = c;
                limit = number(t.get(c.key()), where + "." + c.key(), -Double.MAX_VALUE, Double.MAX_VALUE, 0);
            }
        }
        if (comparator == null) {
            throw new GateConfigException(
                    where + " needs one limit: \"above\", \"at_least\", \"below\" or \"at_most\"");
        }
        return new Threshold(metric, comparator, limit, text(t.path("why"), where + ".why", ""));
    }

    private static final Set<String> PERCENTILES = Set.of("mean_ms", "p50_ms", "p95_ms", "p99_ms", "p999_ms", "max_ms");
    private static final Set<String> TOTALS =
            Set.of("rps", "requests", "errors", "clients", "service_p99_ms", "server_peak_rss_mib");

    /** Figures of the comparison with the C ceiling, after a command name: {@code ping.share}. */
    public static final Set<String> RATIOS = Set.of("share", "p99_ratio");

    private static void checkMetric(String metric, String where, CommandMix mix, RatioLoad ratios)
            throws GateConfigException {
        if (TOTALS.contains(metric) || PERCENTILES.contains(metric)) {
            return;
        }
        if (metric.equals(RatioRun.NOISE)) {
            if (ratios == null) {
                throw new GateConfigException(where + ".metric \"" + metric + "\" needs a \"versus_ceiling\" section");
            }
            return;
        }
        int dot = metric.indexOf('.');
        RatioCase named = dot > 0 && ratios != null ? ratios.caseNamed(metric.substring(0, dot)) : null;
        if (named != null
                && (RATIOS.contains(metric.substring(dot + 1))
                        || !named.name().equals(named.command().label()))) {
            if (!RATIOS.contains(metric.substring(dot + 1))) {
                throw new GateConfigException(where + ".metric \"" + metric + "\": a load of versus_ceiling has only "
                        + String.join(", ", sorted(RATIOS)));
            }
            return;
        }
        if (dot > 0) {
            CommandKind kind;
            try {
                kind = CommandKind.fromLabel(metric.substring(0, dot));
            } catch (IllegalArgumentException e) {
                throw new GateConfigException(where + ".metric \"" + metric + "\": " + e.getMessage());
            }
            String figure = metric.substring(dot + 1);
            if (RATIOS.contains(figure)) {
                if (ratios == null || ratios.caseNamed(kind.label()) == null) {
                    throw new GateConfigException(where + ".metric \"" + metric + "\" needs " + kind.label()
                            + " in versus_ceiling.commands (the comparison with the C ceiling)");
                }
                return;
            }
            if (!PERCENTILES.contains(figure) && !figure.equals("requests")) {
                throw new GateConfigException(
                        where + ".metric \"" + metric + "\": after the command name expected one of "
                                + String.join(", ", sorted(PERCENTILES)) + ", requests, share or p99_ratio");
            }
            if (!mix.includes(kind)) {
                throw new GateConfigException(
                        where + ".metric \"" + metric + "\" names " + kind.label() + ", which load.mix never sends");
            }
            return;
        }
        throw new GateConfigException(where + ".metric \"" + metric + "\" is unknown; expected one of "
                + String.join(", ", sorted(TOTALS)) + ", " + String.join(", ", sorted(PERCENTILES))
                + ", or <command>.<percentile> such as ping.p99_ms");
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static CommandMix mix(JsonNode node) throws GateConfigException {
        ObjectNode m = object(node, "load.mix");
        Map<CommandKind, Integer> weights = new EnumMap<>(CommandKind.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            CommandKind kind;
            try {
                kind = CommandKind.fromLabel(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new GateConfigException("load.mix: " + ex.getMessage());
            }
            weights.put(kind, (int) integer(e.getValue(), "load.mix." + e.getKey(), 0, 10_000));
        }
        if (weights.values().stream().allMatch(w -> w == 0)) {
            throw new GateConfigException("load.mix needs at least one positive weight, e.g. {\"ping\": 1}");
        }
        return CommandMix.of(weights);
    }

    private static ObjectNode object(JsonNode node, String where) throws GateConfigException {
        if (!(node instanceof ObjectNode o)) {
            throw new GateConfigException(where + " must be a JSON object");
        }
        return o;
    }

    private static JsonNode required(ObjectNode o, String key, String where) throws GateConfigException {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            throw new GateConfigException(where + " is missing \"" + key + "\"");
        }
        return v;
    }

    private static void checkKeys(ObjectNode o, Set<String> known, String where) throws GateConfigException {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw new GateConfigException(
                        "unknown key \"" + k + "\" in " + where + " (known: " + String.join(", ", sorted(known)) + ")");
            }
        }
    }

    private static long integer(JsonNode v, String where, long min, long max) throws GateConfigException {
        if (!v.isIntegralNumber()) {
            throw new GateConfigException(where + " must be an integer, got " + v);
        }
        long n = v.asLong();
        if (n < min || n > max) {
            throw new GateConfigException(where + " must be from " + min + " to " + max + ", got " + n);
        }
        return n;
    }

    private static long integer(JsonNode v, String where, long min, long max, long absent) throws GateConfigException {
        return v.isMissingNode() || v.isNull() ? absent : integer(v, where, min, max);
    }

    private static double number(JsonNode v, String where, double min, double max, double absent)
            throws GateConfigException {
        if (v.isMissingNode() || v.isNull()) {
            return absent;
        }
        if (!v.isNumber()) {
            throw new GateConfigException(where + " must be a number, got " + v);
        }
        double d = v.asDouble();
        if (d < min || d > max) {
            throw new GateConfigException(where + " must be from " + GateFormat.number(min) + " to "
                    + GateFormat.number(max) + ", got " + GateFormat.number(d));
        }
        return d;
    }

    private static Duration seconds(JsonNode v, String where, double min, double absent) throws GateConfigException {
        double s = number(v, where, min, MAX_RUN.toSeconds(), absent);
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static String text(JsonNode v, String where, String absent) throws GateConfigException {
        if (v.isMissingNode() || v.isNull()) {
            if (absent == null) {
                throw new GateConfigException(where + " is missing");
            }
            return absent;
        }
        if (!v.isTextual()) {
            throw new GateConfigException(where + " must be a string, got " + v);
        }
        return v.asText();
    }
}
