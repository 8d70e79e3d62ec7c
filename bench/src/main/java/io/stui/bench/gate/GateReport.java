package io.stui.bench.gate;

import io.stui.bench.load.LoadResult;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a gate run produced, for the report writers.
 *
 * @param outcome   pass, miss or broken
 * @param startedAt when the run began
 * @param server    what ran as the server under test, e.g. {@code STUI server (native backend) tcp://...}
 * @param result    the load's figures, or null when the run broke before measuring
 * @param verdict   the checked thresholds, or null when the run broke
 * @param problem   why the run broke, or null
 * @param serverRssMb the server's peak resident memory seen during the load, or NaN when unknown
 */
public record GateReport(GateOutcome outcome, Instant startedAt, String server, LoadResult result,
                         GateEvaluator.Verdict verdict, String problem, double serverRssMb) {

    public GateReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(server, "server");
    }

    /** A run that could not measure. */
    public static GateReport broken(Instant startedAt, String server, String problem) {
        return new GateReport(GateOutcome.BROKEN, startedAt, server, null, null, problem, Double.NaN);
    }
}
