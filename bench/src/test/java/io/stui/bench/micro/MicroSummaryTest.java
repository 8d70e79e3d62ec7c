package io.stui.bench.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicroSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String JMH = """
            [{"benchmark": "io.stui.bench.micro.RoundTripBenchmark.roundTrip", "mode": "avgt",
              "params": {"backend": "NATIVE", "pattern": "REQ_REP", "transport": "tcp", "size": "16"},
              "primaryMetric": {"score": 42.0, "scoreError": 2.1, "scoreUnit": "us/op"}},
             {"benchmark": "io.stui.bench.micro.RoundTripBenchmark.roundTrip", "mode": "avgt",
              "params": {"backend": "JEROMQ", "pattern": "REQ_REP", "transport": "tcp", "size": "16"},
              "primaryMetric": {"score": 84.0, "scoreUnit": "us/op"}},
             {"benchmark": "io.stui.bench.micro.ThroughputBenchmark.receive", "mode": "thrpt",
              "params": {"backend": "NATIVE", "transport": "inproc", "size": "65536"},
              "primaryMetric": {"score": 95000.0, "scoreUnit": "ops/s"}},
             {"benchmark": "io.stui.bench.micro.ThroughputBenchmark.receive", "mode": "thrpt",
              "params": {"backend": "JEROMQ", "transport": "inproc", "size": "65536"},
              "primaryMetric": {"score": 50000.0, "scoreUnit": "ops/s"}},
             {"benchmark": "io.stui.bench.micro.InProcessBenchmark.sendReceiveInProcess", "mode": "avgt",
              "params": {"backend": "NATIVE"}, "primaryMetric": {"score": 200.0, "scoreUnit": "ns/op"}},
             {"benchmark": "io.stui.bench.micro.InProcessBenchmark.sendReceiveInProcess", "mode": "avgt",
              "params": {"backend": "JEROMQ"}, "primaryMetric": {"score": 50.0, "scoreUnit": "ns/op"}},
             {"benchmark": "io.stui.bench.micro.DowncallBenchmark.msgSizeGeneratedBinding", "mode": "avgt",
              "primaryMetric": {"score": 7.5, "scoreUnit": "ns/op"}}]
            """;

    @Test
    void tablesCarryTheNativeJeromqAndCRatios() throws Exception {
        JsonNode jmh = JSON.readTree(JMH);
        List<JsonNode> c = List.of(
                JSON.readTree("{\"program\":\"stui_lat\",\"pattern\":\"req_rep\",\"transport\":\"tcp\",\"size\":16,\"avg_rtt_us\":40.0}"),
                JSON.readTree("{\"program\":\"stui_inproc\",\"send_receive_inprocess_ns\":100.0,\"getsockopt_events_ns\":600.0,\"msg_size_ns\":4.0}"),
                JSON.readTree("{\"program\":\"stui_thr\",\"pattern\":\"push_pull\",\"transport\":\"inproc\",\"size\":65536,\"msgs_per_s\":100000.0}"));
        String md = MicroSummary.markdown(jmh, c, List.of("## header"));
        assertTrue(md.startsWith("## header\n"), md);
        // 42 µs native, 84 µs JeroMQ: ratio 0.50; C 40 µs: native/C 1.05, JeroMQ/C 2.10.
        assertTrue(md.contains("| REQ_REP | tcp | 16 B | 42.0 ±5% | 84.0 | 0.50 | 40.0 | 1.05 | 2.10 |"), md);
        // 95,000 msg/s of 64 KiB = 6,225.9 MB/s; native/JeroMQ 1.90; native/C 0.95.
        assertTrue(md.contains("| inproc | 64 KiB | 95,000 | 6,225.9 | 50,000 | 3,276.8 | 1.90 | 100,000 | 6,553.6 | 0.95 | 0.50 |"), md);
        assertTrue(md.contains("| DowncallBenchmark.msgSizeGeneratedBinding | 7.500 | ns/op |"), md);
        assertTrue(md.contains("`zmq_msg_size`; C: 4.000 ns"), md);
        assertTrue(md.contains("| InProcessBenchmark.sendReceiveInProcess | 200.0 | 50.0 | 4.00 | 100.0 | 2.00 |"), md);
    }

    @Test
    void findsTheCasesTheCProgramsMustRun() throws Exception {
        JsonNode jmh = JSON.readTree(JMH);
        assertEquals(List.of(new MicroSummary.RttKey("REQ_REP", "tcp", 16)), MicroSummary.roundTripCases(jmh));
        assertEquals(List.of(new MicroSummary.ThrKey("inproc", 65536)), MicroSummary.throughputCases(jmh));
    }

    @Test
    void aMissingFigureShowsAsADash() {
        assertEquals("–", MicroSummary.ratio(Double.NaN, 2));
        assertEquals("–", MicroSummary.ratio(1, 0));
        assertEquals("1 KiB", MicroSummary.size(1024));
        assertEquals("256 B", MicroSummary.size(256));
    }
}
