package io.stui.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pairs' ratios and their medians, from made-up results. */
class CeilingComparisonTest {

    /** A 1-second result with {@code requests} answers, each taking {@code ms}. */
    private static LoadResult result(int requests, double ms) {
        LoadSpec spec = new LoadSpec(
                "tcp://127.0.0.1:1",
                8,
                LoadSpec.SocketKind.REQ,
                1,
                0,
                Duration.ZERO,
                Duration.ofSeconds(1),
                0,
                CommandMix.parse("ping"),
                "3 + 4",
                Duration.ofSeconds(1),
                false);
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 0; i < requests; i++) {
            r.record(CommandKind.PING, 0, 0, (long) (ms * 1e6));
        }
        return LoadResult.of(spec, 1, r);
    }

    private static CeilingComparison.Pair pair(int ceiling, int server, double ceilingMs, double serverMs) {
        return new CeilingComparison.Pair(result(ceiling, ceilingMs), result(server, serverMs));
    }

    @Test
    void eachPairIsTheServerOverTheCeilingRunRightBeforeIt() {
        CeilingComparison.Pair p = pair(1000, 900, 0.5, 0.6);
        assertEquals(0.9, p.share(), 1e-9);
        assertEquals(1.2, p.p99Ratio(), 0.01);
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddlePairsNotTheMean() {
        // a drifting machine: one pair far off does not move the median
        CeilingComparison c =
                new CeilingComparison(List.of(pair(1000, 900, 1, 1), pair(1000, 300, 1, 5), pair(1000, 880, 1, 1.1)));
        assertEquals(0.88, c.medianShare(), 1e-9);
        assertEquals(1.1, c.medianP99Ratio(), 0.01);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        CeilingComparison c = new CeilingComparison(
                List.of(pair(1000, 800, 1, 1), pair(1000, 900, 1, 1), pair(1000, 1000, 1, 1), pair(1000, 700, 1, 1)));
        assertEquals(0.85, c.medianShare(), 1e-9);
    }

    @Test
    void aCeilingThatAnsweredNothingGivesNoFigureRatherThanInfinity() {
        CeilingComparison c = new CeilingComparison(List.of(pair(0, 900, 1, 1), pair(1000, 900, 1, 1)));
        assertTrue(Double.isNaN(c.pairs().getFirst().share()));
        assertTrue(Double.isNaN(c.medianShare()));
        assertTrue(Double.isNaN(c.medianP99Ratio()));
    }

    @Test
    void noPairsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CeilingComparison(List.of()));
    }

    @Test
    void theJsonHoldsEveryPairAndTheMedians() {
        ObjectNode json = new CeilingComparison(List.of(pair(1000, 900, 1, 1.2))).toJson();
        assertEquals(1, json.path("pairs").size());
        assertEquals(0.9, json.path("pairs").get(0).path("share").asDouble(), 1e-9);
        assertEquals(
                900,
                json.path("pairs")
                        .get(0)
                        .path("server")
                        .path("results")
                        .path("requests")
                        .asLong());
        assertEquals(0.9, json.path("median_share").asDouble(), 1e-9);
        assertEquals(1.2, json.path("median_p99_ratio").asDouble(), 0.01);
    }
}
