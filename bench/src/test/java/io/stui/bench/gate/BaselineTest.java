package io.stui.bench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    private static Map<String, Double> run(double ping, double evaluate, double p99Ratio, double rss) {
        return Map.of(
                "ping.share",
                ping,
                "evaluate.share",
                evaluate,
                "ping.p99_ratio",
                p99Ratio,
                "server_peak_rss_mib",
                rss,
                "rps",
                200.0);
    }

    @Test
    void eachFigureIsTheMedianOfTheRunsAndItsToleranceTheirSpread() {
        Baseline b = Baseline.fromRuns(
                List.of(run(0.90, 0.80, 1.2, 90), run(0.95, 0.88, 1.1, 92), run(0.93, 0.86, 1.5, 91)),
                JsonNodeFactory.instance.objectNode());
        Baseline.Figure ping = b.figures().get("ping.share");
        assertEquals(0.93, ping.value(), 1e-9);
        // the runs spread by 0.05, less than the 20% of a share a few runs may understate
        assertEquals(0.186, ping.tolerance(), 1e-9);
        assertEquals("ping.share >= 0.744", ping.threshold().describe());
        assertTrue(ping.threshold().baseline());
        // lower is better for latency ratios and memory: the limit is above the baseline
        // a p99 ratio keeps at least half of itself: 1.2 + 0.6
        assertEquals(
                "ping.p99_ratio <= 1.800",
                b.figures().get("ping.p99_ratio").threshold().describe());
        // a spread smaller than 8% of the figure still leaves 8%
        assertEquals(7.28, b.figures().get("server_peak_rss_mib").tolerance(), 1e-9);
        assertFalse(b.figures().containsKey("rps"), "only ratios and memory are baseline figures");
        assertFalse(b.figures().containsKey("evaluate.p99_ratio"), "a figure the runs did not measure is left out");
    }

    @Test
    void aNamedLoadOfTheGateFileIsHeldLikeTheOthers() {
        Map<String, Double> run = new java.util.HashMap<>(run(0.93, 0.88, 1.1, 90));
        run.put("evaluate_loop.share", 0.5);
        run.put("evaluate_loop.p99_ratio", 2.8);
        Baseline b = Baseline.fromRuns(List.of(run, run, run), JsonNodeFactory.instance.objectNode());
        assertEquals(
                "evaluate_loop.share >= 0.400",
                b.figures().get("evaluate_loop.share").threshold().describe());
        assertEquals(
                "evaluate_loop.p99_ratio <= 4.200",
                b.figures().get("evaluate_loop.p99_ratio").threshold().describe());
        // an interpreter twice as slow: about half of each request doubles, the share falls to about a third
        GateEvaluator.Verdict v = GateEvaluator.evaluate(b.thresholds(), with(run, "evaluate_loop.share", 0.34));
        assertEquals(
                List.of("evaluate_loop.share"),
                v.misses().stream().map(c -> c.threshold().metric()).toList());
    }

    private static Map<String, Double> with(Map<String, Double> run, String metric, double value) {
        Map<String, Double> m = new java.util.HashMap<>(run);
        m.put(metric, value);
        return m;
    }

    @Test
    void halfTheEvaluationRateMissesTheBaselineAndNamesTheFigure() {
        Baseline b = Baseline.fromRuns(
                List.of(run(0.93, 0.88, 1.1, 90), run(0.95, 0.86, 1.2, 91), run(0.90, 0.84, 1.3, 92)),
                JsonNodeFactory.instance.objectNode());
        GateEvaluator.Verdict v = GateEvaluator.evaluate(b.thresholds(), run(0.94, 0.43, 1.2, 91));
        assertEquals(GateOutcome.MISS, v.outcome());
        assertEquals(
                List.of("evaluate.share"),
                v.misses().stream().map(c -> c.threshold().metric()).toList());
        assertTrue(v.misses().getFirst().threshold().why().contains("baseline 0.86"), v.toString());
    }

    @Test
    void writesAFileThatReadsBackToTheSameChecks(@TempDir Path dir) throws Exception {
        Baseline b = Baseline.fromRuns(
                List.of(run(0.90, 0.80, 1.2, 90), run(0.95, 0.88, 1.1, 92)), JsonNodeFactory.instance.objectNode());
        Path file = dir.resolve("baseline.json");
        b.write(file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"rule\""), text);
        assertTrue(text.contains("\"better\" : \"higher\""), text);
        Baseline back = Baseline.read(file);
        assertEquals(b.thresholds(), back.thresholds());
    }

    @Test
    void refusesAMissingOrMalformedFileWithWhatToDo(@TempDir Path dir) throws Exception {
        GateConfigException missing =
                assertThrows(GateConfigException.class, () -> Baseline.read(dir.resolve("none.json")));
        assertTrue(missing.getMessage().contains("stui bench baseline"), missing.getMessage());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"figures\": {\"ping.speed\": {\"baseline\": 1, \"tolerance\": 0.1}}}");
        GateConfigException unknown = assertThrows(GateConfigException.class, () -> Baseline.read(bad));
        assertTrue(unknown.getMessage().contains("unknown figure \"ping.speed\""), unknown.getMessage());
        Files.writeString(bad, "{\"figures\": {\"ping.share\": {\"baseline\": 1, \"tolerance\": -0.1}}}");
        assertThrows(GateConfigException.class, () -> Baseline.read(bad));
    }

    @Test
    void theCheckedInBaselineReads() throws Exception {
        Baseline b = Baseline.read(Path.of("baseline.json")); // surefire runs in the module directory
        assertTrue(b.figures().containsKey("ping.share"));
        assertTrue(b.figures().containsKey("evaluate.share"));
        assertTrue(b.figures().containsKey("server_peak_rss_mib"));
        b.figures().values().forEach(f -> assertTrue(f.tolerance() > 0, f.toString()));
    }
}
