package io.stui.bench.cli;

import io.stui.bench.gate.Baseline;
import io.stui.bench.gate.CeilingUnderTest;
import io.stui.bench.gate.ChildServer;
import io.stui.bench.gate.ExternalServer;
import io.stui.bench.gate.GateConfig;
import io.stui.bench.gate.GateConfigException;
import io.stui.bench.gate.GateEvaluator;
import io.stui.bench.gate.GateOutcome;
import io.stui.bench.gate.GateReport;
import io.stui.bench.gate.GateReportWriter;
import io.stui.bench.gate.GateRunner;
import io.stui.bench.gate.ServerUnderTest;
import io.stui.bench.load.LoadGenerator;
import io.stui.bench.load.LoadResult;
import io.stui.bench.load.LoadSpec;
import io.stui.bench.nativec.CPrograms;
import io.stui.bench.nativec.CeilingServer;
import io.stui.protocol.Encoding;
import io.stui.zmq.Backend;
import io.stui.zmq.ZContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stui bench gate}: starts a STUI server on a free loopback port, runs the short load of a
 * gate file and its comparison with the C ceiling, checks the floors of the file and the figures of
 * its baseline, and writes report.json, report.md, junit.xml and latency.png. Exit code 0 on pass,
 * 1 on a missed check, 2 when the run broke or the machine was too noisy to judge.
 */
@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "CI performance gate: short load against a server it starts, floors from a file, ratios to the C "
                    + "ceiling held to a baseline.",
            "Exit code: 0 pass, 1 a check missed, 2 the run broke (bad file, server did not start) or was "
                    + "inconclusive (machine too noisy, see report.md)."
        })
public final class GateCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Gate file, e.g. bench/gates.json.")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench", "target", "gate");

    @Option(names = "--endpoint", paramLabel = "URL", description = "Gate a server that is already running instead.")
    String endpoint;

    @Option(names = "--c-ceiling", description = "Gate the C ROUTER ceiling server instead (checks the gate itself).")
    boolean cCeiling;

    @Option(names = "--native-dir", paramLabel = "DIR", description = "The native/c directory (the C ceiling server).")
    Path nativeDir;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "Judge against this baseline instead of the one the gate file names.")
    Path baselineFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmd;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = cmd.commandLine().getOut();
        PrintWriter err = cmd.commandLine().getErr();
        Instant started = Instant.now();
        GateConfig cfg;
        Baseline baseline;
        try {
            cfg = GateConfig.read(config);
            Path b = baselineFile != null ? baselineFile : cfg.baseline();
            baseline = b == null ? null : Baseline.read(b);
        } catch (GateConfigException e) {
            err.println("stui bench gate: " + e.getMessage());
            GateReportWriter.write(GateReport.broken(started, "(not started)", e.getMessage()), this.out);
            return GateOutcome.BROKEN.exitCode();
        }
        if (endpoint != null && cCeiling) {
            throw new CommandLine.ParameterException(cmd.commandLine(), "give --endpoint or --c-ceiling, not both");
        }
        Backend clientBackend = Backend.NATIVE.isAvailable() ? Backend.NATIVE : Backend.JEROMQ;
        GateReport report;
        ServerUnderTest server = null;
        try {
            server = startServer(cfg);
            out.println("Gate: "
                    + cfg.load().at(server.endpoint(), server.fixedReplies()).describe());
            out.println("Server: " + server.description());
            out.flush();
            report = GateRunner.run(cfg, baseline, server, clientBackend, this::startCeiling, out);
        } catch (Exception e) {
            report = GateReport.broken(
                    started,
                    server == null ? "(did not start)" : server.description(),
                    e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            if (server != null) {
                server.close();
            }
        }
        if (cfg.calibrate() && !cCeiling) {
            report = GateRunner.calibrateMisses(report, cfg, c -> calibrate(c, clientBackend));
        }
        var files = GateReportWriter.write(report, this.out);
        out.println();
        out.print(GateReportWriter.toMarkdown(report));
        out.println();
        out.println("Gate " + report.outcome().name().toLowerCase(Locale.ROOT) + "; wrote " + files);
        if (report.verdict() != null) {
            for (GateEvaluator.Check miss : report.verdict().misses()) {
                err.printf(
                        Locale.ROOT,
                        "missed: %s (measured %s)%s%n",
                        miss.threshold().describe(),
                        Double.isNaN(miss.measured()) ? "nothing" : String.format(Locale.ROOT, "%.3f", miss.measured()),
                        miss.threshold().why().isEmpty()
                                ? ""
                                : "; " + miss.threshold().why());
            }
        }
        if (report.outcome() == GateOutcome.BROKEN) {
            err.println("stui bench gate: the run broke: " + report.problem());
        }
        if (report.outcome() == GateOutcome.INCONCLUSIVE) {
            err.println("stui bench gate: inconclusive: " + report.problem());
        }
        out.flush();
        return report.outcome().exitCode();
    }

    /** One round of the gate's load (short warm-up) against the C ceiling server. */
    private LoadResult calibrate(GateConfig cfg, Backend clientBackend) throws Exception {
        double budget = cfg.load().duration().toSeconds() + 60;
        try (CeilingServer ceiling = CPrograms.locate(nativeDir).startCeiling(budget);
                ZContext context = new ZContext(clientBackend)) {
            LoadSpec spec = cfg.load().at(ceiling.endpoint(), true, Duration.ofSeconds(1));
            return new LoadGenerator(spec, context, Encoding.COMMAND).run();
        }
    }

    private CeilingServer startCeiling(double seconds) throws java.io.IOException {
        return CPrograms.locate(nativeDir).startCeiling(seconds);
    }

    private ServerUnderTest startServer(GateConfig cfg) throws Exception {
        if (endpoint != null) {
            return new ExternalServer(endpoint, OptionalLong.empty());
        }
        if (cCeiling) {
            double budget =
                    cfg.load().warmup().toSeconds() + cfg.load().duration().toSeconds() + 60;
            return new CeilingUnderTest(CPrograms.locate(nativeDir).startCeiling(budget));
        }
        return ChildServer.start(cfg.backend(), cfg.workers(), cfg.jvmArgs(), out.resolve("server.log"));
    }
}
