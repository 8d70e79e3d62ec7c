package io.stui.bench.gate;

import io.stui.bench.load.CommandKind;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a latency-by-percentile chart (HdrHistogram's usual plot: the x axis stretches the tail,
 * 90% / 99% / 99.9% / 99.99% equally spaced) as a PNG, one line per request kind plus all requests.
 */
public final class LatencyChart {
    private static final double STEP = 0.05;
    private static final double MAX_NINES = 4; // up to 99.99%

    private LatencyChart() {}

    /** Writes the chart for the given nanosecond histograms to {@code png}. */
    public static void write(Path png, String title, Histogram all, Map<CommandKind, Histogram> byKind)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(500)
                .title(title)
                .xAxisTitle("percentile")
                .yAxisTitle("response time (ms)")
                .build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.setCustomXAxisTickLabelsFormatter(LatencyChart::percentileLabel);
        addSeries(chart, "all requests", all);
        byKind.forEach((kind, h) -> addSeries(chart, kind.label(), h));
        if (chart.getSeriesMap().isEmpty()) {
            // No answered request: still produce a chart that says so rather than no file.
            XYSeries s = chart.addSeries("no answered request", new double[] {0, MAX_NINES}, new double[] {1, 1});
            s.setMarker(SeriesMarkers.NONE);
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void addSeries(XYChart chart, String name, Histogram h) {
        if (h.getTotalCount() == 0) {
            return;
        }
        // Do not draw further into the tail than the sample count can support.
        double maxNines = Math.min(MAX_NINES, Math.log10(h.getTotalCount()));
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (double x = 0; x <= maxNines + 1e-9; x += STEP) {
            double percentile = 100 * (1 - Math.pow(10, -x));
            xs.add(x);
            ys.add(Math.max(h.getValueAtPercentile(percentile), 1) / 1e6);
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.NONE);
    }

    /** x = number of nines: 0 -> 0%, 1 -> 90%, 2 -> 99%, 3 -> 99.9%. */
    static String percentileLabel(double nines) {
        double p = 100 * (1 - Math.pow(10, -nines));
        int decimals = Math.max(0, (int) Math.ceil(nines - 2 - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f%%", p);
    }
}
