package io.stui.bench.gate;

import java.util.Locale;
import java.util.Objects;

/**
 * One limit a gate checks, e.g. {@code p95_ms below 100}.
 *
 * @param metric     a figure of the load result (see {@code LoadResult.metrics()})
 * @param comparator how the measured value must relate to {@code limit}
 * @param limit      the limit
 * @param why        where the limit comes from, shown in reports (may be empty)
 * @param baseline   true for a limit derived from {@code bench/baseline.json} (a regression check),
 *                   false for a floor written in the gate file
 */
public record Threshold(String metric, Comparator comparator, double limit, String why, boolean baseline) {

    /** The relations a measured value can be required to have with its limit. */
    public enum Comparator {
        ABOVE(">"),
        AT_LEAST(">="),
        BELOW("<"),
        AT_MOST("<=");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        /** The JSON key naming this comparator, e.g. {@code at_most}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Mathematical symbol, for reports. */
        public String symbol() {
            return symbol;
        }

        /** True when {@code value} satisfies this relation to {@code limit}. */
        public boolean holds(double value, double limit) {
            return switch (this) {
                case ABOVE -> value > limit;
                case AT_LEAST -> value >= limit;
                case BELOW -> value < limit;
                case AT_MOST -> value <= limit;
            };
        }
    }

    public Threshold {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparator, "comparator");
        why = why == null ? "" : why;
    }

    /** A floor of the gate file. */
    public Threshold(String metric, Comparator comparator, double limit, String why) {
        this(metric, comparator, limit, why, false);
    }

    /** Checks a measured value. */
    public boolean passes(double value) {
        return comparator.holds(value, limit);
    }

    /** e.g. {@code p95_ms < 100}. */
    public String describe() {
        return metric + " " + comparator.symbol() + " " + GateFormat.number(limit);
    }
}
