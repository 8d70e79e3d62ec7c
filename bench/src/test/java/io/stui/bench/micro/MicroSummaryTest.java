package io.stui.bench.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicroSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A sampled JMH round-trip result with the zero-copy echo; its p50 is 0.8 x the mean, its minimum half the mean. */
    private static String rtt(String backend, int repeat, double score) {
        return rtt(backend, "\"echo\": \"ZEROCOPY\", ", repeat, score);
    }

    /** The same with the copying echo. */
    private static String rttCopy(String backend, int repeat, double score) {
        return rtt(backend, "\"echo\": \"COPY\", ", repeat, score);
    }

    private static String rtt(String backend, String echoParam, int repeat, double score) {
        return """
                {"benchmark": "io.stui.bench.micro.RoundTripBenchmark.roundTrip", "mode": "sample", "repeat": %d,
                 "params": {"backend": "%s", %s"pattern": "REQ_REP", "transport": "tcp", "size": "65536"},
                 "primaryMetric": {"score": %s, "scorePercentiles": {"0.0": %s, "50.0": %s, "100.0": 5000.0},
                                   "scoreUnit": "us/op"}}""".formatted(repeat, backend, echoParam, score, score / 2, score * 0.8);
    }

    /** A stui_lat line; its p50 is the mean minus 10 µs, its minimum half the mean minus 5 µs. */
    private static JsonNode lat(String mode, int repeat, double us) throws Exception {
        return JSON.readTree("{\"program\":\"stui_lat\",\"pattern\":\"req_rep\",\"transport\":\"tcp\",\"size\":65536,"
                + "\"mode\":\"" + mode + "\",\"avg_rtt_us\":" + us + ",\"min_rtt_us\":" + (us / 2 - 5)
                + ",\"p50_rtt_us\":"
                + (us - 10) + ",\"repeat\":" + repeat + "}");
    }

    /** A stui_lat line from before it reported its fastest round trip (no min_rtt_us). */
    private static JsonNode latWithoutMin(String mode, int repeat, double us) throws Exception {
        return JSON.readTree("{\"program\":\"stui_lat\",\"pattern\":\"req_rep\",\"transport\":\"tcp\",\"size\":65536,"
                + "\"mode\":\"" + mode + "\",\"avg_rtt_us\":" + us + ",\"p50_rtt_us\":" + (us - 10) + ",\"repeat\":"
                + repeat + "}");
    }

    /** The part of the Markdown from a heading to the next one. */
    private static String section(String md, String heading) {
        int start = md.indexOf(heading);
        assertTrue(start >= 0, "no section '" + heading + "' in: " + md);
        int end = md.indexOf("\n### ", start);
        return end < 0 ? md.substring(start) : md.substring(start, end);
    }

    @Test
    void roundTripsShowMediansRangesAndRatiosOfMedians() throws Exception {
        // Three repeats. Zero-copy echo: native 110/100/150, JeroMQ 200/220/180, C 100/50/120.
        // Copying echo: native 121/110/165, JeroMQ 242/220/330, C copy 110/100/140.
        JsonNode jmh = JSON.readTree("["
                + String.join(
                        ",",
                        rtt("NATIVE", 1, 110),
                        rtt("JEROMQ", 1, 200),
                        rtt("NATIVE", 2, 100),
                        rtt("JEROMQ", 2, 220),
                        rtt("NATIVE", 3, 150),
                        rtt("JEROMQ", 3, 180),
                        rttCopy("NATIVE", 1, 121),
                        rttCopy("JEROMQ", 1, 242),
                        rttCopy("NATIVE", 2, 110),
                        rttCopy("JEROMQ", 2, 220),
                        rttCopy("NATIVE", 3, 165),
                        rttCopy("JEROMQ", 3, 330))
                + "]");
        List<JsonNode> c = List.of(
                lat("zerocopy", 1, 100),
                lat("copy", 1, 110),
                lat("zerocopy", 2, 50),
                lat("copy", 2, 100),
                lat("zerocopy", 3, 120),
                lat("copy", 3, 140));
        String md = MicroSummary.markdown(jmh, c, List.of("## header"));
        assertTrue(md.startsWith("## header\n"), md);
        // medians: native 110, JeroMQ 200, C 100; native copy 121, JeroMQ copy 242, C copy 110.
        // native/C = 1.10, per repeat 1.10 / 2.00 / 1.25; native copy/C copy = 1.10, per repeat 1.10 / 1.10 / 1.18;
        // JeroMQ/C = 2.00, per repeat 2.00 / 4.40 / 1.50; native/JeroMQ = 0.55, per repeat 0.55 / 0.45 / 0.83;
        // native copy/JeroMQ copy = 0.50 in every repeat.
        assertTrue(
                md.contains(
                        "| REQ_REP | tcp | 64 KiB | 110.0 (100.0–150.0) | 200.0 (180.0–220.0) | 100.0 (50.0–120.0) "
                                + "| 121.0 (110.0–165.0) | 242.0 (220.0–330.0) | 110.0 (100.0–140.0) "
                                + "| 1.10 (1.10–2.00) | 1.10 (1.10–1.18) | 2.00 (1.50–4.40) | 0.55 (0.45–0.83) | 0.50 (0.50–0.50) |"),
                md);
        // p50s: native 88/80/120, JeroMQ 160/176/144, C 90/40/110, native copy 96.8/88/132, JeroMQ copy 193.6/176/264,
        // C copy 100/90/130. native/C = 88/90 = 0.98, per repeat 0.98 / 2.00 / 1.09.
        assertTrue(
                md.contains("| REQ_REP | tcp | 64 KiB | 88.0 (80.0–120.0) | 160.0 (144.0–176.0) | 90.0 (40.0–110.0) "
                        + "| 96.8 (88.0–132.0) | 193.6 (176.0–264.0) | 100.0 (90.0–130.0) | 0.98 (0.98–2.00) |"),
                md);
        assertTrue(md.contains("`ZSocket.forward`"), "the note says what the zero-copy echo is: " + md);
        // The median table comes first.
        assertTrue(md.indexOf("median (p50") < md.indexOf("mean (µs"), md);

        // Minimums: native 55/50/75, JeroMQ 100/110/90, C 45/20/55, native copy 60.5/55/82.5,
        // JeroMQ copy 121/110/165, C copy 50/45/65. native/C = 55/45 = 1.22, per repeat 1.22 / 2.50 / 1.36;
        // native copy/C copy = 60.5/50 = 1.21, per repeat 1.21 / 1.22 / 1.27; JeroMQ/C = 100/45 = 2.22, per repeat
        // 2.22 / 5.50 / 1.64; native/JeroMQ = 0.55, per repeat 0.55 / 0.45 / 0.83; native copy/JeroMQ copy = 0.50.
        String fastest = section(md, "### Round-trip latency, fastest (minimum µs per round trip)");
        assertTrue(
                fastest.contains(
                        "| REQ_REP | tcp | 64 KiB | 55.0 (50.0–75.0) | 100.0 (90.0–110.0) | 45.0 (20.0–55.0) "
                                + "| 60.5 (55.0–82.5) | 121.0 (110.0–165.0) | 50.0 (45.0–65.0) "
                                + "| 1.22 (1.22–2.50) | 1.21 (1.21–1.27) | 2.22 (1.64–5.50) | 0.55 (0.45–0.83) | 0.50 (0.50–0.50) |"),
                fastest);
        // The paragraph says why the minimum is shown and what it is not.
        assertTrue(
                fastest.contains("every thread awake") && fastest.contains("does not show a typical round trip"),
                fastest);
        // It is the third round-trip table; the other two keep their own figures.
        assertTrue(md.indexOf("mean (µs") < md.indexOf("fastest (minimum"), md);
        assertTrue(!section(md, "### Round-trip latency, mean").contains("55.0 (50.0–75.0)"), md);
    }

    @Test
    void aCResultWithoutItsMinimumLoadsAndLeavesCsMinimumEmpty() throws Exception {
        JsonNode jmh = JSON.readTree("[" + String.join(",", rtt("NATIVE", 1, 100), rtt("JEROMQ", 1, 200)) + "]");
        String md = MicroSummary.markdown(jmh, List.of(latWithoutMin("zerocopy", 1, 80)), List.of());
        // The old line still counts for the mean and the median ...
        assertTrue(
                section(md, "### Round-trip latency, mean")
                        .contains(
                                "| REQ_REP | tcp | 64 KiB | 100.0 | 200.0 | 80.0 | – | – | – | 1.25 | – | 2.50 | 0.50 | – |"),
                md);
        assertTrue(
                section(md, "### Round-trip latency, median")
                        .contains(
                                "| REQ_REP | tcp | 64 KiB | 80.0 | 160.0 | 70.0 | – | – | – | 1.14 | – | 2.29 | 0.50 | – |"),
                md);
        // ... and gives no minimum: C's column and every ratio to C stay empty, native/JeroMQ is still there.
        assertTrue(
                section(md, "### Round-trip latency, fastest")
                        .contains("| REQ_REP | tcp | 64 KiB | 50.0 | 100.0 | – | – | – | – | – | – | – | 0.50 | – |"),
                md);
    }

    @Test
    void throughputInProcessAndDowncallTables() throws Exception {
        JsonNode jmh = JSON.readTree("""
                [{"benchmark": "io.stui.bench.micro.ThroughputBenchmark.receive", "mode": "thrpt",
                  "params": {"backend": "NATIVE", "transport": "inproc", "size": "65536"},
                  "primaryMetric": {"score": 95000.0, "scoreUnit": "ops/s"}},
                 {"benchmark": "io.stui.bench.micro.ThroughputBenchmark.receive", "mode": "thrpt",
                  "params": {"backend": "JEROMQ", "transport": "inproc", "size": "65536"},
                  "primaryMetric": {"score": 50000.0, "scoreUnit": "ops/s"}},
                 {"benchmark": "io.stui.bench.micro.InProcessBenchmark.sendReceiveInProcess", "mode": "avgt",
                  "params": {"backend": "NATIVE"}, "primaryMetric": {"score": 200.0, "scoreUnit": "ns/op"}},
                 {"benchmark": "io.stui.bench.micro.InProcessBenchmark.sendReceiveInProcess", "mode": "avgt",
                  "params": {"backend": "JEROMQ"}, "primaryMetric": {"score": 50.0, "scoreUnit": "ns/op"}},
                 {"benchmark": "io.stui.bench.micro.DowncallBenchmark.msgSizeGeneratedBinding", "mode": "avgt",
                  "primaryMetric": {"score": 7.5, "scoreUnit": "ns/op"}}]
                """);
        List<JsonNode> c = List.of(
                JSON.readTree(
                        "{\"program\":\"stui_inproc\",\"send_receive_inprocess_ns\":100.0,\"getsockopt_events_ns\":600.0,\"msg_size_ns\":4.0}"),
                JSON.readTree(
                        "{\"program\":\"stui_thr\",\"pattern\":\"push_pull\",\"transport\":\"inproc\",\"size\":65536,\"msgs_per_s\":100000.0}"));
        String md = MicroSummary.markdown(jmh, c, List.of());
        // One run each (an older jmh.json without "repeat"): no brackets. 95,000 msg/s of 64 KiB = 6,225.9 MB/s.
        assertTrue(
                md.contains(
                        "| inproc | 64 KiB | 95,000 | 50,000 | 100,000 | 6,225.9 | 3,276.8 | 6,553.6 | 0.95 | 0.50 | 1.90 |"),
                md);
        assertTrue(md.contains("| InProcessBenchmark.sendReceiveInProcess | 200.0 | 50.0 | 100.0 | 2.00 | 4.00 |"), md);
        // socketOptionRead was not measured by JMH: the C figure alone makes no row.
        assertTrue(!md.contains("socketOptionRead"), md);
        assertTrue(md.contains("`zmq_msg_size`; C: 4.000 ns"), md);
        assertTrue(md.contains("| DowncallBenchmark.msgSizeGeneratedBinding | 7.500 | ns/op | 1.88 |"), md);
    }

    @Test
    void aSideMissingInARepeatIsLeftOutOfThatRepeatsRatio() throws Exception {
        List<String> runs =
                new ArrayList<>(List.of(rtt("NATIVE", 1, 100), rtt("NATIVE", 2, 300), rtt("NATIVE", 3, 200)));
        JsonNode jmh = JSON.readTree("[" + String.join(",", runs) + "]");
        // C ran in repeats 1 and 3 only: paired ratios 100/100 and 200/100.
        String md = MicroSummary.markdown(jmh, List.of(lat("zerocopy", 1, 100), lat("zerocopy", 3, 100)), List.of());
        assertTrue(
                md.contains("| REQ_REP | tcp | 64 KiB | 200.0 (100.0–300.0) | – | 100.0 (100.0–100.0) | – | – | – "
                        + "| 2.00 (1.00–2.00) | – | – | – | – |"),
                md);
    }

    @Test
    void aRoundTripWithoutTheEchoParameterCountsAsTheCopyingEcho() throws Exception {
        // jmh.json from before the echo parameter: the echo copied then.
        JsonNode jmh = JSON.readTree("[" + rtt("NATIVE", "", 0, 50) + "]");
        String md = MicroSummary.markdown(jmh, List.of(lat("copy", 0, 40)), List.of());
        assertTrue(md.contains("| REQ_REP | tcp | 64 KiB | – | – | – | 50.0 | – | 40.0 | – | 1.25 | – | – | – |"), md);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, MicroSummary.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(3.0, MicroSummary.median(List.of(5.0, 3.0, 1.0)));
        assertTrue(Double.isNaN(MicroSummary.median(List.of())));
    }

    @Test
    void aMissingFigureShowsAsADash() {
        assertEquals("–", MicroSummary.ratio(Double.NaN, 2));
        assertEquals("–", MicroSummary.ratio(1, 0));
        assertEquals("1 KiB", MicroSummary.size(1024));
        assertEquals("256 B", MicroSummary.size(256));
    }
}
