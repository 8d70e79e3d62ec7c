package io.stui.bench.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.bench.gate.Baseline;
import io.stui.bench.gate.ChildServer;
import io.stui.bench.gate.GateConfig;
import io.stui.bench.gate.GateConfigException;
import io.stui.bench.gate.GateOutcome;
import io.stui.bench.gate.GateReport;
import io.stui.bench.gate.GateRunner;
import io.stui.bench.nativec.CPrograms;
import io.stui.zmq.Backend;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stui bench baseline}: runs a gate file's load and comparison with the C ceiling several
 * times, each against a freshly started server, and writes the baseline the gate holds later
 * commits to: each figure the median of the runs, its tolerance their spread. For a commit that
 * means to move the figures; run it on a quiet machine.
 */
@Command(
        name = "baseline",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Write the gate's baseline from repeated runs: each figure the median, its tolerance the spread.",
            "Exit code: 0 written, 2 a run broke, missed a floor or was too noisy (nothing written)."
        })
public final class BaselineCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Gate file, e.g. bench/gates.json.")
    Path config;

    @Option(names = "--runs", description = "Gate runs, each with a fresh server (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    @Option(
            names = "--write",
            paramLabel = "FILE",
            description = "Where to write the baseline (default: the file the gate file names).")
    Path write;

    @Option(names = "--native-dir", paramLabel = "DIR", description = "The native/c directory (the C ceiling server).")
    Path nativeDir;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where the servers' logs go (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench", "target", "baseline");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmd;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = cmd.commandLine().getOut();
        PrintWriter err = cmd.commandLine().getErr();
        if (runs < 2 || runs > 9) {
            throw new CommandLine.ParameterException(
                    cmd.commandLine(), "--runs: give 2 to 9 runs (the tolerance is their spread)");
        }
        GateConfig cfg;
        try {
            cfg = GateConfig.read(config);
        } catch (GateConfigException e) {
            err.println("stui bench baseline: " + e.getMessage());
            return 2;
        }
        if (cfg.ratios() == null) {
            err.println("stui bench baseline: " + config + " has no \"versus_ceiling\" section: a baseline holds "
                    + "ratios to the C ceiling");
            return 2;
        }
        Path target = write != null ? write : cfg.baseline() != null ? cfg.baseline() : Path.of("baseline.json");
        Backend clientBackend = Backend.NATIVE.isAvailable() ? Backend.NATIVE : Backend.JEROMQ;
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        List<Map<String, Double>> judged = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            out.println("Run " + i + " of " + runs + " (load average " + loadAverage() + ")");
            out.flush();
            GateReport report;
            try (ChildServer server = ChildServer.start(
                    cfg.backend(), cfg.workers(), cfg.jvmArgs(), this.out.resolve("server-" + i + ".log"))) {
                report = GateRunner.run(
                        cfg,
                        null,
                        server,
                        clientBackend,
                        seconds -> CPrograms.locate(nativeDir).startCeiling(seconds),
                        out);
            }
            if (report.outcome() != GateOutcome.PASS
                    || report.ratios() == null
                    || report.ratios().noisy()) {
                err.println("stui bench baseline: run " + i + " cannot set a baseline ("
                        + report.outcome().name().toLowerCase(Locale.ROOT) + "): "
                        + (report.verdict() != null
                                        && !report.verdict().misses().isEmpty()
                                ? "missed "
                                        + String.join(
                                                ", ",
                                                report.verdict().misses().stream()
                                                        .map(c -> c.threshold().describe() + " (measured "
                                                                + String.format(Locale.ROOT, "%.3f", c.measured())
                                                                + ")")
                                                        .toList())
                                : "")
                        + (report.problem() != null ? "; " + report.problem() : "")
                        + "; nothing written");
                return 2;
            }
            judged.add(report.judged());
            out.printf(Locale.ROOT, "  run %d: %s%n", i, figures(report.judged()));
            out.flush();
        }
        ObjectNode measured = JsonNodeFactory.instance.objectNode();
        measured.put("at", started.toString());
        measured.put("runs", runs);
        measured.put("command", "stui bench baseline --config " + config + " --runs " + runs);
        measured.put("load_average_before", loadBefore);
        measured.put("load_average_after", loadAverage());
        measured.put("cpus", Runtime.getRuntime().availableProcessors());
        measured.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        Baseline baseline = Baseline.fromRuns(judged, measured);
        baseline.write(target);
        out.println("Wrote " + target + ":");
        baseline.figures()
                .values()
                .forEach(f -> out.printf(
                        Locale.ROOT,
                        "  %-20s baseline %8.3f  tolerance %7.3f  gate limit %s %.3f  runs %s%n",
                        f.metric(),
                        f.value(),
                        f.tolerance(),
                        f.threshold().comparator().symbol(),
                        f.threshold().limit(),
                        f.runs()));
        out.flush();
        return 0;
    }

    private static String figures(Map<String, Double> judged) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Double> e : judged.entrySet()) {
            String metric = e.getKey();
            Double v = e.getValue();
            if (Baseline.higherIsBetter(metric) != null) {
                b.append(b.isEmpty() ? "" : ", ").append(metric).append(String.format(Locale.ROOT, " %.3f", v));
            }
        }
        return b.toString();
    }

    /** The 1, 5 and 15 minute load averages (Linux), for the record of how noisy the machine was. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
