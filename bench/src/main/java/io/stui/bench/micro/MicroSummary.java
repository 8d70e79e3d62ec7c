package io.stui.bench.micro;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleFunction;

/**
 * Turns the JMH results and the C programs' JSON lines of an interleaved micro run into Markdown
 * tables. Every result carries the repeat it belongs to ({@code "repeat"}, 0 when absent); per case
 * and side (native, JeroMQ and C, each with a zero-copy echo and with buffer copies) the table shows the median over the repeats
 * with the range in brackets, the ratios of the medians, and after each ratio the range of the
 * ratios of the runs of the same repeat (the ones taken next to each other).
 */
public final class MicroSummary {
    static final String NATIVE = "NATIVE";
    static final String JEROMQ = "JEROMQ";
    static final String C = "C";
    static final String C_COPY = "C copy";
    static final String NATIVE_COPY = "NATIVE copy";
    static final String JEROMQ_COPY = "JEROMQ copy";
    static final String JAVA = "JAVA";

    private MicroSummary() {}

    /** One row of a table: each side's figure per repeat. */
    static final class Row {
        private final Map<String, TreeMap<Integer, Double>> sides = new LinkedHashMap<>();

        void put(String side, int repeat, double value) {
            if (!Double.isNaN(value)) {
                sides.computeIfAbsent(side, s -> new TreeMap<>()).put(repeat, value);
            }
        }

        List<Double> values(String side) {
            return new ArrayList<>(sides.getOrDefault(side, new TreeMap<>()).values());
        }

        double median(String side) {
            return MicroSummary.median(values(side));
        }

        /** The median, and the range over the repeats when there is more than one. */
        String cell(String side, DoubleFunction<String> format) {
            List<Double> v = values(side);
            if (v.isEmpty()) {
                return "–";
            }
            String median = format.apply(MicroSummary.median(v));
            if (v.size() == 1) {
                return median;
            }
            double min = v.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = v.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            return median + " (" + format.apply(min) + "–" + format.apply(max) + ")";
        }

        /** The ratio of the medians of two sides, and the range of the per-repeat ratios when there are two or more. */
        String ratioCell(String a, String b) {
            String r = ratio(median(a), median(b));
            TreeMap<Integer, Double> va = sides.get(a);
            TreeMap<Integer, Double> vb = sides.get(b);
            if (va == null || vb == null) {
                return r;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int pairs = 0;
            for (Map.Entry<Integer, Double> e : va.entrySet()) {
                Double other = vb.get(e.getKey());
                if (other != null && other != 0) {
                    double q = e.getValue() / other;
                    lo = Math.min(lo, q);
                    hi = Math.max(hi, q);
                    pairs++;
                }
            }
            return pairs < 2 ? r : r + " (" + String.format(Locale.ROOT, "%.2f–%.2f", lo, hi) + ")";
        }
    }

    /**
     * The side of a JMH round trip: the backend, plus " copy" for the copying echo ({@code echo=COPY}).
     * A result without the {@code echo} parameter comes from before it existed, when the echo always copied.
     */
    static String roundTripSide(JsonNode params) {
        String backend = params.path("backend").asText("");
        return "ZEROCOPY".equals(params.path("echo").asText("COPY")) ? backend : backend + " copy";
    }

    /** One round-trip case. */
    record RttKey(String pattern, String transport, int size) {}

    /** One throughput case. */
    record ThrKey(String transport, int size) {}

