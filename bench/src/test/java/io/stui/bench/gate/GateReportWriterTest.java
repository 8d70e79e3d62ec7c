package io.stui.bench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stui.bench.load.CommandKind;
import io.stui.bench.load.CommandMix;
import io.stui.bench.load.LatencyRecorder;
import io.stui.bench.load.LoadResult;
import io.stui.bench.load.LoadSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateReportWriterTest {
    private static final long MS = 1_000_000;

    private static LoadResult result() {
        LoadSpec spec = new LoadSpec(
                "tcp://127.0.0.1:5555",
                5,
                LoadSpec.SocketKind.REQ,
                1,
                300,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                0,
                CommandMix.parse("ping=1,evaluate=1"),
                "3 + 4",
                Duration.ofSeconds(2),
                false);
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 0; i < 1000; i++) {
            r.record(CommandKind.PING, 0, 0, MS / 2 + i * 1000L);
            r.record(CommandKind.EVALUATE, 0, 0, 2 * MS + i * 20_000L);
        }
        r.recordError();
        return LoadResult.of(spec, 10.0, r);
    }

    @Test
    void writesJsonMarkdownAndAChart(@TempDir Path dir) throws Exception {
        LoadResult res = result();
        GateEvaluator.Verdict verdict = GateEvaluator.evaluate(
                List.of(
                        new Threshold("rps", Threshold.Comparator.ABOVE, 100, "more than 100 requests/s"),
                        new Threshold("errors", Threshold.Comparator.AT_MOST, 0, "zero errors")),
                res.metrics());
        GateReport report = new GateReport(
                verdict.outcome(),
                Instant.parse("2026-01-01T00:00:00Z"),
                "test server",
                res,
                List.of(res),
                res.metrics(),
                verdict,
                "first error: ping timed out",
                42.5,
                null);

        List<Path> files = GateReportWriter.write(report, dir.resolve("out"));

        assertEquals(4, files.size());
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertEquals("miss", json.path("outcome").asText());
        assertEquals(1, json.path("exit_code").asInt());
        assertEquals(2000, json.path("results").path("requests").asLong());
        assertEquals(200.0, json.path("results").path("rps").asDouble(), 1e-9);
        assertEquals(1, json.path("results").path("errors").asLong());
        assertEquals(
                1000,
                json.path("results")
                        .path("by_command")
                        .path("evaluate")
                        .path("count")
                        .asLong());
        assertEquals(42.5, json.path("server_rss_mb").asDouble());
        assertTrue(json.path("checks").get(0).path("passed").asBoolean());
        assertFalse(json.path("checks").get(1).path("passed").asBoolean());
        assertEquals("<=", json.path("checks").get(1).path("comparator").asText());

        String md = Files.readString(dir.resolve("out/report.md"));
        assertTrue(md.startsWith("## STUI performance gate: MISS"), md);
        assertTrue(md.contains("| errors (zero errors) | <= 0 | 1 | **MISS** |"), md);
        assertTrue(md.contains("| rps (more than 100 requests/s) | > 100 | 200 | pass |"), md);
        assertTrue(md.contains("| evaluate | 1000 |"), md);

        String junit = Files.readString(dir.resolve("out/junit.xml"));
        assertTrue(junit.contains("tests=\"2\" failures=\"1\""), junit);
        assertTrue(junit.contains("<testcase classname=\"stui.gate.floors\" name=\"rps &gt; 100\">"), junit);
        assertTrue(junit.contains("<failure message=\"errors measured 1, limit &lt;= 0 (zero errors)\"/>"), junit);

        byte[] png = Files.readAllBytes(dir.resolve("out/latency.png"));
        assertTrue(png.length > 1000);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertEquals('N', png[2]);
        assertEquals('G', png[3]);
    }

    @Test
    void aBrokenRunSaysWhyAndLeavesNoStaleChart(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(GateReportWriter.CHART), "old chart");
        GateReport report = GateReport.broken(Instant.now(), "(did not start)", "the STUI server exited with code 1");
        List<Path> files = GateReportWriter.write(report, dir);
        assertEquals(3, files.size());
        assertFalse(Files.exists(dir.resolve(GateReportWriter.CHART)));
        String junit = Files.readString(dir.resolve(GateReportWriter.JUNIT));
        assertTrue(junit.contains("errors=\"1\""), junit);
        assertTrue(junit.contains("<error message=\"the STUI server exited with code 1\"/>"), junit);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals("broken", json.path("outcome").asText());
        assertEquals(2, json.path("exit_code").asInt());
        assertEquals("the STUI server exited with code 1", json.path("problem").asText());
        assertTrue(Files.readString(dir.resolve("report.md")).contains("BROKEN"));
    }

    @Test
    void chartLabelsNameThePercentiles() {
        assertEquals("0%", LatencyChart.percentileLabel(0));
        assertEquals("50%", LatencyChart.percentileLabel(LatencyChart.ninesOf(50)));
        assertEquals("90%", LatencyChart.percentileLabel(1));
        assertEquals("99%", LatencyChart.percentileLabel(2));
        assertEquals("99.9%", LatencyChart.percentileLabel(3));
        assertEquals("99.99%", LatencyChart.percentileLabel(4));
        for (double p : LatencyChart.TICKS) {
            assertEquals(
                    LatencyChart.percentileLabel(LatencyChart.ninesOf(p)),
                    (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%");
        }
    }

    /**
     * A miss of a latency limit and of a baseline figure, drawn where a person can look at it
     * ({@code target/gate-chart-sample/latency.png}): the limits as dashed lines, the misses in red.
     */
    @Test
    void aMissIsVisibleOnTheChart() throws Exception {
        LoadResult res = result();
        Map<String, Double> judged = new java.util.HashMap<>(res.metrics());
        judged.put("evaluate.share", 0.43);
        judged.put("server_peak_rss_mib", 91.0);
        GateEvaluator.Verdict verdict = GateEvaluator.evaluate(
                List.of(
                        new Threshold("ping.p99_ms", Threshold.Comparator.BELOW, 1, "ping p99 under 1 ms"),
                        new Threshold("evaluate.p99_ms", Threshold.Comparator.BELOW, 100, "evaluation p99"),
                        new Threshold("p95_ms", Threshold.Comparator.BELOW, 50, "p95 under 50 ms"),
                        new Threshold("evaluate.share", Threshold.Comparator.AT_LEAST, 0.78, "baseline 0.86", true),
                        new Threshold("server_peak_rss_mib", Threshold.Comparator.BELOW, 100, "under 100 MB")),
                judged);
        GateReport report = new GateReport(
                verdict.outcome(), Instant.now(), "test server", res, List.of(res), judged, verdict, null, 91, null);
        Path dir = Path.of("target", "gate-chart-sample");
        List<Path> files = GateReportWriter.write(report, dir);
        assertTrue(files.contains(dir.resolve(GateReportWriter.CHART)));
        assertEquals(
                List.of("ping.p99_ms", "evaluate.share"),
                verdict.misses().stream().map(c -> c.threshold().metric()).toList());
        java.awt.image.BufferedImage img =
                javax.imageio.ImageIO.read(dir.resolve(GateReportWriter.CHART).toFile());
        int red = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if (img.getRGB(x, y) == 0xFFD01010) {
                    red++;
                }
            }
        }
        assertTrue(red > 200, "the misses are drawn in red: " + red + " red pixels");
    }
}
