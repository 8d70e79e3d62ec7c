package io.stui.protocol;

import com.sun.management.ThreadMXBean;
import io.stui.protocol.result.EvaluateResult;
import io.stui.protocol.result.PingResult;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Measures what the server's codec costs per request (decode and encode, one thread): CPU time (the
 * thread's own, so a busy machine does not inflate it) and bytes allocated, for a ping in each encoding and a small evaluate. A quick gauge, not a JMH
 * benchmark. Run: {@code ./mvnw -q -pl core/protocol exec:java -Dexec.mainClass=io.stui.protocol.CodecCostMain
 * -Dexec.classpathScope=test}.
 */
public final class CodecCostMain {
    private CodecCostMain() {}

    public static void main(String[] args) {
        ProtocolCodec codec = ProtocolCodec.INSTANCE;
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] pingCommand =
                "{\"id\":\"j1234-17\",\"command\":\"ping\",\"parameters\":{}}".getBytes(StandardCharsets.UTF_8);
        byte[] pingEnvelope = ClientCodec.INSTANCE.encode(
                Encoding.ENVELOPE, "550e8400-e29b-41d4-a716-446655440000", Command.PING, null);
        byte[] evaluate = ("{\"id\":\"j1234-18\",\"command\":\"evaluate\",\"parameters\":{\"code\":\"3 + 4\","
                        + "\"session_id\":\"abc\"}}")
                .getBytes(StandardCharsets.UTF_8);
        PingResult pong = new PingResult("pong", "ready", 42, "0.1.0", "native");
        EvaluateResult seven = new EvaluateResult("7", "SmallInteger", 0, false, "", null);
        String[] names = {"ping, command encoding", "ping, envelope encoding", "evaluate, command encoding"};
        byte[][] frames = {pingCommand, pingEnvelope, evaluate};
        long sink = 0;
        for (int f = 0; f < frames.length; f++) {
            int n = 500_000;
            for (int round = 0; round < 4; round++) {
                long bytes0 = threads.getCurrentThreadAllocatedBytes();
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    Decoded d = codec.decode(frames[f]);
                    sink += codec.encodeResult(d.meta(), f == 2 ? seven : pong).length;
                }
                long t1 = threads.getCurrentThreadCpuTime();
                long bytes1 = threads.getCurrentThreadAllocatedBytes();
                if (round == 3) { // the first rounds warm the JIT up
                    System.out.printf(
                            "%-28s %6.0f CPU ns/request  %5d bytes allocated/request%n",
                            names[f], (t1 - t0) / (double) n, (bytes1 - bytes0) / n);
                }
            }
        }
        if (sink == 0) {
            System.out.println("(nothing encoded)");
        }
    }
}