    /**
     * Builds the Markdown.
     *
     * @param jmh      JMH results ({@code -rf json} objects), each optionally with {@code "repeat"}
     * @param cResults one object per C program run, as printed by the programs, optionally with {@code "repeat"}
     * @param header   lines describing the run (machine, command), put before the tables
     */
    public static String markdown(JsonNode jmh, List<JsonNode> cResults, List<String> header) {
        Map<RttKey, Row> rtt = new LinkedHashMap<>();
        Map<RttKey, Row> rttP50 = new LinkedHashMap<>();
        Map<RttKey, Row> rttMin = new LinkedHashMap<>();
        Map<ThrKey, Row> thr = new LinkedHashMap<>();
        Map<String, Row> inProcess = new LinkedHashMap<>();
        Map<String, Row> downcalls = new LinkedHashMap<>();
        Map<String, String> downcallUnits = new LinkedHashMap<>();
        for (JsonNode b : jmh) {
            String name = b.path("benchmark").asText();
            String simple = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode p = b.path("params");
            String backend = p.path("backend").asText("");
            int repeat = b.path("repeat").asInt(0);
            double score = b.path("primaryMetric").path("score").asDouble(Double.NaN);
            if (name.endsWith("RoundTripBenchmark.roundTrip")) {
                RttKey key = new RttKey(
                        p.path("pattern").asText(),
                        p.path("transport").asText(),
                        p.path("size").asInt());
                String side = roundTripSide(p);
                rtt.computeIfAbsent(key, k -> new Row()).put(side, repeat, score);
                JsonNode percentiles = b.path("primaryMetric").path("scorePercentiles");
                double p50 = percentiles.path("50.0").asDouble(Double.NaN);
                if (!Double.isNaN(p50)) {
                    rttP50.computeIfAbsent(key, k -> new Row()).put(side, repeat, p50);
                }
                // SampleTime's percentile 0 is the fastest sampled round trip.
                double min = percentiles.path("0.0").asDouble(Double.NaN);
                if (!Double.isNaN(min)) {
                    rttMin.computeIfAbsent(key, k -> new Row()).put(side, repeat, min);
                }
            } else if (name.endsWith("ThroughputBenchmark.receive")) {
                thr.computeIfAbsent(
                                new ThrKey(
                                        p.path("transport").asText(),
                                        p.path("size").asInt()),
                                k -> new Row())
                        .put(backend, repeat, score);
            } else if (!backend.isEmpty()) {
                inProcess.computeIfAbsent(simple, k -> new Row()).put(backend, repeat, score);
            } else {
                downcalls.computeIfAbsent(simple, k -> new Row()).put(JAVA, repeat, score);
                downcallUnits.put(
                        simple, b.path("primaryMetric").path("scoreUnit").asText());
            }
        }
        Row cMsgSize = new Row();
        for (JsonNode c : cResults) {
            String program = c.path("program").asText();
            int repeat = c.path("repeat").asInt(0);
            switch (program) {
                case "stui_lat" -> {
                    RttKey key = new RttKey(
                            c.path("pattern").asText().toUpperCase(Locale.ROOT),
                            c.path("transport").asText(),
                            c.path("size").asInt());
                    String side = "copy".equals(c.path("mode").asText()) ? C_COPY : C;
                    rtt.computeIfAbsent(key, k -> new Row())
                            .put(side, repeat, c.path("avg_rtt_us").asDouble(Double.NaN));
                    if (rttP50.containsKey(key)) {
                        rttP50.get(key).put(side, repeat, c.path("p50_rtt_us").asDouble(Double.NaN));
                    }
                    // A line from before min_rtt_us existed leaves C's minimum empty (NaN is not put).
                    if (rttMin.containsKey(key)) {
                        rttMin.get(key).put(side, repeat, c.path("min_rtt_us").asDouble(Double.NaN));
                    }
                }
                case "stui_thr" ->
                    thr.computeIfAbsent(
                                    new ThrKey(
                                            c.path("transport").asText(),
                                            c.path("size").asInt()),
                                    k -> new Row())
                            .put(C, repeat, c.path("msgs_per_s").asDouble(Double.NaN));
                case "stui_inproc" -> {
                    putIfPresent(
                            inProcess,
                            "InProcessBenchmark.sendReceiveInProcess",
                            repeat,
                            c.path("send_receive_inprocess_ns"));
                    putIfPresent(
                            inProcess, "InProcessBenchmark.socketOptionRead", repeat, c.path("getsockopt_events_ns"));
                    cMsgSize.put(C, repeat, c.path("msg_size_ns").asDouble(Double.NaN));
                }
                default -> {
                    // another program's line: not part of these tables
                }
            }
        }

        StringBuilder md = new StringBuilder();
        for (String h : header) {
            md.append(h).append('\n');
        }
        if (!header.isEmpty()) {
            md.append('\n');
        }
        md.append(
                "Each figure is the median over the repeats, with the lowest and highest in brackets. In every repeat "
                        + "the C program and the JMH benchmarks of a case ran one right after the other. A ratio divides the "
                        + "medians; the bracket after it is the range of the ratios of runs from the same repeat.\n\n");
        if (!rttP50.isEmpty()) {
            md.append("### Round-trip latency, median (p50 µs per round trip; lower is better)\n\n")
                    .append("The typical round trip (each run's p50, then the median of those over the repeats): a few "
                            + "round trips stalled by other work on the machine move the mean (next table) a lot and the "
                            + "p50 little. ")
                    .append(RTT_NOTE);
            roundTripTable(md, rttP50);
        }
        if (!rtt.isEmpty()) {
            md.append("### Round-trip latency, mean (µs per round trip; lower is better)\n\n")
                    .append(RTT_NOTE);
            roundTripTable(md, rtt);
        }
        if (!rttMin.isEmpty()) {
            md.append("### Round-trip latency, fastest (minimum µs per round trip)\n\n")
                    .append(MIN_NOTE)
                    .append(RTT_NOTE);
            roundTripTable(md, rttMin);
        }
        if (!thr.isEmpty()) {
            md.append("### PUSH/PULL throughput (messages/s and MB/s, 1 MB = 10^6 B; higher is better)\n\n")
                    .append(
                            "Ratios divide rates: native/JeroMQ above 1 means native is faster; x/C of 0.95 means 95% of "
                                    + "C's rate. MB/s are of the medians. The Java receiver reads each frame in place "
                                    + "(`receive(FrameReader)`, no copy), as `stui_thr`'s `zmq_msg_recv` does.\n\n")
                    .append(
                            "| transport | size | native msg/s | JeroMQ msg/s | C msg/s | native MB/s | JeroMQ MB/s | C MB/s "
                                    + "| native/C | JeroMQ/C | native/JeroMQ |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            thr.forEach((k, v) -> row(
                    md,
                    k.transport(),
                    size(k.size()),
                    v.cell(NATIVE, MicroSummary::rate),
                    v.cell(JEROMQ, MicroSummary::rate),
                    v.cell(C, MicroSummary::rate),
                    mb(v.median(NATIVE), k.size()),
                    mb(v.median(JEROMQ), k.size()),
                    mb(v.median(C), k.size()),
                    v.ratioCell(NATIVE, C),
                    v.ratioCell(JEROMQ, C),
                    v.ratioCell(NATIVE, JEROMQ)));
            md.append('\n');
        }
        if (!inProcess.isEmpty()) {
            md.append("### What the Java side adds (ns per call, same thread, message never leaves the process)\n\n")
                    .append("| benchmark | native ns | JeroMQ ns | C ns | native/C | native/JeroMQ |\n")
                    .append("|---|---|---|---|---|---|\n");
            inProcess.forEach((k, v) -> row(
                    md,
                    k,
                    v.cell(NATIVE, MicroSummary::fmt),
                    v.cell(JEROMQ, MicroSummary::fmt),
                    v.cell(C, MicroSummary::fmt),
                    v.ratioCell(NATIVE, C),
                    v.ratioCell(NATIVE, JEROMQ)));
            md.append('\n');
        }
        if (!downcalls.isEmpty()) {
            md.append("### Single downcalls (`zmq_msg_size`; C: ")
                    .append(cMsgSize.cell(C, MicroSummary::fmt))
                    .append(" ns per call through the PLT)\n\n| benchmark | score | unit | x/C |\n|---|---|---|---|\n");
            downcalls.forEach((k, v) -> row(
                    md,
                    k,
                    v.cell(JAVA, MicroSummary::fmt),
                    downcallUnits.get(k),
                    ratio(v.median(JAVA), cMsgSize.median(C))));
            md.append('\n');
        }
        return md.toString();
    }

