package io.stui.bench.gate;

import io.stui.bench.load.LoadResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures a gate judges when its load runs in several rounds: for each rate or latency the
 * median over the rounds, so that one round hit by a noisy neighbour (a shared CI machine) does not
 * decide alone; counts (requests, errors) add up over all rounds, so a single error anywhere
 * still counts; the client count is the smallest.
 */
public final class RoundMetrics {
    private static final Set<String> SUMMED = Set.of("requests", "errors");

    private RoundMetrics() {}

    /** The judged figures of the rounds' metric maps. */
    public static Map<String, Double> judge(List<Map<String, Double>> rounds) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Map<String, Double> round : rounds) {
            round.forEach(
                    (k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        Map<String, Double> judged = new LinkedHashMap<>();
        values.forEach((k, vs) -> {
            if (SUMMED.contains(k) || k.endsWith(".requests")) {
                judged.put(k, vs.stream().mapToDouble(Double::doubleValue).sum());
            } else if (k.equals("clients")) {
                judged.put(k, vs.stream().mapToDouble(Double::doubleValue).min().orElse(0));
            } else {
                judged.put(k, median(vs));
            }
        });
        return judged;
    }

    /** Metric maps of load results. */
    public static List<Map<String, Double>> of(List<LoadResult> rounds) {
        return rounds.stream().map(LoadResult::metrics).toList();
    }

    /** The median; for an even count, the upper middle value (the more pessimistic for latencies). */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
