package io.stui.bench.gate;

import io.stui.bench.load.LoadException;
import io.stui.bench.load.LoadGenerator;
import io.stui.bench.load.LoadResult;
import io.stui.bench.load.LoadSpec;
import io.stui.bench.load.ProcessMemory;
import io.stui.bench.nativec.CeilingServer;
import io.stui.protocol.Encoding;
import io.stui.zmq.Backend;
import io.stui.zmq.ZContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a gate's load (in its rounds) against a server under test and judges it against the thresholds. */
public final class GateRunner {
    private GateRunner() {}

    /** Starts the C ceiling server for the comparison; it stops by itself after {@code seconds}. */
    @FunctionalInterface
    public interface CeilingSource {
        CeilingServer start(double seconds) throws IOException;
    }

    /** Runs the floors only (a gate file without a comparison with the C ceiling). */
    public static GateReport run(GateConfig config, ServerUnderTest server, Backend clientBackend)
            throws InterruptedException {
        return run(config, null, server, clientBackend, null, new PrintWriter(Writer.nullWriter()));
    }

    /**
     * Runs the rounds of the floors, then the comparison with the C ceiling when the gate file has
     * one, and judges both: the floors of the file and the baseline's figures. A run that cannot
     * measure at all (no client could talk to the server, nothing answered, no ceiling) is
     * {@link GateOutcome#BROKEN}; a run whose only misses are figures of a comparison the machine
     * was too noisy to trust, even after its retries, is {@link GateOutcome#INCONCLUSIVE}; otherwise
     * pass or miss on the median round per figure.
     *
     * @param baseline the figures to hold the ratios to, or null for the floors only
     * @param ceilings starts the C ceiling server (needed when the file compares with it)
     * @param progress where the comparison's pairs are printed as they end
     */
    public static GateReport run(
            GateConfig config,
            Baseline baseline,
            ServerUnderTest server,
            Backend clientBackend,
            CeilingSource ceilings,
            PrintWriter progress)
            throws InterruptedException {
        Instant started = Instant.now();
        List<LoadResult> rounds = new ArrayList<>();
        String firstError = null;
        RatioRun ratios = null;
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
            if (config.ratios() != null && rounds.stream().anyMatch(r -> r.requests() > 0)) {
                RatioLoad load = config.ratios();
                progress.println("Versus the C ceiling: " + load.cases().size() + " loads x " + load.pairs()
                        + " pairs of " + load.clients() + " REQ clients, closed loop, "
                        + GateFormat.number(load.duration().toMillis() / 1000.0) + " s each after "
                        + GateFormat.number(load.warmup().toMillis() / 1000.0) + " s");
                progress.flush();
                try (CeilingServer ceiling = ceilings.start(load.attempts() * load.secondsPerAttempt() + 60)) {
                    ratios = RatioRun.run(
                            load,
                            load.code() != null ? load.code() : config.load().code(),
                            config.load().timeout(),
                            server.endpoint(),
                            ceiling.endpoint(),
                            context,
                            progress);
                } catch (IOException e) {
                    return GateReport.broken(
                            started, server.description(), "cannot start the C ceiling server: " + e.getMessage());
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
        if (ratios != null) {
            judged.putAll(ratios.metrics());
        }
        if (!Double.isNaN(rss)) {
            judged.put("server_peak_rss_mib", rss);
        }
        List<Threshold> thresholds = new ArrayList<>(config.thresholds());
        if (baseline != null) {
            thresholds.addAll(baseline.thresholds());
        }
        GateEvaluator.Verdict verdict = GateEvaluator.evaluate(thresholds, judged);
        String note = all.errors() > 0 && firstError != null ? "first error: " + firstError : null;
        GateOutcome outcome = outcome(verdict, ratios);
        if (ratios != null && ratios.noisy()) {
            note = join(
                    note,
                    "the machine was too noisy to trust the comparison with the C ceiling: its pairs (the "
                            + "ceiling's requests/s, the server's share) spread by " + ratios.describeNoise() + " over "
                            + ratios.noiseByAttempt().size() + " attempts (trusted up to "
                            + GateFormat.number(100 * ratios.maxNoise()) + "%)"
                            + (outcome == GateOutcome.INCONCLUSIVE
                                    ? "; its misses are not a verdict on the server: run the gate on a quieter machine"
                                    : ""));
        }
        return new GateReport(
                outcome, started, server.description(), all, rounds, judged, verdict, note, rss, null, ratios);
    }

    /**
     * The outcome of checked figures: the verdict's, except that a miss made only of figures of a
     * comparison with the C ceiling that stayed too noisy after its retries is
     * {@link GateOutcome#INCONCLUSIVE}. A pass stays a pass however noisy: noise slows a server, it
     * does not make a slow one look fast.
     */
    static GateOutcome outcome(GateEvaluator.Verdict verdict, RatioRun ratios) {
        boolean onlyRatioMisses =
                !verdict.misses().isEmpty() && verdict.misses().stream().allMatch(c -> isRatioFigure(c.threshold()));
        return ratios != null && ratios.noisy() && onlyRatioMisses ? GateOutcome.INCONCLUSIVE : verdict.outcome();
    }

    /** A figure measured by the comparison with the C ceiling (memory is measured over the whole run). */
    private static boolean isRatioFigure(Threshold t) {
        String m = t.metric();
        return m.endsWith(".share") || m.endsWith(".p99_ratio") || m.equals(RatioRun.NOISE);
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
     * to judge and the run is {@link GateOutcome#INCONCLUSIVE} (exit 2) rather than a miss blamed on
     * the server. Other reports are returned unchanged.
     */
    public static GateReport calibrateMisses(GateReport report, GateConfig config, Calibrator calibrator) {
        if (report.outcome() != GateOutcome.MISS || report.verdict() == null) {
            return report;
        }
        List<GateEvaluator.Check> latencyMisses = report.verdict().misses().stream()
                .filter(c -> c.threshold().metric().endsWith("_ms"))
                .toList();
        // Misses of a comparison with the C ceiling that stayed too noisy are not a verdict either.
        boolean noisyRatios = report.ratios() != null && report.ratios().noisy();
        long otherMisses = report.verdict().misses().stream()
                .filter(c -> !c.threshold().metric().endsWith("_ms"))
                .filter(c -> !(noisyRatios && isRatioFigure(c.threshold())))
                .count();
        if (latencyMisses.isEmpty() || otherMisses > 0) {
            return report; // a miss that is not about latency (errors, rate, memory) stands as it is
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
                GateOutcome.INCONCLUSIVE,
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
