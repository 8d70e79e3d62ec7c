package io.stui.bench.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MicroPlanTest {
    private static final String ALL = "io\\.stui\\.bench\\.micro\\..*";

    @Test
    void theDefaultRunHasEveryRoundTripAndThroughputCaseAndTheInProcessCalls() {
        List<MicroCase> cases = MicroPlan.cases(ALL, Map.of());
        // 2 patterns x 2 transports x 3 sizes, 2 transports x 4 sizes, one in-process group.
        assertEquals(12 + 8 + 1, cases.size());
        assertEquals("REQ_REP tcp 16 B", cases.getFirst().label());
        assertEquals("in-process calls", cases.getLast().label());
        assertEquals(
                5, cases.getLast().methods().size(), cases.getLast().methods().toString());
    }

    @Test
    void includeAndParamNarrowToOneCase() {
        List<MicroCase> cases = MicroPlan.cases(
                "RoundTrip",
                MicroPlan.parseParams(
                        List.of("pattern=DEALER_ROUTER", "transport=tcp", "size=65536", "backend=NATIVE")));
        assertEquals(1, cases.size());
        MicroCase k = cases.getFirst();
        assertEquals(MicroCase.Kind.ROUND_TRIP, k.kind());
        assertEquals(Map.of("pattern", "DEALER_ROUTER", "transport", "tcp", "size", "65536"), k.jmhParams());
        assertEquals("roundtrip-dealer_router-tcp-65536", k.stem());
        // The include regex JMH gets matches this case's method and nothing else.
        Pattern include = Pattern.compile(k.jmhInclude());
        assertTrue(include.matcher("io.stui.bench.micro.RoundTripBenchmark.roundTrip")
                .find());
        assertTrue(!include.matcher("io.stui.bench.micro.ThroughputBenchmark.receive")
                .find());
    }

    @Test
    void aRoundTripCaseRunsBothEchoesNextToEachOther() throws Exception {
        // The echo is not pinned per case (like the backend), so every repeat runs the zero-copy and the copying
        // echo right after each other; --param echo=ZEROCOPY narrows it as any other JMH parameter.
        MicroCase k = MicroPlan.cases("RoundTrip", MicroPlan.parseParams(List.of("transport=inproc", "size=16")))
                .getFirst();
        assertTrue(!k.jmhParams().containsKey("echo"), k.jmhParams().toString());
        assertEquals(
                List.of("ZEROCOPY", "COPY"),
                List.of(RoundTripBenchmark.class
                        .getField("echo")
                        .getAnnotation(org.openjdk.jmh.annotations.Param.class)
                        .value()));
    }

    @Test
    void aSizeTheAnnotationDoesNotListCanStillBeAsked() {
        List<MicroCase> cases =
                MicroPlan.cases("Throughput", MicroPlan.parseParams(List.of("size=2048", "transport=inproc")));
        assertEquals(1, cases.size());
        assertEquals("PUSH_PULL inproc 2 KiB", cases.getFirst().label());
    }

    @Test
    void anIncludeOfOnlyTheDowncallsGivesTheInProcessCaseWithThoseMethods() {
        List<MicroCase> cases = MicroPlan.cases("Downcall", Map.of());
        assertEquals(1, cases.size());
        assertEquals(MicroCase.Kind.IN_PROCESS, cases.getFirst().kind());
        assertTrue(cases.getFirst().methods().stream().allMatch(m -> m.contains("DowncallBenchmark")));
        assertEquals(Map.of(), cases.getFirst().jmhParams());
    }

    @Test
    void aParamWithoutValuesIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MicroPlan.parseParams(List.of("size")));
        assertTrue(e.getMessage().contains("NAME=V1,V2"), e.getMessage());
        assertEquals(0, MicroPlan.cases("NoSuchBenchmark", Map.of()).size());
    }
}
