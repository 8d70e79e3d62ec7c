package io.stui.bench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures a commit is held to ({@code bench/baseline.json}): ratios to the C ceiling measured in
 * the same run, and the server's peak resident memory, each with the tolerance it may lose before
 * the gate fails. {@code stui bench baseline} writes it from repeated runs: each figure is the
 * median of the runs, its tolerance the spread of the runs (max - min), at least
 * {@link #minTolerance} of the figure, so a tolerance is what the machine's own noise did to the
 * same build, and a regression has to be larger than that to fail.
 *
 * @param figures  by metric name, e.g. {@code evaluate.share}
 * @param measured how and where the figures were measured (kept as written, for people)
 */
public record Baseline(Map<String, Figure> figures, ObjectNode measured) {

    /**
     * Which way a figure is better: true for a share of the ceiling ({@code <load>.share}), false for a p99
     * ratio ({@code <load>.p99_ratio}) and for memory; null for a figure a baseline does not hold.
     */
    public static Boolean higherIsBetter(String metric) {
        if (metric.equals("server_peak_rss_mib") || metric.endsWith(".p99_ratio")) {
            return false;
        }
        return metric.endsWith(".share") ? true : null;
    }

    /**
     * Smallest tolerance, as a share of the figure: a few runs understate the spread. On this machine, quiet, the
     * 3-pair medians of the gate runs of one day (2026-12-05) reached 11-13% below the median of three runs in a
     * row (evaluate 0.736 against 0.820, evaluate_loop 0.479 against 0.541), while those three spread by 2-6%; 20% keeps a margin over that and still fails an evaluator made 2x slower (evaluate_loop 0.379 against 0.433); a p99 over 2.5 s moves with any scheduling hiccup, and its
     * ratio went from 1.1 to 2.3 between runs of one build. Memory is steadier within a series (92.0-92.3 MiB) but moved by 5 MiB between series.
     */
    public static double minTolerance(String metric) {
        if (metric.endsWith(".p99_ratio")) {
            return 0.5;
        }
        return metric.endsWith(".share") ? 0.20 : 0.08;
    }

    /**
     * One figure.
     *
     * @param value          the baseline (median of the runs)
     * @param tolerance      how much worse than {@code value} still passes
     * @param higherIsBetter true for shares, false for latency ratios and memory
     * @param runs           the runs it was set from
     */
    public record Figure(String metric, double value, double tolerance, boolean higherIsBetter, List<Double> runs) {
        public Figure {
            runs = List.copyOf(runs);
        }

        /** The check this figure makes: at least value - tolerance, or at most value + tolerance. */
        public Threshold threshold() {
            double limit = higherIsBetter ? value - tolerance : value + tolerance;
            String why = String.format(
                    Locale.ROOT,
                    "baseline %s %s tolerance %s",
                    GateFormat.number(value),
                    higherIsBetter ? "-" : "+",
                    GateFormat.number(tolerance));
            return new Threshold(
                    metric,
                    higherIsBetter ? Threshold.Comparator.AT_LEAST : Threshold.Comparator.AT_MOST,
                    round(limit),
                    why,
                    true);
        }
    }

    public Baseline {
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** The checks of every figure. */
    public List<Threshold> thresholds() {
        return figures.values().stream().map(Figure::threshold).toList();
    }

    /**
     * A baseline from the judged figures of repeated gate runs: the median of each figure the runs
     * all measured, its tolerance their range, at least {@link #minTolerance} of the median.
     */
    public static Baseline fromRuns(List<Map<String, Double>> runs, ObjectNode measured) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a baseline needs at least one run");
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        runs.getFirst().keySet().forEach(metric -> {
            Boolean higher = higherIsBetter(metric);
            if (higher == null) {
                return; // a floor, not a figure held to a baseline
            }
            List<Double> values = new ArrayList<>();
            for (Map<String, Double> run : runs) {
                Double v = run.get(metric);
                if (v == null || v.isNaN()) {
                    return; // not measured by this configuration
                }
                values.add(v);
            }
            List<Double> sorted = values.stream().sorted().toList();
            double median = sorted.size() % 2 == 1
                    ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            double range = sorted.getLast() - sorted.getFirst();
            double tolerance = Math.max(range, minTolerance(metric) * Math.abs(median));
            figures.put(metric, new Figure(metric, round(median), round(tolerance), higher, values));
        });
        return new Baseline(figures, measured);
    }

    /** Three significant digits: more would claim a precision the runs do not have. */
    static double round(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue();
    }

    /** Reads a baseline file; a missing or malformed one is refused with what to do. */
    public static Baseline read(Path file) throws GateConfigException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new GateConfigException("baseline " + file + " does not exist; write one with "
                    + "`stui bench baseline --config <gate file>` on a quiet machine");
        } catch (IOException e) {
            throw new GateConfigException("cannot read baseline " + file + ": " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode top) || !(top.get("figures") instanceof ObjectNode list)) {
            throw new GateConfigException(file + ": a baseline is an object with a \"figures\" object");
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String metric = e.getKey();
            Boolean higher = higherIsBetter(metric);
            if (higher == null) {
                throw new GateConfigException(file + ": unknown figure \"" + metric
                        + "\" (known: <load>.share, <load>.p99_ratio, server_peak_rss_mib)");
            }
            JsonNode f = e.getValue();
            if (!f.path("baseline").isNumber() || !f.path("tolerance").isNumber()) {
                throw new GateConfigException(
                        file + ": figure \"" + metric + "\" needs numbers \"baseline\" and " + "\"tolerance\"");
            }
            double tolerance = f.get("tolerance").asDouble();
            if (tolerance < 0) {
                throw new GateConfigException(file + ": figure \"" + metric + "\" has a negative tolerance");
            }
            List<Double> runs = new ArrayList<>();
            f.path("runs").forEach(r -> runs.add(r.asDouble()));
            figures.put(metric, new Figure(metric, f.get("baseline").asDouble(), tolerance, higher, runs));
        }
        if (figures.isEmpty()) {
            throw new GateConfigException(file + ": the baseline holds no figure");
        }
        JsonNode measured = top.get("measured");
        return new Baseline(figures, measured instanceof ObjectNode m ? m : new ObjectMapper().createObjectNode());
    }

    /** Writes this baseline, with the rule its tolerances follow written next to them. */
    public void write(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put(
                "description",
                "What `stui bench gate` holds a commit to: ratios to the C ceiling measured in the same run "
                        + "(share = the server's requests/s over the ceiling's; p99_ratio = the server's p99 over the "
                        + "ceiling's) and the server's peak resident memory. A figure fails the gate when it is worse "
                        + "than its baseline by more than its tolerance.");
        root.put(
                "rule",
                "baseline = the median of the runs; tolerance = the range of the runs (max - min), at least "
                        + "20% of a share, 50% of a p99 ratio and 8% of memory (a few runs understate the spread "
                        + "this machine shows over a day): the spread the same build showed on the same machine. "
                        + "Rewrite with `stui bench baseline` in a commit that means to move it.");
        root.set("measured", measured);
        ObjectNode list = root.putObject("figures");
        figures.forEach((metric, f) -> {
            ObjectNode n = list.putObject(metric);
            n.put("baseline", f.value());
            n.put("tolerance", f.tolerance());
            n.put("better", f.higherIsBetter() ? "higher" : "lower");
            n.put("limit", f.threshold().limit());
            ArrayNode runs = n.putArray("runs");
            f.runs().forEach(r -> runs.add(round(r)));
        });
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, mapper.writeValueAsString(root) + "\n");
    }
}
