package io.stui.bench.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** The JSON shape of a load and its result, shared by {@code load --json} and the gate's report. */
public final class LoadResultJson {
    private LoadResultJson() {}

    /** {@code {"load": {...}, "results": {...}}} for one run. */
    public static ObjectNode of(LoadResult res) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        LoadSpec spec = res.spec();
        ObjectNode load = root.putObject("load");
        load.put("description", spec.describe());
        load.put("endpoint", spec.endpoint());
        load.put("clients", spec.clients());
        load.put("socket", spec.socket().name().toLowerCase(Locale.ROOT));
        load.put("pipeline", spec.pipeline());
        load.put("rate", spec.rate());
        load.put("open_loop", spec.openLoop());
        load.put("warmup_s", spec.warmup().toMillis() / 1000.0);
        ObjectNode mix = load.putObject("mix");
        spec.mix().weights().forEach((k, w) -> mix.put(k.label(), w));
        load.put("code", spec.code());

        ObjectNode results = root.putObject("results");
        results.put("seconds", res.seconds());
        results.put("requests", res.requests());
        results.put("errors", res.errors());
        results.put("rps", res.rps());
        stats(results.putObject("response_ms"), res.response());
        stats(results.putObject("service_ms"), res.service());
        ObjectNode by = results.putObject("by_command");
        res.responseByKind().forEach((k, s) -> stats(by.putObject(k.label()), s));
        return root;
    }

    private static void stats(ObjectNode n, LatencyStats s) {
        n.put("count", s.count());
        n.put("mean", s.meanMs());
        n.put("p50", s.p50Ms());
        n.put("p95", s.p95Ms());
        n.put("p99", s.p99Ms());
        n.put("p99_9", s.p999Ms());
        n.put("max", s.maxMs());
    }
}
