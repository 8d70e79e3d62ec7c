package io.stui.bench.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A server measured against the C ceiling in pairs: each pair loads the ceiling and then the server with
 * the same load, back to back, so both meet the same machine. On a shared machine the ceiling itself
 * drifts by 10-20% from one minute to the next; judging the median of the pairs' ratios, rather than one
 * ceiling run against one server run, keeps that drift out of the comparison.
 */
public record CeilingComparison(List<Pair> pairs) {

    public CeilingComparison {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one pair");
        }
        pairs = List.copyOf(pairs);
    }

    /** One ceiling run and the server run right after it. */
    public record Pair(LoadResult ceiling, LoadResult server) {
        /** The server's requests/s as a share of the ceiling's (NaN when the ceiling answered nothing). */
        public double share() {
            return ratio(server.rps(), ceiling.rps());
        }

        /** The server's p99 response time over the ceiling's (NaN when the ceiling has none). */
        public double p99Ratio() {
            return ratio(server.response().p99Ms(), ceiling.response().p99Ms());
        }

        private static double ratio(double a, double b) {
            return b > 0 ? a / b : Double.NaN;
        }
    }

    public double medianShare() {
        return median(Pair::share);
    }

    public double medianP99Ratio() {
        return median(Pair::p99Ratio);
    }

    /** The median of a figure over the pairs (the mean of the middle two for an even count); NaN if any is NaN. */
    private double median(ToDoubleFunction<Pair> figure) {
        double[] v = pairs.stream().mapToDouble(figure).sorted().toArray();
        if (Arrays.stream(v).anyMatch(Double::isNaN)) {
            return Double.NaN;
        }
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** {@code {"pairs": [{"share", "p99_ratio", "ceiling": {...}, "server": {...}}], "median_share", "median_p99_ratio"}}. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        var list = root.putArray("pairs");
        for (Pair p : pairs) {
            ObjectNode o = list.addObject();
            o.put("share", p.share());
            o.put("p99_ratio", p.p99Ratio());
            o.set("ceiling", LoadResultJson.of(p.ceiling()));
            o.set("server", LoadResultJson.of(p.server()));
        }
        root.put("median_share", medianShare());
        root.put("median_p99_ratio", medianP99Ratio());
        return root;
    }
}
