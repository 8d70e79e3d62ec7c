package io.stui.bench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.bench.load.CommandKind;
import io.stui.bench.load.CommandMix;
import io.stui.bench.load.LatencyRecorder;
import io.stui.bench.load.LoadResult;
import io.stui.bench.load.LoadSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    private static final String CONFIG = """
            {"load": {"clients": 5, "rate": 200, "duration_seconds": 5, "mix": {"ping": 1}},
             "thresholds": [{"metric": "ping.p99_ms", "below": 10}, {"metric": "errors", "at_most": 0}]}
            """;

    /** A one-round result whose pings all took {@code ms} and with {@code errors} errors. */
    private static LoadResult result(double ms, int errors) {
        LoadSpec spec = new LoadSpec(
                "tcp://127.0.0.1:1",
                5,
                LoadSpec.SocketKind.REQ,
                1,
                200,
                Duration.ZERO,
                Duration.ofSeconds(5),
                0,
                CommandMix.parse("ping"),
                "3 + 4",
                Duration.ofSeconds(1),
                false);
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 0; i < 100; i++) {
            r.record(CommandKind.PING, 0, 0, (long) (ms * 1e6));
        }
        for (int i = 0; i < errors; i++) {
            r.recordError();
        }
        return LoadResult.of(spec, 5, r);
    }

    private static GateReport report(GateConfig cfg, LoadResult res) {
        GateEvaluator.Verdict v = GateEvaluator.evaluate(cfg.thresholds(), res.metrics());
        return new GateReport(
                v.outcome(), Instant.now(), "server", res, List.of(res), res.metrics(), v, null, 50, null);
    }

    @Test
    void aLatencyMissOnAQuietMachineStaysAMiss() throws Exception {
        GateConfig cfg = GateConfig.parse(CONFIG);
        GateReport checked = GateRunner.calibrateMisses(report(cfg, result(40, 0)), cfg, c -> result(0.3, 0));
        assertEquals(GateOutcome.MISS, checked.outcome());
        assertTrue(checked.problem().contains("the miss is the server's"), checked.problem());
        assertEquals(0.3, checked.calibration().response().p99Ms(), 0.01);
    }

    @Test
    void aLatencyMissThatTheCeilingAlsoMissesBreaksTheRun() throws Exception {
        GateConfig cfg = GateConfig.parse(CONFIG);
        GateReport checked = GateRunner.calibrateMisses(report(cfg, result(40, 0)), cfg, c -> result(35, 0));
        assertEquals(GateOutcome.INCONCLUSIVE, checked.outcome());
        assertEquals(2, checked.outcome().exitCode());
        assertTrue(checked.problem().contains("too busy to judge latency"), checked.problem());
        assertTrue(checked.problem().contains("ping.p99_ms < 10"), checked.problem());
    }

    @Test
    void errorsAreNeverExcusedByCalibration() throws Exception {
        GateConfig cfg = GateConfig.parse(CONFIG);
        AtomicInteger calls = new AtomicInteger();
        GateReport original = report(cfg, result(40, 2));
        GateReport checked = GateRunner.calibrateMisses(original, cfg, c -> {
            calls.incrementAndGet();
            return result(35, 0);
        });
        assertSame(original, checked);
        assertEquals(0, calls.get());
    }

    @Test
    void aPassNeedsNoCalibration() throws Exception {
        GateConfig cfg = GateConfig.parse(CONFIG);
        GateReport original = report(cfg, result(1, 0));
        GateReport checked = GateRunner.calibrateMisses(original, cfg, c -> {
            throw new AssertionError("must not run");
        });
        assertEquals(GateOutcome.PASS, checked.outcome());
        assertNull(checked.calibration());
    }

    @Test
    void aFailedCalibrationKeepsTheMissAndSaysSo() throws Exception {
        GateConfig cfg = GateConfig.parse(CONFIG);
        GateReport checked = GateRunner.calibrateMisses(report(cfg, result(40, 0)), cfg, c -> {
            throw new java.io.IOException("no gcc");
        });
        assertEquals(GateOutcome.MISS, checked.outcome());
        assertTrue(checked.problem().contains("calibration against the C ceiling server failed: no gcc"));
    }

    /** A latency miss next to misses of a comparison that stayed too noisy: judged by the calibration alone. */
    private static GateReport withNoisyRatioMiss(GateConfig cfg, LoadResult res) {
        java.util.Map<String, Double> judged = new java.util.HashMap<>(res.metrics());
        judged.put("evaluate.share", 0.4);
        List<Threshold> checks = new java.util.ArrayList<>(cfg.thresholds());
        checks.add(new Threshold("evaluate.share", Threshold.Comparator.AT_LEAST, 0.8, "baseline", true));
        GateEvaluator.Verdict v = GateEvaluator.evaluate(checks, judged);
        RatioRun noisy = new RatioRun(java.util.Map.of(), List.of(0.9), 0.25);
        return new GateReport(
                v.outcome(), Instant.now(), "server", res, List.of(res), judged, v, null, 50, null, noisy);
    }

    @Test
    void aBusyMachineMakesLatencyAndNoisyRatioMissesInconclusive() throws Exception {
        GateConfig cfg = GateConfig.parse(CONFIG);
        GateReport busy = GateRunner.calibrateMisses(withNoisyRatioMiss(cfg, result(40, 0)), cfg, c -> result(35, 0));
        assertEquals(GateOutcome.INCONCLUSIVE, busy.outcome());
        GateReport quiet = GateRunner.calibrateMisses(withNoisyRatioMiss(cfg, result(40, 0)), cfg, c -> result(0.3, 0));
        assertEquals(GateOutcome.MISS, quiet.outcome());
    }
}
