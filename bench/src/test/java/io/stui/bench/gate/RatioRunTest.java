package io.stui.bench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.bench.load.CeilingComparison;
import io.stui.bench.load.CommandKind;
import io.stui.bench.load.CommandMix;
import io.stui.bench.load.LatencyRecorder;
import io.stui.bench.load.LoadResult;
import io.stui.bench.load.LoadSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatioRunTest {
    /** A one-second closed-loop run that answered {@code requests} requests, each in {@code ms}. */
    private static LoadResult run(CommandKind kind, int requests, double ms) {
        LoadSpec spec = new LoadSpec(
                "tcp://127.0.0.1:1",
                8,
                LoadSpec.SocketKind.REQ,
                1,
                0,
                Duration.ZERO,
                Duration.ofSeconds(1),
                0,
                CommandMix.of(Map.of(kind, 1)),
                "3 + 4",
                Duration.ofSeconds(1),
                false);
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 0; i < requests; i++) {
            r.record(kind, 0, 0, (long) (ms * 1e6));
        }
        return LoadResult.of(spec, 1.0, r);
    }

    private static CeilingComparison pairs(CommandKind kind, int[] ceiling, int[] server) {
        List<CeilingComparison.Pair> list = new java.util.ArrayList<>();
        for (int i = 0; i < ceiling.length; i++) {
            list.add(new CeilingComparison.Pair(run(kind, ceiling[i], 0.5), run(kind, server[i], 0.6)));
        }
        return new CeilingComparison(list);
    }

    @Test
    void theFiguresAreTheMedianPairsAndTheNoiseTheCeilingsSpread() {
        CeilingComparison ping = pairs(CommandKind.PING, new int[] {1000, 1100, 1050}, new int[] {950, 990, 1000});
        RatioRun r = new RatioRun(Map.of("ping", ping), List.of(RatioRun.noise(ping)), 0.25);
        assertEquals(0.1 / 1.05, r.noise(), 1e-9);
        assertFalse(r.noisy());
        Map<String, Double> m = r.metrics();
        assertEquals(0.95, m.get("ping.share"), 1e-9);
        assertEquals(1.2, m.get("ping.p99_ratio"), 0.01);
        assertEquals(r.noise(), m.get(RatioRun.NOISE));
    }

    @Test
    void aBaselineMissOnANoisyMachineIsInconclusiveNotAMiss() {
        CeilingComparison evaluate =
                pairs(CommandKind.EVALUATE, new int[] {1000, 600, 1200}, new int[] {500, 300, 600});
        RatioRun noisy = new RatioRun(Map.of("evaluate", evaluate), List.of(0.9, 0.6), 0.25);
        assertTrue(noisy.noisy());
        List<Threshold> checks = List.of(
                new Threshold("evaluate.share", Threshold.Comparator.AT_LEAST, 0.8, "baseline", true),
                new Threshold("errors", Threshold.Comparator.AT_MOST, 0, ""));
        Map<String, Double> judged = new java.util.HashMap<>(noisy.metrics());
        judged.put("errors", 0.0);
        GateEvaluator.Verdict v = GateEvaluator.evaluate(checks, judged);
        assertEquals(GateOutcome.MISS, v.outcome());
        assertEquals(GateOutcome.INCONCLUSIVE, GateRunner.outcome(v, noisy));
        assertEquals("90.0%, 60.0%", noisy.describeNoise());

        // the same miss on a quiet machine is a miss
        RatioRun quiet = new RatioRun(Map.of("evaluate", evaluate), List.of(0.1), 0.25);
        assertEquals(GateOutcome.MISS, GateRunner.outcome(v, quiet));

        // an error is a miss however noisy the machine was
        judged.put("errors", 3.0);
        judged.put("evaluate.share", 0.95);
        GateEvaluator.Verdict errors = GateEvaluator.evaluate(checks, judged);
        assertEquals(GateOutcome.MISS, GateRunner.outcome(errors, noisy));
    }
}
