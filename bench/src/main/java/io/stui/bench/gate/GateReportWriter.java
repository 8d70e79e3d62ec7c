package io.stui.bench.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.bench.load.LatencyStats;
import io.stui.bench.load.LoadResult;
import io.stui.bench.load.LoadResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a gate run as {@code report.json} (machine-readable), {@code report.md} (fit for a CI
 * job summary), {@code junit.xml} (one test case per check) and {@code latency.png} (response time
 * by percentile, with the limits) into one directory.
 */
public final class GateReportWriter {
    /** File names inside the output directory. */
    public static final String JSON = "report.json";

    public static final String MARKDOWN = "report.md";
    public static final String CHART = "latency.png";
    public static final String JUNIT = "junit.xml";

    private GateReportWriter() {}

    /** Writes the three files, creating the directory if needed; answers the paths written. */
    public static List<Path> write(GateReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(JSON);
        Path md = dir.resolve(MARKDOWN);
        Path png = dir.resolve(CHART);
        Path junit = dir.resolve(JUNIT);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), toJson(report));
        Files.writeString(md, toMarkdown(report));
        Files.writeString(junit, GateJUnitWriter.toXml(report));
        if (report.result() != null) {
            LatencyChart.write(png, report);
            return List.of(json, md, junit, png);
        }
        Files.deleteIfExists(png); // never leave a chart of an earlier run next to this report
        return List.of(json, md, junit);
    }

    /** The JSON document of a report. */
    public static ObjectNode toJson(GateReport r) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
        root.put("exit_code", r.outcome().exitCode());
        root.put("started_at", r.startedAt().toString());
        root.put("server", r.server());
        if (r.problem() != null) {
            root.put("problem", r.problem());
        } else {
            root.putNull("problem");
        }
        if (!Double.isNaN(r.serverRssMb())) {
            root.put("server_rss_mb", r.serverRssMb());
        }
        if (r.result() != null) {
            root.setAll(LoadResultJson.of(r.result()));
            ArrayNode rounds = root.putArray("rounds");
            for (LoadResult round : r.rounds()) {
                rounds.add(LoadResultJson.of(round).get("results"));
            }
            ObjectNode judged = root.putObject("judged");
            r.judged().forEach(judged::put);
        }
        if (r.calibration() != null) {
            root.set("calibration", LoadResultJson.of(r.calibration()).get("results"));
        }
        if (r.ratios() != null) {
            ObjectNode ratios = root.putObject("versus_ceiling");
            ratios.put("noise", r.ratios().noise());
            ratios.put("max_noise", r.ratios().maxNoise());
            ratios.put("noisy", r.ratios().noisy());
            ArrayNode attempts = ratios.putArray("noise_by_attempt");
            r.ratios().noiseByAttempt().forEach(attempts::add);
            ObjectNode by = ratios.putObject("by_command");
            r.ratios().comparisons().forEach((k, c) -> by.set(k, c.toJson()));
        }
        if (r.verdict() != null) {
            ArrayNode checks = root.putArray("checks");
            for (GateEvaluator.Check c : r.verdict().checks()) {
                ObjectNode n = checks.addObject();
                n.put("metric", c.threshold().metric());
                n.put("comparator", c.threshold().comparator().symbol());
                n.put("limit", c.threshold().limit());
                if (Double.isNaN(c.measured())) {
                    n.putNull("measured");
                } else {
                    n.put("measured", c.measured());
                }
                n.put("passed", c.passed());
                n.put("why", c.threshold().why());
                n.put("source", c.threshold().baseline() ? "baseline" : "floor");
            }
        }
        return root;
    }

    /** The Markdown summary of a report. */
    public static String toMarkdown(GateReport r) {
        StringBuilder md = new StringBuilder();
        String badge = switch (r.outcome()) {
            case PASS -> "PASS";
            case MISS -> "MISS";
            case BROKEN -> "BROKEN";
            case INCONCLUSIVE -> "INCONCLUSIVE (the machine was too noisy to judge)";
        };
        md.append("## STUI performance gate: ").append(badge).append("\n\n");
        md.append("- Server: ").append(r.server()).append('\n');
        md.append("- Started: ").append(r.startedAt()).append('\n');
        if (r.problem() != null) {
            md.append("- Problem: ").append(r.problem()).append('\n');
        }
        LoadResult res = r.result();
        if (res != null) {
            md.append("- Load: ").append(res.spec().describe()).append('\n');
            if (r.rounds().size() > 1) {
                md.append("- Rounds: ")
                        .append(r.rounds().size())
                        .append("; each figure is judged on its median round, requests and errors add up\n");
            }
            md.append("- Measured: ")
                    .append(res.requests())
                    .append(" requests in ")
                    .append(GateFormat.number(res.seconds()))
                    .append(" s = ")
                    .append(GateFormat.number(res.rps()))
                    .append(" req/s, ")
                    .append(res.errors())
                    .append(" errors\n");
            if (!Double.isNaN(r.serverRssMb())) {
                md.append("- Server resident memory (peak seen): ")
                        .append(GateFormat.number(r.serverRssMb()))
                        .append(" MiB\n");
            }
        }
        if (r.verdict() != null) {
            md.append("\n| check | limit | measured | result |\n|---|---|---|---|\n");
            for (GateEvaluator.Check c : r.verdict().checks()) {
                Threshold t = c.threshold();
                md.append("| ")
                        .append(t.metric())
                        .append(t.why().isEmpty() ? "" : " (" + t.why() + ")")
                        .append(" | ")
                        .append(t.comparator().symbol())
                        .append(' ')
                        .append(GateFormat.number(t.limit()))
                        .append(" | ")
                        .append(Double.isNaN(c.measured()) ? "not measured" : GateFormat.number(c.measured()))
                        .append(" | ")
                        .append(
                                c.passed()
                                        ? "pass"
                                        : r.outcome() == GateOutcome.INCONCLUSIVE ? "not judged" : "**MISS**")
                        .append(" |\n");
            }
        }
        if (r.ratios() != null) {
            md.append("\nVersus the C ceiling, closed loop, each pair the ceiling then the server (share = server "
                            + "req/s over the ceiling's; the median pair is judged; the pairs spread by ")
                    .append(r.ratios().describeNoise())
                    .append(" by attempt, trusted up to ")
                    .append(GateFormat.number(100 * r.ratios().maxNoise()))
                    .append("%):\n\n| command | pair | ceiling req/s | server req/s | share | ceiling p99 ms | "
                            + "server p99 ms | p99 ratio |\n|---|---|---|---|---|---|---|---|\n");
            r.ratios().comparisons().entrySet().stream().forEach(e -> {
                int i = 1;
                for (var p : e.getValue().pairs()) {
                    md.append("| ")
                            .append(e.getKey())
                            .append(" | ")
                            .append(i++)
                            .append(" | ")
                            .append(GateFormat.number(p.ceiling().rps()))
                            .append(" | ")
                            .append(GateFormat.number(p.server().rps()))
                            .append(" | ")
                            .append(GateFormat.number(p.share()))
                            .append(" | ")
                            .append(GateFormat.number(p.ceiling().response().p99Ms()))
                            .append(" | ")
                            .append(GateFormat.number(p.server().response().p99Ms()))
                            .append(" | ")
                            .append(GateFormat.number(p.p99Ratio()))
                            .append(" |\n");
                }
            });
        }
        if (r.calibration() != null) {
            LoadResult c = r.calibration();
            md.append("- Calibration (same load, one round, against the C ceiling server): ")
                    .append(c.requests())
                    .append(" requests, p95 ")
                    .append(GateFormat.number(c.response().p95Ms()))
                    .append(" ms, p99 ")
                    .append(GateFormat.number(c.response().p99Ms()))
                    .append(" ms, ")
                    .append(c.errors())
                    .append(" errors\n");
        }
        if (r.rounds().size() > 1) {
            md.append("\n| round | requests | req/s | errors | p50 ms | p95 ms | p99 ms | max ms |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            int i = 1;
            for (LoadResult round : r.rounds()) {
                md.append("| ")
                        .append(i++)
                        .append(" | ")
                        .append(round.requests())
                        .append(" | ")
                        .append(GateFormat.number(round.rps()))
                        .append(" | ")
                        .append(round.errors())
                        .append(" | ")
                        .append(GateFormat.number(round.response().p50Ms()))
                        .append(" | ")
                        .append(GateFormat.number(round.response().p95Ms()))
                        .append(" | ")
                        .append(GateFormat.number(round.response().p99Ms()))
                        .append(" | ")
                        .append(GateFormat.number(round.response().maxMs()))
                        .append(" |\n");
            }
        }
        if (res != null) {
            md.append("\nResponse time in ms, all rounds together (from the intended send time, corrected for "
                    + "coordinated omission):\n\n");
            md.append("| requests | count | p50 | p95 | p99 | p99.9 | max |\n|---|---|---|---|---|---|---|\n");
            row(md, "all", res.response());
            res.responseByKind().forEach((k, s) -> row(md, k.label(), s));
            md.append("\nChart: `").append(CHART).append("`\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, LatencyStats s) {
        md.append("| ")
                .append(name)
                .append(" | ")
                .append(s.count())
                .append(" | ")
                .append(GateFormat.number(s.p50Ms()))
                .append(" | ")
                .append(GateFormat.number(s.p95Ms()))
                .append(" | ")
                .append(GateFormat.number(s.p99Ms()))
                .append(" | ")
                .append(GateFormat.number(s.p999Ms()))
                .append(" | ")
                .append(GateFormat.number(s.maxMs()))
                .append(" |\n");
    }
}