    private static final String MIN_NOTE = "The fastest round trip of each run, then the median of those over the "
            + "repeats. On a small VM whose idle vCPUs halt, a round trip waits for threads to be woken, and wake-ups are "
            + "slow: round trips land on a few levels (on the project's 2-vCPU VM, over tcp about 37, 65-70 and "
            + "90-100 µs p50), for C and Java alike, so the median and mean of a short run can swing 2x between "
            + "repeats. The minimum is the cost of the path itself with every thread awake, and compares C and Java "
            + "without those levels. It does not show a typical round trip (the tables above do): it is one sample out "
            + "of many, and JMH's SampleTime times only some of the round trips while `stui_lat` times every one, "
            + "so C's minimum is taken over more round trips.\n\n";

    private static final String RTT_NOTE = "Ratios divide times: native/JeroMQ below 1 means native is faster; x/C of "
            + "1.05 means 5% slower than C. Zero-copy columns (*native*, *JeroMQ*, *C*): the echo sends back the frame it "
            + "received (C: `stui_lat`, `zmq_msg_recv` then `zmq_msg_send` of the same `zmq_msg_t`; Java: "
            + "`ZSocket.forward` to the same socket, which makes those two calls on the native backend) and the client "
            + "looks only at the reply's size (Java: `receive(FrameReader)`). *copy* columns: every frame is copied out "
            + "and sent again from a buffer on both sides (C: `stui_lat ... copy`; Java: `receive(byte[])` and "
            + "`send(byte[])`). Each ratio compares like with like.\n\n";

