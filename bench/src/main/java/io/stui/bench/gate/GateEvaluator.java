package io.stui.bench.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares measured figures with a gate's thresholds. */
public final class GateEvaluator {
    private GateEvaluator() {}

    /**
     * The result of one threshold.
     *
     * @param measured the measured value, NaN when the run did not produce that figure (a miss)
     */
    public record Check(Threshold threshold, double measured, boolean passed) {}

    /** All checks and the overall outcome ({@link GateOutcome#PASS} or {@link GateOutcome#MISS}). */
    public record Verdict(List<Check> checks, GateOutcome outcome) {
        /** The checks that failed. */
        public List<Check> misses() {
            return checks.stream().filter(c -> !c.passed()).toList();
        }
    }

    /**
     * Checks each threshold against {@code metrics}. A metric the run did not produce (for instance
     * {@code inspect.p99_ms} when no inspect request was answered) is a miss, never a silent pass.
     */
    public static Verdict evaluate(List<Threshold> thresholds, Map<String, Double> metrics) {
        List<Check> checks = new ArrayList<>();
        for (Threshold t : thresholds) {
            Double v = metrics.get(t.metric());
            double value = v == null ? Double.NaN : v;
            checks.add(new Check(t, value, !Double.isNaN(value) && t.passes(value)));
        }
        boolean all = checks.stream().allMatch(Check::passed);
        return new Verdict(List.copyOf(checks), all ? GateOutcome.PASS : GateOutcome.MISS);
    }
}
