package io.stui.bench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {
    private static Threshold t(String metric, Threshold.Comparator c, double limit) {
        return new Threshold(metric, c, limit, "");
    }

    @Test
    void passesWhenEveryThresholdHolds() {
        GateEvaluator.Verdict v = GateEvaluator.evaluate(
                List.of(
                        t("rps", Threshold.Comparator.ABOVE, 100),
                        t("p95_ms", Threshold.Comparator.BELOW, 100),
                        t("errors", Threshold.Comparator.AT_MOST, 0)),
                Map.of("rps", 250.0, "p95_ms", 3.2, "errors", 0.0));
        assertEquals(GateOutcome.PASS, v.outcome());
        assertEquals(0, v.outcome().exitCode());
        assertTrue(v.misses().isEmpty());
    }

    @Test
    void strictLimitsMissAtTheLimitItself() {
        GateEvaluator.Verdict v = GateEvaluator.evaluate(
                List.of(t("rps", Threshold.Comparator.ABOVE, 100), t("p95_ms", Threshold.Comparator.BELOW, 100)),
                Map.of("rps", 100.0, "p95_ms", 100.0));
        assertEquals(GateOutcome.MISS, v.outcome());
        assertEquals(1, v.outcome().exitCode());
        assertEquals(2, v.misses().size());
    }

    @Test
    void inclusiveLimitsPassAtTheLimit() {
        GateEvaluator.Verdict v = GateEvaluator.evaluate(
                List.of(t("clients", Threshold.Comparator.AT_LEAST, 5), t("errors", Threshold.Comparator.AT_MOST, 0)),
                Map.of("clients", 5.0, "errors", 0.0));
        assertEquals(GateOutcome.PASS, v.outcome());
    }

    @Test
    void oneErrorMissesAZeroErrorGate() {
        GateEvaluator.Verdict v =
                GateEvaluator.evaluate(List.of(t("errors", Threshold.Comparator.AT_MOST, 0)), Map.of("errors", 1.0));
        assertEquals(GateOutcome.MISS, v.outcome());
        assertEquals(1.0, v.misses().getFirst().measured());
    }

    @Test
    void aFigureTheRunDidNotProduceIsAMissNotAPass() {
        GateEvaluator.Verdict v = GateEvaluator.evaluate(
                List.of(t("inspect.p99_ms", Threshold.Comparator.BELOW, 10)), Map.of("rps", 500.0));
        assertEquals(GateOutcome.MISS, v.outcome());
        assertTrue(Double.isNaN(v.checks().getFirst().measured()));
        assertFalse(v.checks().getFirst().passed());
    }

    @Test
    void brokenRunsExitWithTwo() {
        assertEquals(2, GateOutcome.BROKEN.exitCode());
    }
}
