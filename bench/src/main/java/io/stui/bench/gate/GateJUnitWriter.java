package io.stui.bench.gate;

import java.util.Locale;

/**
 * A gate run as JUnit XML ({@code junit.xml}): one test case per check, so any CI that reads test
 * reports shows each floor and baseline figure as a test. A missed check is a failure; the misses
 * of an inconclusive run are skipped (with the reason), and a broken run is one test case in error.
 */
public final class GateJUnitWriter {
    private GateJUnitWriter() {}

    /** The XML document. */
    public static String toXml(GateReport r) {
        StringBuilder cases = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        int errors = 0;
        if (r.verdict() == null) {
            tests = 1;
            errors = 1;
            cases.append("  <testcase classname=\"stui.gate\" name=\"run\">\n")
                    .append("    <error message=\"")
                    .append(escape(r.problem() == null ? "the run broke" : r.problem()))
                    .append("\"/>\n  </testcase>\n");
        } else {
            for (GateEvaluator.Check c : r.verdict().checks()) {
                Threshold t = c.threshold();
                tests++;
                String measured = Double.isNaN(c.measured()) ? "nothing" : GateFormat.number(c.measured());
                cases.append("  <testcase classname=\"")
                        .append(t.baseline() ? "stui.gate.baseline" : "stui.gate.floors")
                        .append("\" name=\"")
                        .append(escape(t.describe()))
                        .append("\">\n");
                if (!c.passed() && r.outcome() == GateOutcome.INCONCLUSIVE) {
                    skipped++;
                    cases.append("    <skipped message=\"")
                            .append(escape("measured " + measured + "; " + r.problem()))
                            .append("\"/>\n");
                } else if (!c.passed()) {
                    failures++;
                    cases.append("    <failure message=\"")
                            .append(escape(t.metric() + " measured " + measured + ", limit "
                                    + t.comparator().symbol()
                                    + " " + GateFormat.number(t.limit())
                                    + (t.why().isEmpty() ? "" : " (" + t.why() + ")")))
                            .append("\"/>\n");
                }
                cases.append("    <system-out>")
                        .append(escape("measured " + measured))
                        .append("</system-out>\n  </testcase>\n");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + String.format(
                        Locale.ROOT,
                        "<testsuite name=\"stui performance gate\" tests=\"%d\" failures=\"%d\" errors=\"%d\" "
                                + "skipped=\"%d\" timestamp=\"%s\">\n",
                        tests,
                        failures,
                        errors,
                        skipped,
                        r.startedAt().toString().replaceFirst("\\.\\d+Z$", ""))
                + cases
                + "</testsuite>\n";
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("&#10;");
                default -> {
                    if (ch >= 0x20 || ch == '\t') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
