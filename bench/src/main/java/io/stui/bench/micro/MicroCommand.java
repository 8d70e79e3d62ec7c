package io.stui.bench.micro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stui.bench.nativec.CPrograms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stui bench micro}: runs the JMH microbenchmarks (both backends), then the C reference
 * programs for the same cases, and writes {@code jmh.json}, {@code c-results.json} and
 * {@code summary.md} into the output directory.
 */
@Command(name = "micro", mixinStandardHelpOptions = true,
        description = "JMH microbenchmarks (native vs JeroMQ) plus the C reference programs, summarised as Markdown.")
public final class MicroCommand implements Callable<Integer> {
    @Option(names = "--full", description = "Longer warm-up and measurement (about 15 minutes instead of 4).")
    boolean full;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Benchmarks to run (JMH regex), default: all of io.stui.bench.micro.")
    String include = "io\\.stui\\.bench\\.micro\\..*";

    @Option(names = "--param", paramLabel = "NAME=V1,V2",
            description = "Restrict a JMH parameter, e.g. --param size=16,65536 (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench", "target", "micro");

    @Option(names = "--no-c", description = "Skip the C reference programs.")
    boolean noC;

    @Option(names = "--summary-only",
            description = "Only rewrite summary.md from jmh.json and c-results.json already in --out.")
    boolean summaryOnly;

    @Option(names = "--native-dir", paramLabel = "DIR", description = "The native/c directory (default: found from the working directory).")
    Path nativeDir;

    @Override
    public Integer call() throws IOException, RunnerException {
        Files.createDirectories(out);
        Path jmhJson = out.resolve("jmh.json");
        if (summaryOnly) {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode jmh = mapper.readTree(jmhJson.toFile());
            List<JsonNode> c = new ArrayList<>();
            mapper.readTree(out.resolve("c-results.json").toFile()).forEach(c::add);
            String md = MicroSummary.markdown(jmh, c, List.of("## Microbenchmarks (summary of " + jmhJson + ")", "",
                    "- Machine: " + MachineInfo.describe()));
            Files.writeString(out.resolve("summary.md"), md);
            System.out.println(md);
            return 0;
        }
        ChainedOptionsBuilder opts = new OptionsBuilder().include(include)
                .forks(1)
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "-Xms512m", "-Xmx512m")
                .resultFormat(ResultFormatType.JSON).result(jmhJson.toString())
                .shouldFailOnError(true);
        if (full) {
            opts.warmupIterations(3).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(2));
        } else {
            opts.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--param needs NAME=V1,V2, got '" + p + "'");
            }
            opts.param(p.substring(0, eq), p.substring(eq + 1).split(","));
        }
        new Runner(opts.build()).run();

        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode jmh = mapper.readTree(jmhJson.toFile());
        List<JsonNode> c = noC ? List.of() : runC(jmh);
        mapper.writeValue(out.resolve("c-results.json").toFile(), c);

        List<String> header = List.of(
                "## Microbenchmarks (" + (full ? "full" : "short") + " run, " + Instant.now() + ")",
                "",
                "- Machine: " + MachineInfo.describe(),
                "- Command: `bench/run-micro.sh" + (full ? " --full" : "") + "` (JMH " + (full ? "3x2 s warm-up, 5x2 s" : "1x1 s warm-up, 2x1 s")
                        + " measurement, 1 fork; C programs run right after, median of " + cRepetitions() + ")");
        String md = MicroSummary.markdown(jmh, c, header);
        Files.writeString(out.resolve("summary.md"), md);
        System.out.println(md);
        System.out.println("Wrote " + jmhJson + ", " + out.resolve("c-results.json") + ", " + out.resolve("summary.md"));
        return 0;
    }

    private int cRepetitions() {
        return full ? 3 : 1;
    }

    /** Runs the C program for every case JMH measured; the median of the repetitions is kept. */
    private List<JsonNode> runC(JsonNode jmh) throws IOException {
        CPrograms programs = CPrograms.locate(nativeDir);
        programs.build();
        double seconds = full ? 3 : 1.5;
        List<JsonNode> results = new ArrayList<>();
        for (MicroSummary.RttKey k : MicroSummary.roundTripCases(jmh)) {
            JsonNode[] runs = new JsonNode[cRepetitions()];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = programs.latency(k.pattern().toLowerCase(java.util.Locale.ROOT), k.transport(), k.size(),
                        10_000_000, seconds);
            }
            results.add(median(runs, "avg_rtt_us"));
        }
        if (MicroSummary.hasInProcessCases(jmh)) {
            JsonNode[] runs = new JsonNode[cRepetitions()];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = programs.inProcess(5_000_000, seconds * 3);
            }
            results.add(median(runs, "send_receive_inprocess_ns"));
        }
        for (MicroSummary.ThrKey k : MicroSummary.throughputCases(jmh)) {
            JsonNode[] runs = new JsonNode[cRepetitions()];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = programs.throughput(k.transport(), k.size(), 100_000_000, seconds);
            }
            results.add(median(runs, "msgs_per_s"));
        }
        return results;
    }

    private static JsonNode median(JsonNode[] runs, String field) {
        JsonNode[] sorted = runs.clone();
        Arrays.sort(sorted, Comparator.comparingDouble(n -> n.path(field).asDouble()));
        return sorted[sorted.length / 2];
    }
}
