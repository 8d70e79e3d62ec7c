package io.stui.bench.gate;

import io.stui.bench.load.CommandKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;

/**
 * The gate's chart ({@code latency.png}): response time by percentile, one line per request kind
 * plus all requests, on HdrHistogram's usual axis (each further nine of the tail as wide as the one
 * before, labelled at 50, 90, 99, 99.9 and 99.99%). Each latency limit is a dashed line at its value
 * with the measured point on it, red and marked MISS when missed; the checks that are not
 * latencies (shares of the C ceiling, memory, errors) are listed under the plot, a miss in red. Drawn
 * with Java2D so that ticks and limits sit exactly where they belong.
 */
public final class LatencyChart {
    /** The percentiles the x axis is labelled at. */
    static final double[] TICKS = {50, 90, 99, 99.9, 99.99};

    private static final double MAX_NINES = 4; // up to 99.99%
    private static final double STEP = 0.02;
    private static final int WIDTH = 1000;
    private static final int LEFT = 80;
    private static final int RIGHT = 290;
    private static final int TOP = 64;
    private static final int PLOT_HEIGHT = 420;
    private static final Color MISS = new Color(0xD0, 0x10, 0x10);
    private static final Color PASS = new Color(0x1A, 0x8A, 0x2E);
    private static final Color INCONCLUSIVE = new Color(0xE0, 0x8A, 0x00);
    private static final Map<String, Color> COLORS = Map.of(
            "all", Color.BLACK,
            "ping", new Color(0x1F, 0x6F, 0xD0),
            "evaluate", new Color(0xE0, 0x6A, 0x00),
            "inspect", new Color(0x2A, 0x9D, 0x5A),
            "session", new Color(0x8E, 0x44, 0xAD));

    private LatencyChart() {}