    private static void roundTripTable(StringBuilder md, Map<RttKey, Row> rows) {
        md.append(
                        "| pattern | transport | size | native µs | JeroMQ µs | C µs | native copy µs | JeroMQ copy µs | C copy µs "
                                + "| native/C | native copy/C copy | JeroMQ/C | native/JeroMQ | native copy/JeroMQ copy |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach((k, v) -> row(
                md,
                k.pattern(),
                k.transport(),
                size(k.size()),
                v.cell(NATIVE, MicroSummary::fmt),
                v.cell(JEROMQ, MicroSummary::fmt),
                v.cell(C, MicroSummary::fmt),
                v.cell(NATIVE_COPY, MicroSummary::fmt),
                v.cell(JEROMQ_COPY, MicroSummary::fmt),
                v.cell(C_COPY, MicroSummary::fmt),
                v.ratioCell(NATIVE, C),
                v.ratioCell(NATIVE_COPY, C_COPY),
                v.ratioCell(JEROMQ, C),
                v.ratioCell(NATIVE, JEROMQ),
                v.ratioCell(NATIVE_COPY, JEROMQ_COPY)));
        md.append('\n');
    }

    private static void putIfPresent(Map<String, Row> rows, String key, int repeat, JsonNode value) {
        if (rows.containsKey(key) && value.isNumber()) {
            rows.get(key).put(C, repeat, value.asDouble());
        }
    }

    /** The median (the mean of the two middle values for an even count); NaN for none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static String size(int bytes) {
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " B";
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String rate(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f", v);
    }

    /** One row of a Markdown table: the cells between pipes. */
    private static void row(StringBuilder md, Object... cells) {
        md.append("| ");
        for (int i = 0; i < cells.length; i++) {
            md.append(i == 0 ? "" : " | ").append(cells[i]);
        }
        md.append(" |\n");
    }

    static String mb(double msgsPerSecond, int size) {
        return Double.isNaN(msgsPerSecond) ? "–" : String.format(Locale.ROOT, "%,.1f", msgsPerSecond * size / 1e6);
    }

    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f", a / b);
    }
}
