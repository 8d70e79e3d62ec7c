package io.stui.bench.gate;

import io.stui.bench.load.LoadException;
import io.stui.bench.load.LoadGenerator;
import io.stui.bench.load.LoadResult;
import io.stui.bench.load.LoadSpec;
import io.stui.bench.load.ProcessMemory;
import io.stui.protocol.Encoding;
import io.stui.zmq.Backend;
import io.stui.zmq.ZContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a gate's load (in its rounds) against a server under test and judges it against the thresholds. */
public final class GateRunner {
    private GateRunner() {}

    /**
     * Runs the rounds and evaluates them. A run that cannot measure at all (no client could talk
     * to the server, nothing answered) is {@link GateOutcome#BROKEN}; a run that measured is
     * judged pass or miss on the median round per figure.
     */
    public static GateReport run(GateConfig config, ServerUnderTest server, Backend clientBackend)
            throws InterruptedException {
        Instant started = Instant.now();
        List<LoadResult> rounds = new ArrayList<>();
        String firstError = null;
        try (ZContext context = new ZContext(clientBackend)) {
            for (int i = 0; i < config.load().rounds(); i++) {
                LoadSpec spec = i == 0
                        ? config.load().at(server.endpoint(), server.fixedReplies())
                        : config.load().nextRoundAt(server.endpoint(), server.fixedReplies());
                LoadGenerator generator = new LoadGenerator(spec, context, Encoding.COMMAND);
                rounds.add(generator.run());
                if (firstError == null) {
                    firstError = generator.firstError().orElse(null);
                }
            }
        } catch (LoadException e) {
            return GateReport.broken(started, server.description(), e.getMessage());
        }
        double rss = server.pid().isPresent()
                ? ProcessMemory.peakRssMb(server.pid().getAsLong()).orElse(Double.NaN)
                : Double.NaN;
        LoadResult all = LoadResult.merge(rounds);
        if (all.requests() == 0) {
            return new GateReport(
                    GateOutcome.BROKEN,
                    started,
                    server.description(),
                    all,
                    rounds,
                    Map.of(),
                    null,
                    "no request was answered" + (firstError == null ? "" : " (first error: " + firstError + ")"),
                    rss,
                    null);
        }
        Map<String, Double> judged = new LinkedHashMap<>(RoundMetrics.judge(RoundMetrics.of(rounds)));
        if (!Double.isNaN(rss)) {
            judged.put("server_peak_rss_mib", rss);
        }
        GateEvaluator.Verdict verdict = GateEvaluator.evaluate(config.thresholds(), judged);
        String note = all.errors() > 0 && firstError != null ? "first error: " + firstError : null;
        return new GateReport(
                verdict.outcome(), started, server.description(), all, rounds, judged, verdict, note, rss, null);
    }

    /** Runs one round of a load against a reference server (the C ceiling), for calibration. */
    @FunctionalInterface
    public interface Calibrator {
        /** The result of the load against the reference server. */
        LoadResult run(GateConfig config) throws Exception;
    }

    /**
     * When a report missed latency thresholds, runs the same load against the C ceiling server: if
     * even that server, which does no work, misses the same latency limits, the machine is too busy
     * to judge and the run is {@link GateOutcome#BROKEN} (exit 2) rather than a miss blamed on the
     * server. Other reports are returned unchanged.
     */
    public static GateReport calibrateMisses(GateReport report, GateConfig config, Calibrator calibrator) {
        if (report.outcome() != GateOutcome.MISS || report.verdict() == null) {
            return report;
        }
        List<GateEvaluator.Check> latencyMisses = report.verdict().misses().stream()
                .filter(c -> c.threshold().metric().endsWith("_ms"))
                .toList();
        if (latencyMisses.isEmpty()
                || latencyMisses.size() < report.verdict().misses().size()) {
            return report; // a miss that is not about latency (errors, rate) stands as it is
        }
        LoadResult control;
        try {
            control = calibrator.run(config);
        } catch (Exception e) {
            return report.withCalibration(
                    null,
                    report.outcome(),
                    join(report.problem(), "calibration against the C ceiling server failed: " + e.getMessage()));
        }
        GateEvaluator.Verdict controlVerdict = GateEvaluator.evaluate(
                latencyMisses.stream().map(GateEvaluator.Check::threshold).toList(), control.metrics());
        if (controlVerdict.misses().isEmpty()) {
            return report.withCalibration(
                    control,
                    GateOutcome.MISS,
                    join(
                            report.problem(),
                            "the C ceiling server met these latency limits under the same load, so the miss is the server's"));
        }
        GateEvaluator.Check c = controlVerdict.misses().getFirst();
        return report.withCalibration(
                control,
                GateOutcome.BROKEN,
                join(
                        report.problem(),
                        String.format(
                                java.util.Locale.ROOT,
                                "the machine is too busy to judge latency: the C ceiling server, which does no "
                                        + "work, also missed %s (measured %.3f) under the same load; run the gate on a quieter machine",
                                c.threshold().describe(),
                                c.measured())));
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }
}
