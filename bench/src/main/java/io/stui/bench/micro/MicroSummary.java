package io.stui.bench.micro;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns JMH's JSON results and the C programs' JSON lines (measured in the same invocation) into
 * Markdown tables: each case with the native and JeroMQ figures, their ratio, and each Java figure
 * as a ratio to C's.
 */
public final class MicroSummary {
    private MicroSummary() {
    }

    /** One round-trip case. */
    record RttKey(String pattern, String transport, int size) {
    }

    /** One throughput case. */
    record ThrKey(String transport, int size) {
    }

    /** Java figures of one case per backend (NaN when not measured). */
    private static final class Pair {
        double nativeScore = Double.NaN;
        double jeromqScore = Double.NaN;
        double nativeError = Double.NaN;
        double jeromqError = Double.NaN;

        void put(String backend, double score, double error) {
            if ("NATIVE".equals(backend)) {
                nativeScore = score;
                nativeError = error;
            } else if ("JEROMQ".equals(backend)) {
                jeromqScore = score;
                jeromqError = error;
            }
        }

        String nativeText() {
            return withError(nativeScore, nativeError);
        }

        String jeromqText() {
            return withError(jeromqScore, jeromqError);
        }
    }

    /** A score with JMH's 99.9% confidence half-width as a percentage, when JMH gave one. */
    static String withError(double score, double error) {
        if (Double.isNaN(error) || Double.isNaN(score) || score == 0) {
            return fmt(score);
        }
        return fmt(score) + " ±" + Math.round(100 * error / score) + "%";
    }

    static String rateWithError(double score, double error) {
        if (Double.isNaN(error) || Double.isNaN(score) || score == 0) {
            return rate(score);
        }
        return rate(score) + " ±" + Math.round(100 * error / score) + "%";
    }

