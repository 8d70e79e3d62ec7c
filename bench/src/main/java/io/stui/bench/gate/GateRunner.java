package io.stui.bench.gate;

import io.stui.bench.load.LoadException;
import io.stui.bench.load.LoadGenerator;
import io.stui.bench.load.LoadResult;
import io.stui.bench.load.ProcessMemory;
import io.stui.protocol.Encoding;
import io.stui.zmq.Backend;
import io.stui.zmq.ZContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs a gate's load against a server under test and judges it against the gate's thresholds. */
public final class GateRunner {
    private GateRunner() {
    }

    /**
     * Runs the load and evaluates it. A run that cannot measure at all (no client could talk to
     * the server, nothing answered) is {@link GateOutcome#BROKEN}; a run that measured is judged
     * pass or miss.
     */
    public static GateReport run(GateConfig config, ServerUnderTest server, Backend clientBackend)
            throws InterruptedException {
        Instant started = Instant.now();
        LoadResult result;
        LoadGenerator generator;
        try (ZContext context = new ZContext(clientBackend)) {
            generator = new LoadGenerator(config.load().at(server.endpoint(), server.fixedReplies()), context,
                    Encoding.COMMAND);
            result = generator.run();
        } catch (LoadException e) {
            return GateReport.broken(started, server.description(), e.getMessage());
        }
        double rss = server.pid().isPresent()
                ? ProcessMemory.peakRssMb(server.pid().getAsLong()).orElse(Double.NaN) : Double.NaN;
        if (result.requests() == 0) {
            return new GateReport(GateOutcome.BROKEN, started, server.description(), result, null,
                    "no request was answered" + generator.firstError().map(e -> " (first error: " + e + ")").orElse(""),
                    rss);
        }
        Map<String, Double> metrics = new LinkedHashMap<>(result.metrics());
        if (!Double.isNaN(rss)) {
            metrics.put("server_peak_rss_mib", rss);
        }
        GateEvaluator.Verdict verdict = GateEvaluator.evaluate(config.thresholds(), metrics);
        String note = result.errors() > 0 ? generator.firstError().map(e -> "first error: " + e).orElse(null) : null;
        return new GateReport(verdict.outcome(), started, server.description(), result, verdict, note, rss);
    }
}
