package io.stui.bench.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicroCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theProgressLineOfARoundTripGivesMeanP50AndMinimumOfEverySide() throws Exception {
        MicroCase k = MicroPlan.cases(
                        "RoundTrip", MicroPlan.parseParams(List.of("pattern=REQ_REP", "transport=tcp", "size=16")))
                .getFirst();
        List<JsonNode> c = List.of(
                JSON.readTree(
                        "{\"program\":\"stui_lat\",\"mode\":\"zerocopy\",\"avg_rtt_us\":40.0,\"p50_rtt_us\":37.5,\"min_rtt_us\":33.25}"),
                // a line from before stui_lat reported its minimum
                JSON.readTree("{\"program\":\"stui_lat\",\"mode\":\"copy\",\"avg_rtt_us\":41.0,\"p50_rtt_us\":38.0}"));
        List<JsonNode> jmh = List.of(JSON.readTree("""
                {"benchmark": "io.stui.bench.micro.RoundTripBenchmark.roundTrip", "params": {"backend": "NATIVE", "echo": "ZEROCOPY"},
                 "primaryMetric": {"score": 45.25, "scorePercentiles": {"0.0": 34.0, "50.0": 39.0}}}"""), JSON.readTree("""
                {"benchmark": "io.stui.bench.micro.RoundTripBenchmark.roundTrip", "params": {"backend": "NATIVE", "echo": "COPY"},
                 "primaryMetric": {"score": 50.0, "scorePercentiles": {"0.0": 35.5, "50.0": 44.0}}}"""));
        assertEquals(
                "µs mean/p50/min: C 40.0/37.5/33.3 | C copy 41.0/38.0/– | NATIVE 45.3/39.0/34.0 | NATIVE copy 50.0/44.0/35.5",
                MicroCommand.progress(k, c, jmh));
    }

    @Test
    void theProgressLineOfTheInProcessCaseNamesEachMethod() throws Exception {
        MicroCase k = MicroPlan.cases("Downcall", java.util.Map.of()).getFirst();
        List<JsonNode> c = List.of(JSON.readTree("{\"program\":\"stui_inproc\",\"send_receive_inprocess_ns\":80.0}"));
        List<JsonNode> jmh = List.of(JSON.readTree("""
                {"benchmark": "io.stui.bench.micro.DowncallBenchmark.msgSizeCriticalHandle", "params": {},
                 "primaryMetric": {"score": 4.5}}"""));
        assertEquals("ns: C 80.0 | msgSizeCriticalHandle 4.500", MicroCommand.progress(k, c, jmh));
    }
}
