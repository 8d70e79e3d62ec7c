package io.stui.bench.gate;

import io.stui.bench.load.CeilingComparison;
import io.stui.bench.load.CommandKind;
import io.stui.bench.load.LoadException;
import io.stui.bench.load.LoadGenerator;
import io.stui.bench.load.LoadResult;
import io.stui.protocol.Encoding;
import io.stui.zmq.ZContext;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison with the C ceiling of one gate run (see {@link RatioLoad}), after its retries.
 *
 * @param comparisons    the pairs of the last attempt, by case name, in the gate file's order
 * @param noiseByAttempt the spread of each attempt's pairs (see {@link #noise(CeilingComparison)})
 * @param maxNoise       the spread above which an attempt was not trusted
 */
public record RatioRun(Map<String, CeilingComparison> comparisons, List<Double> noiseByAttempt, double maxNoise) {

    /** Metric name of the ceiling's spread, as thresholds and reports name it. */
    public static final String NOISE = "ceiling_noise";

    public RatioRun {
        comparisons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(comparisons));
        noiseByAttempt = List.copyOf(noiseByAttempt);
    }

    /** The spread of the attempt whose figures are judged (the last one). */
    public double noise() {
        return noiseByAttempt.getLast();
    }

    /** True when even the last attempt was too noisy to trust. */
    public boolean noisy() {
        return !(noise() <= maxNoise);
    }

    /** {@code ping.share}, {@code ping.p99_ratio}, ... (medians over the pairs) and {@link #NOISE}. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        comparisons.forEach((name, c) -> {
            m.put(name + ".share", c.medianShare());
            m.put(name + ".p99_ratio", c.medianP99Ratio());
        });
        m.put(NOISE, noise());
        return m;
    }

    /**
     * How far a comparison's pairs disagree: the larger of the spread of the ceiling's requests/s
     * and the spread of the shares, each (max - min) / median. The ceiling does no work, so on a
     * quiet machine it answers at the same rate in every pair, and the same build keeps the same
     * share; when either moves, the machine's other load moved under the measurement. A real
     * regression moves every pair alike, so it shows in the median, not in the spread.
     */
    public static double noise(CeilingComparison c) {
        return Math.max(
                spread(c.pairs().stream().mapToDouble(p -> p.ceiling().rps()).toArray()),
                spread(c.pairs().stream()
                        .mapToDouble(CeilingComparison.Pair::share)
                        .toArray()));
    }

    private static double spread(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        double median = v[v.length / 2];
        return median > 0 && !Double.isNaN(v[v.length - 1])
                ? (v[v.length - 1] - v[0]) / median
                : Double.POSITIVE_INFINITY;
    }

    /**
     * Runs the comparison: per case, the pairs, ceiling first; again while the ceiling's spread is
     * above {@link RatioLoad#maxNoise()}, up to {@link RatioLoad#attempts()} times.
     *
     * @param code     what evaluate requests of a case without its own code send
     * @param progress where each pair's line is printed as it ends
     */
    public static RatioRun run(
            RatioLoad load,
            String code,
            Duration timeout,
            String serverEndpoint,
            String ceilingEndpoint,
            ZContext context,
            PrintWriter progress)
            throws LoadException, InterruptedException {
        List<Double> noises = new ArrayList<>();
        Map<String, CeilingComparison> comparisons = new LinkedHashMap<>();
        for (int attempt = 1; attempt <= load.attempts(); attempt++) {
            comparisons.clear();
            double noise = 0;
            for (RatioCase rc : load.cases()) {
                CommandKind kind = rc.command();
                String caseCode = rc.code() != null ? rc.code() : code;
                List<CeilingComparison.Pair> pairs = new ArrayList<>();
                for (int i = 0; i < load.pairs(); i++) {
                    LoadResult ceiling = once(load.spec(ceilingEndpoint, true, kind, caseCode, timeout), context);
                    LoadResult server = once(load.spec(serverEndpoint, false, kind, caseCode, timeout), context);
                    CeilingComparison.Pair p = new CeilingComparison.Pair(ceiling, server);
                    pairs.add(p);
                    progress.printf(
                            Locale.ROOT,
                            "  %-13s pair %d: ceiling %.0f req/s, server %.0f req/s, share %.3f, p99 ratio %.2f%n",
                            rc.name(),
                            i + 1,
                            ceiling.rps(),
                            server.rps(),
                            p.share(),
                            p.p99Ratio());
                    progress.flush();
                }
                CeilingComparison c = new CeilingComparison(pairs);
                comparisons.put(rc.name(), c);
                noise = Math.max(noise, noise(c));
            }
            noises.add(noise);
            progress.printf(
                    Locale.ROOT,
                    "  attempt %d: the pairs spread by %.1f%% (trusted up to %.1f%%)%n",
                    attempt,
                    100 * noise,
                    100 * load.maxNoise());
            progress.flush();
            if (noise <= load.maxNoise()) {
                break;
            }
        }
        return new RatioRun(comparisons, noises, load.maxNoise());
    }

    private static LoadResult once(io.stui.bench.load.LoadSpec spec, ZContext context)
            throws LoadException, InterruptedException {
        return new LoadGenerator(spec, context, Encoding.COMMAND).run();
    }

    /** e.g. {@code 31.2%, 12.0%}: each attempt's spread, for reports. */
    public String describeNoise() {
        return String.join(
                ", ",
                Arrays.stream(noiseByAttempt.stream()
                                .mapToDouble(Double::doubleValue)
                                .toArray())
                        .mapToObj(n -> String.format(Locale.ROOT, "%.1f%%", 100 * n))
                        .toList());
    }
}
