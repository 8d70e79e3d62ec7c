package io.stui.bench.gate;

import io.stui.bench.load.LoadResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a gate run produced, for the report writers.
 *
 * @param outcome   pass, miss, broken or inconclusive
 * @param startedAt when the run began
 * @param server    what ran as the server under test, e.g. {@code STUI server (native backend) tcp://...}
 * @param result    all rounds merged, or null when the run broke before measuring
 * @param rounds    each round's figures (one entry for a one-round gate), empty when it broke
 * @param judged    the figures the thresholds were checked against (median of rounds), empty when it broke
 * @param verdict   the checked thresholds, or null when the run broke
 * @param problem   why the run broke or was inconclusive, or null
 * @param serverRssMb the server's peak resident memory seen during the load, or NaN when unknown
 * @param calibration the same load against the C ceiling server, run when latency floors were
 *                    missed to tell a slow server from a busy machine; null when not run
 * @param ratios    the comparison with the C ceiling, or null when the gate file has none
 */
public record GateReport(
        GateOutcome outcome,
        Instant startedAt,
        String server,
        LoadResult result,
        List<LoadResult> rounds,
        Map<String, Double> judged,
        GateEvaluator.Verdict verdict,
        String problem,
        double serverRssMb,
        LoadResult calibration,
        RatioRun ratios) {

    public GateReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(server, "server");
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
        judged = judged == null ? Map.of() : Map.copyOf(judged);
    }

    /** A report without a comparison with the C ceiling. */
    public GateReport(
            GateOutcome outcome,
            Instant startedAt,
            String server,
            LoadResult result,
            List<LoadResult> rounds,
            Map<String, Double> judged,
            GateEvaluator.Verdict verdict,
            String problem,
            double serverRssMb,
            LoadResult calibration) {
        this(outcome, startedAt, server, result, rounds, judged, verdict, problem, serverRssMb, calibration, null);
    }

    /** The same report with a calibration run and, possibly, another outcome and problem. */
    public GateReport withCalibration(LoadResult run, GateOutcome newOutcome, String newProblem) {
        return new GateReport(
                newOutcome, startedAt, server, result, rounds, judged, verdict, newProblem, serverRssMb, run, ratios);
    }

    /** A run that could not measure. */
    public static GateReport broken(Instant startedAt, String server, String problem) {
        return new GateReport(
                GateOutcome.BROKEN, startedAt, server, null, List.of(), Map.of(), null, problem, Double.NaN, null);
    }
}
