package io.stui.bench.micro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.bench.nativec.CPrograms;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stui bench micro}: for every case (pattern, transport, size) runs the C reference program
 * and the JMH benchmarks of both backends right after each other, several times (the order of C and
 * Java alternates between repeats), and writes {@code jmh.json}, {@code c-results.json} and
 * {@code summary.md} (medians, ranges and ratios) into the output directory; each JMH run's own
 * JSON goes to {@code runs/}. The files are rewritten after every repeat, so a run cut short still
 * leaves a summary of the repeats it finished. A C program or JMH fork that fails leaves its figures
 * out, is listed at the end, and makes the exit code 1.
 */
@Command(
        name = "micro",
        mixinStandardHelpOptions = true,
        description =
                "JMH microbenchmarks (native vs JeroMQ) interleaved with the C reference programs, summarised as Markdown.")
public final class MicroCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--full",
            description = "Longer JMH runs (2 x 1 s warm-up, 3 x 1 s measurement), C runs of 2 s, 5 repeats.")
    boolean full;

    @Option(
            names = "--repeats",
            paramLabel = "N",
            description = "How many times each case runs (C and Java alternately); default 3, with --full 5.")
    Integer repeats;

    @Option(
            names = "--include",
            paramLabel = "REGEX",
            description = "Benchmarks to run (JMH regex on class.method), default: all of io.stui.bench.micro.")
    String include = "io\\.stui\\.bench\\.micro\\..*";

    @Option(
            names = "--param",
            paramLabel = "NAME=V1,V2",
            description = "Restrict a JMH parameter, e.g. --param size=16,65536 --param backend=NATIVE (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench", "target", "micro");

    @Option(names = "--no-c", description = "Skip the C reference programs.")
    boolean noC;

    @Option(
            names = "--keep-cpus-awake",
            description =
                    "Run one busy loop per CPU at nice 19 during the run, so that idle vCPUs do not halt between "
                            + "round trips (on a VM that makes an idle machine's round trips 2-5x slower); costs throughput a few percent.")
    boolean keepCpusAwake;

    @Option(names = "--verbose", description = "Show JMH's own output (otherwise one line per case and repeat).")
    boolean verbose;

    @Option(
            names = "--summary-only",
            description = "Only rewrite summary.md from jmh.json and c-results.json already in --out.")
    boolean summaryOnly;

    @Option(
            names = "--native-dir",
            paramLabel = "DIR",
            description = "The native/c directory (default: found from the working directory).")
    Path nativeDir;

    private static final String SHORT_JMH = "1x0.5 s warm-up, 1x1 s measurement";
    private static final String FULL_JMH = "2x1 s warm-up, 3x1 s measurement";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        Path jmhJson = out.resolve("jmh.json");
        Path cJson = out.resolve("c-results.json");
        if (summaryOnly) {
            JsonNode jmh = mapper.readTree(jmhJson.toFile());
            List<JsonNode> c = new ArrayList<>();
            mapper.readTree(cJson.toFile()).forEach(c::add);
            String md = MicroSummary.markdown(
                    jmh,
                    c,
                    List.of(
                            "## Microbenchmarks (summary of " + jmhJson + ")",
                            "",
                            "- Machine: " + MachineInfo.describe()));
            Files.writeString(out.resolve("summary.md"), md);
            System.out.println(md);
            return 0;
        }
        Map<String, List<String>> filters;
        try {
            filters = MicroPlan.parseParams(params);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        List<MicroCase> cases = MicroPlan.cases(include, filters);
        if (cases.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--include '" + include + "' selects no benchmark");
        }
        int n = repeats != null ? repeats : full ? 5 : 3;
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--repeats must be at least 1");
        }
        CPrograms programs = null;
        if (!noC) {
            programs = CPrograms.locate(nativeDir);
            programs.build();
        }
        Path runs = out.resolve("runs");
        Files.createDirectories(runs);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(runs, "*.json")) {
            for (Path p : old) {
                Files.delete(p); // files of an earlier run would be mistaken for this one's
            }
        }
        String started = Instant.now() + ", load average " + loadAverage();
        System.out.printf(
                Locale.ROOT,
                "%d case(s) x %d repeat(s); JMH %s; C programs %s s each%n",
                cases.size(),
                n,
                full ? FULL_JMH : SHORT_JMH,
                cSeconds());

        ArrayNode jmhAll = mapper.createArrayNode();
        List<JsonNode> cAll = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (CpuWaker waker =
                keepCpusAwake ? CpuWaker.start(Runtime.getRuntime().availableProcessors()) : null) {
            runAll(cases, filters, programs, n, runs, jmhJson, cJson, jmhAll, cAll, failures, started);
        }
        System.out.println();
        System.out.println(Files.readString(out.resolve("summary.md")));
        System.out.println(
                "Wrote " + jmhJson + ", " + cJson + ", " + out.resolve("summary.md") + " and " + runs + "/*.json");
        if (!failures.isEmpty()) {
            System.err.println(failures.size() + " run(s) failed; their figures are missing from the summary:");
            failures.forEach(f -> System.err.println("  " + f));
            return 1;
        }
        return 0;
    }

    private void runAll(
            List<MicroCase> cases,
            Map<String, List<String>> filters,
            CPrograms programs,
            int n,
            Path runs,
            Path jmhJson,
            Path cJson,
            ArrayNode jmhAll,
            List<JsonNode> cAll,
            List<String> failures,
            String started)
            throws IOException {
        for (int r = 1; r <= n; r++) {
            for (MicroCase k : cases) {
                long t0 = System.nanoTime();
                List<JsonNode> cNow = new ArrayList<>();
                List<JsonNode> jmhNow = new ArrayList<>();
                boolean cFirst = r % 2 == 1; // alternate, so that neither side always runs right after the other
                // A run that fails (a C program that gave up, a JMH fork that threw) leaves a hole in its
                // case's figures for this repeat, said below and in the exit code, not an end to the whole run.
                if (cFirst && programs != null) {
                    cNow.addAll(runC(programs, k, r, failures));
                }
                jmhNow.addAll(runJmh(k, filters, r, runs.resolve(k.stem() + "-r" + r + ".json"), failures));
                if (!cFirst && programs != null) {
                    cNow.addAll(runC(programs, k, r, failures));
                }
                cAll.addAll(cNow);
                jmhNow.forEach(jmhAll::add);
                System.out.printf(
                        Locale.ROOT,
                        "[repeat %d/%d] %-26s %s (%.0f s)%n",
                        r,
                        n,
                        k.label(),
                        progress(k, cNow, jmhNow),
                        (System.nanoTime() - t0) / 1e9);
            }
            writeResults(jmhJson, cJson, jmhAll, cAll, started, r, n);
        }
    }

    private double cSeconds() {
        return full ? 2 : 1;
    }

    /** One JMH run of a case (every backend the filters leave), tagged with its repeat. */
    private List<JsonNode> runJmh(
            MicroCase k, Map<String, List<String>> filters, int repeat, Path result, List<String> failures)
            throws IOException {
        ChainedOptionsBuilder opts = new OptionsBuilder()
                .include(k.jmhInclude())
                .forks(1)
                .jvmArgsAppend(
                        "--enable-native-access=ALL-UNNAMED",
                        "--sun-misc-unsafe-memory-access=allow",
                        "-Xms512m",
                        "-Xmx512m")
                .resultFormat(ResultFormatType.JSON)
                .result(result.toString())
                .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT)
                .shouldFailOnError(true);
        if (full) {
            opts.warmupIterations(2)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3)
                    .measurementTime(TimeValue.seconds(1));
        } else {
            opts.warmupIterations(1)
                    .warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(1)
                    .measurementTime(TimeValue.seconds(1));
        }
        Map<String, String> pinned = k.jmhParams();
        pinned.forEach(opts::param);
        filters.forEach((name, values) -> {
            if (!pinned.containsKey(name)) {
                opts.param(name, values.toArray(String[]::new));
            }
        });
        try {
            new Runner(opts.build()).run();
        } catch (RunnerException e) {
            String why = "[repeat " + repeat + "] " + k.label() + ": JMH failed (" + e.getMessage()
                    + "); run the case again with --verbose to see its output";
            System.out.println(why);
            failures.add(why);
            return List.of();
        }
        List<JsonNode> tagged = new ArrayList<>();
        for (JsonNode b : mapper.readTree(result.toFile())) {
            ((ObjectNode) b).put("repeat", repeat);
            if (b.path("primaryMetric") instanceof ObjectNode metric) {
                metric.remove("rawDataHistogram"); // sampled modes: kept in runs/, too bulky for the merged file
            }
            tagged.add(b);
        }
        return tagged;
    }

    /** The C program(s) of a case, tagged with the repeat: round trips run zero-copy and with buffer copies. */
    private List<JsonNode> runC(CPrograms programs, MicroCase k, int repeat, List<String> failures) {
        double seconds = cSeconds();
        List<JsonNode> results = new ArrayList<>();
        try {
            switch (k.kind()) {
                case ROUND_TRIP -> {
                    String pattern = k.pattern().toLowerCase(Locale.ROOT);
                    results.add(programs.latency(pattern, k.transport(), k.size(), 10_000_000, seconds, false));
                    results.add(programs.latency(pattern, k.transport(), k.size(), 10_000_000, seconds, true));
                }
                case THROUGHPUT -> results.add(programs.throughput(k.transport(), k.size(), 100_000_000, seconds));
                case IN_PROCESS -> results.add(programs.inProcess(5_000_000, seconds * 2));
            }
        } catch (IOException e) {
            String why = "[repeat " + repeat + "] " + k.label() + ": C program failed: " + e.getMessage();
            System.out.println(why);
            failures.add(why);
        }
        for (JsonNode r : results) {
            ((ObjectNode) r).put("repeat", repeat);
        }
        return results;
    }

    private void writeResults(
            Path jmhJson, Path cJson, ArrayNode jmh, List<JsonNode> c, String started, int done, int n)
            throws IOException {
        mapper.writeValue(jmhJson.toFile(), jmh);
        mapper.writeValue(cJson.toFile(), c);
        String command = "bench/run-micro.sh" + (full ? " --full" : "")
                + (repeats != null ? " --repeats " + repeats : "") + (keepCpusAwake ? " --keep-cpus-awake" : "");
        List<String> header = List.of(
                "## Microbenchmarks (" + (full ? "full" : "short") + " run, " + done + " of " + n + " repeats)",
                "",
                "- Machine: " + MachineInfo.describe(),
                "- Started " + started + "; finished " + Instant.now() + ", load average " + loadAverage(),
                "- Command: `" + command + "`"
                        + (params.isEmpty() && include.equals("io\\.stui\\.bench\\.micro\\..*") ? "" : " (narrowed)")
                        + ". Per case and repeat: the C program(s) for " + cSeconds()
                        + " s each, and one JMH fork per backend (and per echo, zero-copy and copying, for round trips; "
                        + (full ? FULL_JMH : SHORT_JMH)
                        + "), C first in odd repeats, JMH first in even ones"
                        + (keepCpusAwake ? "; with --keep-cpus-awake (a nice-19 busy loop per CPU throughout)" : ""));
        String md = MicroSummary.markdown(jmh, c, header);
        Files.writeString(out.resolve("summary.md"), md);
    }

    /** One line of figures for the progress output, e.g. {@code C 62.1 | C copy 70.3 | NATIVE 71.0 | JEROMQ 90.2}. */
    static String progress(MicroCase k, List<JsonNode> c, List<JsonNode> jmh) {
        List<String> parts = new ArrayList<>();
        for (JsonNode r : c) {
            String label = "copy".equals(r.path("mode").asText()) ? "C copy" : "C";
            String v = switch (k.kind()) {
                case ROUND_TRIP ->
                    MicroSummary.fmt(r.path("avg_rtt_us").asDouble(Double.NaN)) + "/"
                            + MicroSummary.fmt(r.path("p50_rtt_us").asDouble(Double.NaN)) + "/"
                            + MicroSummary.fmt(r.path("min_rtt_us").asDouble(Double.NaN));
                case THROUGHPUT -> MicroSummary.fmt(r.path("msgs_per_s").asDouble(Double.NaN));
                case IN_PROCESS ->
                    MicroSummary.fmt(r.path("send_receive_inprocess_ns").asDouble(Double.NaN));
            };
            parts.add(label + " " + v);
        }
        for (JsonNode b : jmh) {
            String backend = b.path("params").path("backend").asText("");
            String name = b.path("benchmark").asText();
            String method = name.substring(name.lastIndexOf('.') + 1);
            String label = switch (k.kind()) {
                case IN_PROCESS -> method + (backend.isEmpty() ? "" : " " + backend);
                case ROUND_TRIP -> MicroSummary.roundTripSide(b.path("params"));
                case THROUGHPUT -> backend;
            };
            JsonNode metric = b.path("primaryMetric");
            String v = MicroSummary.fmt(metric.path("score").asDouble(Double.NaN));
            if (k.kind() == MicroCase.Kind.ROUND_TRIP) {
                JsonNode percentiles = metric.path("scorePercentiles");
                v += "/" + MicroSummary.fmt(percentiles.path("50.0").asDouble(Double.NaN)) + "/"
                        + MicroSummary.fmt(percentiles.path("0.0").asDouble(Double.NaN));
            }
            parts.add(label + " " + v);
        }
        String unit = switch (k.kind()) {
            case ROUND_TRIP -> "µs mean/p50/min: ";
            case THROUGHPUT -> "msg/s: ";
            case IN_PROCESS -> "ns: ";
        };
        return unit + String.join(" | ", parts);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
