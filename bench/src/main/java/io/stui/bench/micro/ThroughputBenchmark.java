package io.stui.bench.micro;

import io.stui.zmq.Backend;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import io.stui.zmq.ZmqException;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * PUSH/PULL throughput: a sender thread pushes messages as fast as the socket takes them; the
 * benchmark thread pulls them, so the score is messages received per second (MB/s = score x size).
 * Compare with {@code stui_thr}, which also times the receiving side. Frames are read in place
 * ({@link ZSocket#receive(ZSocket.FrameReader, int)}, first byte only), as {@code stui_thr}'s
 * {@code zmq_msg_recv} leaves them, so the figure is the binding's cost and not that of copying
 * each message into an array.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputBenchmark {
    /** Messages per benchmark call, so that the harness' own cost per call does not show. */
    static final int BATCH = 1000;

    @Param({"NATIVE", "JEROMQ"})
    public Backend backend;

    @Param({"tcp", "inproc"})
    public String transport;

    @Param({"16", "256", "4096", "65536"})
    public int size;

    private ZContext context;
    private ZSocket pull;
    private Thread sender;
    private volatile boolean stop;
    private int touched;
    /** Reads the first byte of each frame, so the frame is really looked at. */
    private final ZSocket.FrameReader touch =
            frame -> touched += frame.byteSize() > 0 ? frame.get(ValueLayout.JAVA_BYTE, 0) : 0;

    @Setup(Level.Trial)
    public void setUp() {
        context = new ZContext(backend);
        pull = context.createSocket(SocketType.PULL);
        pull.setLinger(0);
        pull.bind(transport.equals("tcp") ? "tcp://127.0.0.1:*" : "inproc://thr-" + System.nanoTime());
        String endpoint = pull.lastEndpoint();
        ZSocket push = context.createSocket(SocketType.PUSH);
        push.setLinger(0);
        push.setSndTimeout(100); // a blocked send looks at the stop flag every 100 ms
        push.connect(endpoint);
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) 'x');
        sender = Thread.ofPlatform().name("push-sender").daemon().start(() -> {
            try {
                while (!stop) {
                    push.send(payload, 0, payload.length, 0);
                }
            } catch (ZmqException | IllegalStateException e) {
                // the context is closing
            } finally {
                push.close();
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int receive() {
        int total = 0;
        for (int i = 0; i < BATCH; i++) {
            total += (int) pull.receive(touch, 0);
        }
        return total + touched;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        stop = true;
        sender.join(10_000);
        pull.close();
        context.close();
    }
}