    /**
     * Builds the Markdown.
     *
     * @param jmh      JMH's result array ({@code -rf json})
     * @param cResults one object per C program run, as printed by {@code stui_lat} / {@code stui_thr}
     * @param header   lines describing the run (machine, command), put before the tables
     */
    public static String markdown(JsonNode jmh, List<JsonNode> cResults, List<String> header) {
        Map<RttKey, Pair> rtt = new LinkedHashMap<>();
        Map<ThrKey, Pair> thr = new LinkedHashMap<>();
        Map<String, Pair> inProcess = new LinkedHashMap<>();
        List<String[]> other = new ArrayList<>();
        for (JsonNode b : jmh) {
            String name = b.path("benchmark").asText();
            String simple = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode p = b.path("params");
            String backend = p.path("backend").asText("");
            double score = b.path("primaryMetric").path("score").asDouble(Double.NaN);
            double error = b.path("primaryMetric").path("scoreError").asDouble(Double.NaN);
            if (name.endsWith("RoundTripBenchmark.roundTrip")) {
                rtt.computeIfAbsent(new RttKey(p.path("pattern").asText(), p.path("transport").asText(),
                        p.path("size").asInt()), k -> new Pair()).put(backend, score, error);
            } else if (name.endsWith("ThroughputBenchmark.receive")) {
                thr.computeIfAbsent(new ThrKey(p.path("transport").asText(), p.path("size").asInt()),
                        k -> new Pair()).put(backend, score, error);
            } else if (!backend.isEmpty()) {
                inProcess.computeIfAbsent(simple, k -> new Pair()).put(backend, score, error);
            } else {
                other.add(new String[] {simple, withError(score, error), b.path("primaryMetric").path("scoreUnit").asText()});
            }
        }
        Map<String, Double> cInProcess = new LinkedHashMap<>();
        Map<RttKey, Double> cRtt = new LinkedHashMap<>();
        Map<ThrKey, Double> cThr = new LinkedHashMap<>();
        for (JsonNode c : cResults) {
            String program = c.path("program").asText();
            if (program.equals("stui_lat")) {
                cRtt.put(new RttKey(c.path("pattern").asText().toUpperCase(Locale.ROOT), c.path("transport").asText(),
                        c.path("size").asInt()), c.path("avg_rtt_us").asDouble(Double.NaN));
            } else if (program.equals("stui_inproc")) {
                cInProcess.put("InProcessBenchmark.sendReceiveInProcess", c.path("send_receive_inprocess_ns").asDouble(Double.NaN));
                cInProcess.put("InProcessBenchmark.socketOptionRead", c.path("getsockopt_events_ns").asDouble(Double.NaN));
                cInProcess.put("msg_size", c.path("msg_size_ns").asDouble(Double.NaN));
            } else if (program.equals("stui_thr")) {
                cThr.put(new ThrKey(c.path("transport").asText(), c.path("size").asInt()),
                        c.path("msgs_per_s").asDouble(Double.NaN));
            }
        }

        StringBuilder md = new StringBuilder();
        for (String h : header) {
            md.append(h).append('\n');
        }
        if (!header.isEmpty()) {
            md.append('\n');
        }
        md.append("Java figures carry JMH's 99.9% confidence half-width (±%); C figures are the median of the runs.\n\n");
        if (!rtt.isEmpty()) {
            md.append("### Round-trip latency (mean µs per round trip; lower is better)\n\n")
                    .append("Ratios divide times: native/JeroMQ below 1 means native is faster; "
                            + "x/C of 1.05 means 5% slower than C.\n\n")
                    .append("| pattern | transport | size | native µs | JeroMQ µs | native/JeroMQ | C µs | native/C | JeroMQ/C |\n")
                    .append("|---|---|---|---|---|---|---|---|---|\n");
            rtt.forEach((k, v) -> {
                double c = cRtt.getOrDefault(k, Double.NaN);
                md.append("| ").append(k.pattern()).append(" | ").append(k.transport()).append(" | ")
                        .append(size(k.size())).append(" | ").append(v.nativeText()).append(" | ")
                        .append(v.jeromqText()).append(" | ").append(ratio(v.nativeScore, v.jeromqScore))
                        .append(" | ").append(fmt(c)).append(" | ").append(ratio(v.nativeScore, c)).append(" | ")
                        .append(ratio(v.jeromqScore, c)).append(" |\n");
            });
            md.append('\n');
        }
        if (!thr.isEmpty()) {
            md.append("### PUSH/PULL throughput (messages/s and MB/s, 1 MB = 10^6 B; higher is better)\n\n")
                    .append("Ratios divide rates: native/JeroMQ above 1 means native is faster; "
                            + "x/C of 0.95 means 95% of C's rate.\n\n")
                    .append("| transport | size | native msg/s | native MB/s | JeroMQ msg/s | JeroMQ MB/s | native/JeroMQ "
                            + "| C msg/s | C MB/s | native/C | JeroMQ/C |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            thr.forEach((k, v) -> {
                double c = cThr.getOrDefault(k, Double.NaN);
                md.append("| ").append(k.transport()).append(" | ").append(size(k.size())).append(" | ")
                        .append(rateWithError(v.nativeScore, v.nativeError)).append(" | ")
                        .append(mb(v.nativeScore, k.size())).append(" | ")
                        .append(rateWithError(v.jeromqScore, v.jeromqError)).append(" | ").append(mb(v.jeromqScore, k.size())).append(" | ")
                        .append(ratio(v.nativeScore, v.jeromqScore)).append(" | ").append(rate(c)).append(" | ")
                        .append(mb(c, k.size())).append(" | ").append(ratio(v.nativeScore, c)).append(" | ")
                        .append(ratio(v.jeromqScore, c)).append(" |\n");
            });
            md.append('\n');
        }
        if (!inProcess.isEmpty()) {
            md.append("### What the Java side adds (ns per call, same thread, message never leaves the process)\n\n")
                    .append("| benchmark | native ns | JeroMQ ns | native/JeroMQ | C ns | native/C |\n")
                    .append("|---|---|---|---|---|---|\n");
            inProcess.forEach((k, v) -> {
                double c = cInProcess.getOrDefault(k, Double.NaN);
                md.append("| ").append(k).append(" | ").append(v.nativeText()).append(" | ")
                        .append(v.jeromqText()).append(" | ").append(ratio(v.nativeScore, v.jeromqScore))
                        .append(" | ").append(fmt(c)).append(" | ").append(ratio(v.nativeScore, c)).append(" |\n");
            });
            md.append('\n');
        }
        if (!other.isEmpty()) {
            double cMsgSize = cInProcess.getOrDefault("msg_size", Double.NaN);
            md.append("### Single downcalls (`zmq_msg_size`; C: ").append(fmt(cMsgSize))
                    .append(" ns per call through the PLT)\n\n| benchmark | score | unit |\n|---|---|---|\n");
            for (String[] o : other) {
                md.append("| ").append(o[0]).append(" | ").append(o[1]).append(" | ").append(o[2]).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
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

    static String mb(double msgsPerSecond, int size) {
        return Double.isNaN(msgsPerSecond) ? "–" : String.format(Locale.ROOT, "%,.1f", msgsPerSecond * size / 1e6);
    }

    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f", a / b);
    }

    /** Case keys of the round-trip benchmark found in a JMH result, for running the matching C programs. */
    static List<RttKey> roundTripCases(JsonNode jmh) {
        List<RttKey> keys = new ArrayList<>();
        for (JsonNode b : jmh) {
            if (b.path("benchmark").asText().endsWith("RoundTripBenchmark.roundTrip")) {
                JsonNode p = b.path("params");
                RttKey k = new RttKey(p.path("pattern").asText(), p.path("transport").asText(), p.path("size").asInt());
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    /** True when JMH ran the in-process or downcall benchmarks, which {@code stui_inproc} matches. */
    static boolean hasInProcessCases(JsonNode jmh) {
        for (JsonNode b : jmh) {
            String name = b.path("benchmark").asText();
            if (name.contains("InProcessBenchmark") || name.contains("DowncallBenchmark")) {
                return true;
            }
        }
        return false;
    }

    /** Case keys of the throughput benchmark found in a JMH result. */
    static List<ThrKey> throughputCases(JsonNode jmh) {
        List<ThrKey> keys = new ArrayList<>();
        for (JsonNode b : jmh) {
            if (b.path("benchmark").asText().endsWith("ThroughputBenchmark.receive")) {
                JsonNode p = b.path("params");
                ThrKey k = new ThrKey(p.path("transport").asText(), p.path("size").asInt());
                if (!keys.contains(k)) {
                    keys.add(Objects.requireNonNull(k));
                }
            }
        }
        return keys;
    }
}
