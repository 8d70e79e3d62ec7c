package io.stui.bench.load;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one load run measured, over its measurement window (warm-up excluded).
 *
 * @param spec          the load that ran
 * @param seconds       length of the measurement window
 * @param requests      answered requests in the window
 * @param errors        failed requests in the window (error answers, timeouts, bad replies)
 * @param response      response times, corrected for coordinated omission
 * @param service       service times (from the actual send)
 * @param responseByKind response times per request kind
 * @param histogram     the raw response-time histogram (nanoseconds), for charts
 * @param histogramByKind raw response-time histograms per kind
 * @param serviceHistogram the raw service-time histogram (nanoseconds)
 */
public record LoadResult(
        LoadSpec spec,
        double seconds,
        long requests,
        long errors,
        LatencyStats response,
        LatencyStats service,
        Map<CommandKind, LatencyStats> responseByKind,
        Histogram histogram,
        Map<CommandKind, Histogram> histogramByKind,
        Histogram serviceHistogram) {

    /** Summarises a recorder after a run whose measurement window lasted {@code seconds}. */
    public static LoadResult of(LoadSpec spec, double seconds, LatencyRecorder recorder) {
        Map<CommandKind, Histogram> byKind = recorder.responseTimesByKind();
        Map<CommandKind, LatencyStats> stats = new EnumMap<>(CommandKind.class);
        byKind.forEach((k, h) -> stats.put(k, LatencyStats.of(h)));
        Histogram total = recorder.responseTimes();
        Histogram service = recorder.serviceTimes();
        return new LoadResult(
                spec,
                seconds,
                total.getTotalCount(),
                recorder.errors(),
                LatencyStats.of(total),
                LatencyStats.of(service),
                Collections.unmodifiableMap(stats),
                total,
                Collections.unmodifiableMap(byKind),
                service);
    }

    /** Several runs of the same load as one: counts and times add up, histograms merge. */
    public static LoadResult merge(List<LoadResult> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        Histogram total = new Histogram(3);
        Histogram service = new Histogram(3);
        Map<CommandKind, Histogram> byKind = new EnumMap<>(CommandKind.class);
        double seconds = 0;
        long errors = 0;
        for (LoadResult r : runs) {
            total.add(r.histogram());
            service.add(r.serviceHistogram());
            r.histogramByKind()
                    .forEach((k, h) ->
                            byKind.computeIfAbsent(k, x -> new Histogram(3)).add(h));
            seconds += r.seconds();
            errors += r.errors();
        }
        Map<CommandKind, LatencyStats> stats = new EnumMap<>(CommandKind.class);
        byKind.forEach((k, h) -> stats.put(k, LatencyStats.of(h)));
        return new LoadResult(
                runs.getFirst().spec(),
                seconds,
                total.getTotalCount(),
                errors,
                LatencyStats.of(total),
                LatencyStats.of(service),
                Collections.unmodifiableMap(stats),
                total,
                Collections.unmodifiableMap(byKind),
                service);
    }

    /** Answered requests per second over the window. */
    public double rps() {
        return seconds > 0 ? requests / seconds : 0;
    }

    /**
     * The figures thresholds can name: {@code rps}, {@code requests}, {@code errors}, {@code clients},
     * {@code p50_ms} ... {@code max_ms} (response time, all requests), and the same percentiles per
     * kind as {@code ping.p99_ms}, {@code evaluate.p95_ms}, ...
     */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rps", rps());
        m.put("requests", (double) requests);
        m.put("errors", (double) errors);
        m.put("clients", (double) spec.clients());
        putPercentiles(m, "", response);
        m.put("service_p99_ms", service.p99Ms());
        responseByKind.forEach((k, s) -> {
            m.put(k.label() + ".requests", (double) s.count());
            putPercentiles(m, k.label() + ".", s);
        });
        return m;
    }

    private static void putPercentiles(Map<String, Double> m, String prefix, LatencyStats s) {
        m.put(prefix + "mean_ms", s.meanMs());
        m.put(prefix + "p50_ms", s.p50Ms());
        m.put(prefix + "p95_ms", s.p95Ms());
        m.put(prefix + "p99_ms", s.p99Ms());
        m.put(prefix + "p999_ms", s.p999Ms());
        m.put(prefix + "max_ms", s.maxMs());
    }
}
