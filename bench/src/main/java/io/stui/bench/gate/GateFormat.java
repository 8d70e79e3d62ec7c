package io.stui.bench.gate;

import java.util.Locale;

/** Number formatting shared by the gate's reports: short, locale-independent. */
final class GateFormat {
    private GateFormat() {}

    /** Integers without decimals, small values with up to three significant decimals. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