    /** Writes the chart of a report that measured something. */
    public static void write(Path png, GateReport report) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<GateEvaluator.Check> latency = new ArrayList<>();
        List<GateEvaluator.Check> others = new ArrayList<>();
        if (report.verdict() != null) {
            for (GateEvaluator.Check c : report.verdict().checks()) {
                (percentileOf(c.threshold().metric()) >= 0 ? latency : others).add(c);
            }
        }
        int tableHeight = 40 + 20 * others.size();
        int height = TOP + PLOT_HEIGHT + 50 + tableHeight;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            Plot plot = new Plot(report, latency);
            title(g, report);
            plot.axes(g);
            plot.series(g, "all", report.result().histogram());
            report.result().histogramByKind().forEach((k, h) -> plot.series(g, k.label(), h));
            plot.limits(g, latency, report.outcome() == GateOutcome.INCONCLUSIVE ? INCONCLUSIVE : MISS);
            plot.legend(g, report.result().histogramByKind());
            table(g, others, TOP + PLOT_HEIGHT + 50);
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", png.toFile());
    }

    private static void title(Graphics2D g, GateReport r) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.setColor(Color.BLACK);
        g.drawString("STUI performance gate: response time by percentile", LEFT, 30);
        String badge = r.outcome().name();
        Color c = switch (r.outcome()) {
            case PASS -> PASS;
            case MISS -> MISS;
            case INCONCLUSIVE -> INCONCLUSIVE;
            case BROKEN -> Color.GRAY;
        };
        int w = g.getFontMetrics().stringWidth(badge) + 20;
        g.setColor(c);
        g.fillRoundRect(WIDTH - w - 20, 10, w, 30, 8, 8);
        g.setColor(Color.WHITE);
        g.drawString(badge, WIDTH - w - 10, 31);
        if (r.verdict() != null && !r.verdict().misses().isEmpty()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.setColor(r.outcome() == GateOutcome.INCONCLUSIVE ? INCONCLUSIVE : MISS);
            g.drawString(
                    (r.outcome() == GateOutcome.INCONCLUSIVE ? "not judged (too noisy): " : "missed: ")
                            + String.join(
                                    ", ",
                                    r.verdict().misses().stream()
                                            .map(m -> m.threshold().metric())
                                            .toList()),
                    LEFT,
                    52);
        }
    }

    /** The checks that are not a latency percentile, one line each, a miss in red. */
    private static void table(Graphics2D g, List<GateEvaluator.Check> checks, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString("Other checks", LEFT, y);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
        for (GateEvaluator.Check c : checks) {
            y += 20;
            Threshold t = c.threshold();
            String measured = Double.isNaN(c.measured()) ? "not measured" : GateFormat.number(c.measured());
            String line = String.format(
                    Locale.ROOT,
                    "%-5s %-32s measured %-10s %s",
                    c.passed() ? "pass" : "MISS",
                    t.describe(),
                    measured,
                    t.why());
            g.setColor(c.passed() ? PASS : MISS);
            if (!c.passed()) {
                g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 13));
            }
            g.drawString(line, LEFT, y);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
        }
    }

    /** The plot area: axes, series and limits in data coordinates (nines, log10 of milliseconds). */
    private static final class Plot {
        private final int x0 = LEFT;
        private final int x1 = WIDTH - RIGHT;
        private final int y0 = TOP + PLOT_HEIGHT;
        private final int y1 = TOP;
        private final double logMin;
        private final double logMax;

        Plot(GateReport r, List<GateEvaluator.Check> limits) {
            double lo = Double.MAX_VALUE;
            double hi = 0;
            List<Histogram> all = new ArrayList<>(r.result().histogramByKind().values());
            all.add(r.result().histogram());
            for (Histogram h : all) {
                if (h.getTotalCount() > 0) {
                    lo = Math.min(lo, Math.max(h.getMinValue(), 1000) / 1e6);
                    hi = Math.max(hi, h.getMaxValue() / 1e6);
                }
            }
            for (GateEvaluator.Check c : limits) {
                lo = Math.min(lo, c.threshold().limit());
                hi = Math.max(hi, c.threshold().limit());
                if (!Double.isNaN(c.measured()) && c.measured() > 0) {
                    lo = Math.min(lo, c.measured());
                    hi = Math.max(hi, c.measured());
                }
            }
            if (hi <= 0) {
                lo = 0.1;
                hi = 10;
            }
            logMin = Math.floor(Math.log10(Math.max(lo, 1e-3)));
            logMax = Math.max(logMin + 1, Math.ceil(Math.log10(hi) + 0.05));
        }

        int x(double nines) {
            return (int) Math.round(x0 + (x1 - x0) * nines / MAX_NINES);
        }

        int y(double ms) {
            double l = Math.log10(Math.max(ms, 1e-6));
            return (int) Math.round(y0 - (y0 - y1) * (l - logMin) / (logMax - logMin));
        }

        void axes(Graphics2D g) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            // horizontal grid: decades labelled, 2 and 5 faint
            for (int d = (int) logMin; d < (int) logMax + 1; d++) {
                for (int m : new int[] {1, 2, 5}) {
                    double v = m * Math.pow(10, d);
                    if (Math.log10(v) > logMax + 1e-9) {
                        break;
                    }
                    int yy = y(v);
                    g.setColor(m == 1 ? new Color(0xD0, 0xD0, 0xD0) : new Color(0xEE, 0xEE, 0xEE));
                    g.drawLine(x0, yy, x1, yy);
                    if (m == 1 || logMax - logMin <= 2) {
                        g.setColor(Color.DARK_GRAY);
                        String label = GateFormat.number(v);
                        g.drawString(label, x0 - 8 - g.getFontMetrics().stringWidth(label), yy + 4);
                    }
                }
            }
            for (double p : TICKS) {
                int xx = x(ninesOf(p));
                g.setColor(new Color(0xD0, 0xD0, 0xD0));
                g.drawLine(xx, y1, xx, y0);
                g.setColor(Color.DARK_GRAY);
                String label = percentileLabel(ninesOf(p));
                g.drawString(label, xx - g.getFontMetrics().stringWidth(label) / 2, y0 + 18);
            }
            g.setColor(Color.BLACK);
            g.drawRect(x0, y1, x1 - x0, y0 - y1);
            g.drawString("percentile", (x0 + x1) / 2 - 25, y0 + 38);
            Graphics2D r = (Graphics2D) g.create();
            r.rotate(-Math.PI / 2);
            r.drawString("response time (ms, log scale)", -(y0 + y1) / 2 - 80, 22);
            r.dispose();
        }

        void series(Graphics2D g, String name, Histogram h) {
            if (h.getTotalCount() == 0) {
                return;
            }
            double maxNines = Math.min(MAX_NINES, Math.log10(h.getTotalCount()));
            Path2D.Double path = new Path2D.Double();
            for (double n = 0; n <= maxNines + 1e-9; n += STEP) {
                double ms = Math.max(h.getValueAtPercentile(percentileOf(n)), 1) / 1e6;
                if (n == 0) {
                    path.moveTo(x(n), y(ms));
                } else {
                    path.lineTo(x(n), y(ms));
                }
            }
            g.setColor(color(name));
            g.setStroke(new BasicStroke(name.equals("all") ? 2.5f : 1.8f));
            g.draw(path);
            g.setStroke(new BasicStroke(1));
        }

        /** The limits, each missed one in {@code missed} (red, or amber when the run was not judged). */
        void limits(Graphics2D g, List<GateEvaluator.Check> checks, Color missed) {
            int labelY = y1 + 14;
            List<GateEvaluator.Check> topDown = new ArrayList<>(checks);
            topDown.sort(java.util.Comparator.comparingDouble(
                            (GateEvaluator.Check c) -> c.threshold().limit())
                    .reversed());
            for (GateEvaluator.Check c : topDown) {
                Threshold t = c.threshold();
                String kind = t.metric().contains(".")
                        ? t.metric().substring(0, t.metric().indexOf('.'))
                        : "all";
                Color col = color(kind);
                int yy = y(t.limit());
                g.setColor(col);
                g.setStroke(
                        new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 5}, 0));
                g.drawLine(x0, yy, x1, yy);
                g.setStroke(new BasicStroke(1));
                double p = percentileOf(t.metric());
                int xx = x(p >= 100 ? MAX_NINES : ninesOf(p));
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                String text = "limit " + t.describe() + " ms";
                if (!Double.isNaN(c.measured())) {
                    int my = y(c.measured());
                    if (c.passed()) {
                        g.fillOval(xx - 5, my - 5, 10, 10);
                    } else {
                        g.setColor(missed);
                        g.setStroke(new BasicStroke(4));
                        g.drawLine(xx - 10, my - 10, xx + 10, my + 10);
                        g.drawLine(xx - 10, my + 10, xx + 10, my - 10);
                        g.setStroke(new BasicStroke(1));
                        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
                        g.drawString("MISS " + GateFormat.number(c.measured()) + " ms", xx + 14, my + 5);
                    }
                }
                // the limit's name to the right of the plot, joined to its line
                g.setColor(c.passed() ? col : missed);
                g.setFont(new Font(Font.SANS_SERIF, c.passed() ? Font.PLAIN : Font.BOLD, 12));
                int ty = Math.max(labelY, Math.min(y0, yy + 4));
                g.drawLine(x1, yy, x1 + 6, ty - 4);
                g.drawString(text + (c.passed() ? "" : "  MISS"), x1 + 8, ty);
                labelY = ty + 16;
            }
        }

        void legend(Graphics2D g, Map<CommandKind, Histogram> byKind) {
            int yy = y1 + 16;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            List<String> names = new ArrayList<>();
            names.add("all");
            byKind.keySet().forEach(k -> names.add(k.label()));
            for (String n : names) {
                g.setColor(color(n));
                g.setStroke(new BasicStroke(n.equals("all") ? 2.5f : 1.8f));
                g.drawLine(x0 + 10, yy - 4, x0 + 34, yy - 4);
                g.setStroke(new BasicStroke(1));
                g.drawString(n.equals("all") ? "all requests" : n, x0 + 40, yy);
                yy += 16;
            }
        }
    }

    private static Color color(String kind) {
        return COLORS.getOrDefault(kind, Color.GRAY);
    }

    /** The percentile a latency metric names ({@code ping.p99_ms} is 99; max is 100), or -1 for none. */
    static double percentileOf(String metric) {
        String figure = metric.substring(metric.indexOf('.') + 1);
        return switch (figure) {
            case "p50_ms" -> 50;
            case "p95_ms" -> 95;
            case "p99_ms" -> 99;
            case "p999_ms" -> 99.9;
            case "max_ms" -> 100;
            default -> -1;
        };
    }

    /** Percentile to nines: 90% is 1, 99% is 2, 99.9% is 3. */
    static double ninesOf(double percentile) {
        return Math.min(MAX_NINES, -Math.log10(1 - percentile / 100));
    }

    /** Nines to percentile. */
    static double percentileOf(double nines) {
        return 100 * (1 - Math.pow(10, -nines));
    }

    /** x = number of nines: 0 -> 0%, 0.301 -> 50%, 1 -> 90%, 2 -> 99%, 3 -> 99.9%. */
    static String percentileLabel(double nines) {
        double p = percentileOf(nines);
        int decimals = Math.max(0, (int) Math.ceil(nines - 2 - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f%%", p);
    }
}
