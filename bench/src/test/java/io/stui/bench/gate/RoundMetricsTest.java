package io.stui.bench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.bench.load.CommandKind;
import io.stui.bench.load.CommandMix;
import io.stui.bench.load.LatencyRecorder;
import io.stui.bench.load.LoadResult;
import io.stui.bench.load.LoadSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundMetricsTest {
    @Test
    void oneNoisyRoundDoesNotDecideButEveryErrorCounts() {
        Map<String, Double> judged = RoundMetrics.judge(List.of(
                Map.of("rps", 150.0, "ping.p99_ms", 2.0, "errors", 0.0, "requests", 900.0, "clients", 5.0),
                Map.of("rps", 149.0, "ping.p99_ms", 350.0, "errors", 1.0, "requests", 890.0, "clients", 5.0),
                Map.of("rps", 151.0, "ping.p99_ms", 3.0, "errors", 0.0, "requests", 905.0, "clients", 5.0)));
        assertEquals(150.0, judged.get("rps"));
        assertEquals(3.0, judged.get("ping.p99_ms"));
        assertEquals(1.0, judged.get("errors"));
        assertEquals(2695.0, judged.get("requests"));
        assertEquals(5.0, judged.get("clients"));
    }

    @Test
    void twoBadRoundsOfThreeMissTheGate() {
        Map<String, Double> judged =
                RoundMetrics.judge(List.of(Map.of("p95_ms", 150.0), Map.of("p95_ms", 2.0), Map.of("p95_ms", 120.0)));
        GateEvaluator.Verdict v =
                GateEvaluator.evaluate(List.of(new Threshold("p95_ms", Threshold.Comparator.BELOW, 100, "")), judged);
        assertEquals(GateOutcome.MISS, v.outcome());
    }

    @Test
    void roundsMergeIntoOneResult() {
        LoadSpec spec = new LoadSpec(
                "tcp://127.0.0.1:1",
                5,
                LoadSpec.SocketKind.REQ,
                1,
                0,
                Duration.ZERO,
                Duration.ofSeconds(2),
                0,
                CommandMix.parse("ping=1,evaluate=1"),
                "3 + 4",
                Duration.ofSeconds(1),
                false);
        LatencyRecorder a = new LatencyRecorder();
        a.record(CommandKind.PING, 0, 0, 1_000_000);
        LatencyRecorder b = new LatencyRecorder();
        b.record(CommandKind.EVALUATE, 0, 0, 9_000_000);
        b.recordError();
        LoadResult merged = LoadResult.merge(List.of(LoadResult.of(spec, 2, a), LoadResult.of(spec, 2, b)));
        assertEquals(2, merged.requests());
        assertEquals(1, merged.errors());
        assertEquals(4, merged.seconds());
        assertEquals(0.5, merged.rps());
        assertTrue(merged.responseByKind().containsKey(CommandKind.PING));
        assertEquals(9, merged.responseByKind().get(CommandKind.EVALUATE).maxMs(), 0.01);
    }
}
