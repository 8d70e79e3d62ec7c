package io.stui.bench.micro;

import io.stui.zmq.Backend;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Round-trip latency: a client sends one message and waits for its echo, REQ/REP or
 * DEALER/ROUTER, over tcp (loopback) or inproc, per backend. Compare with {@code stui_lat}, whose two
 * modes the {@code echo} parameter mirrors: {@code ZEROCOPY} (the echo sends back the frame it received
 * with {@link ZSocket#forward}, the client reads the reply in place with
 * {@link ZSocket#receive(ZSocket.FrameReader, int)} and looks only at its size) against {@code stui_lat
 * zerocopy}, and {@code COPY} (both sides receive into and send from {@code byte[]}) against
 * {@code stui_lat copy}.
 * Sampled (JMH's {@code SampleTime}), so the result has the median round trip besides the mean: on
 * a shared machine a few preempted round trips move the mean a lot and the median little, and
 * {@code stui_lat} reports both too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoundTripBenchmark {
    @Param({"NATIVE", "JEROMQ"})
    public Backend backend;

    @Param({"REQ_REP", "DEALER_ROUTER"})
    public String pattern;

    @Param({"tcp", "inproc"})
    public String transport;

    @Param({"16", "1024", "65536"})
    public int size;

    @Param({"ZEROCOPY", "COPY"})
    public String echo;

    private ZContext context;
    private EchoServer echoServer;
    private ZSocket client;
    private byte[] payload;
    private byte[] reply;
    private boolean zeroCopy;
    /** Looks at the reply's size only, as stui_lat's client does with zmq_msg_size. */
    private final ZSocket.FrameReader sizeOnly = frame -> replySize = frame.byteSize();

    private long replySize;

    @Setup(Level.Trial)
    public void setUp() {
        context = new ZContext(backend);
        boolean dealer = pattern.equals("DEALER_ROUTER");
        String bind = transport.equals("tcp") ? "tcp://127.0.0.1:*" : "inproc://rtt-" + System.nanoTime();
        zeroCopy = switch (echo) {
            case "ZEROCOPY" -> true;
            case "COPY" -> false;
            default -> throw new IllegalArgumentException("echo must be ZEROCOPY or COPY, got " + echo);
        };
        echoServer = new EchoServer(context, dealer ? SocketType.ROUTER : SocketType.REP, bind, size, zeroCopy);
        client = context.createSocket(dealer ? SocketType.DEALER : SocketType.REQ);
        client.setLinger(0);
        client.connect(echoServer.endpoint());
        payload = new byte[size];
        Arrays.fill(payload, (byte) 'x');
        reply = new byte[size];
    }

    @Benchmark
    public long roundTrip() {
        client.send(payload, 0, payload.length, 0);
        if (zeroCopy) {
            client.receive(sizeOnly, 0);
            return replySize;
        }
        return client.receive(reply, 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        client.close();
        echoServer.close();
        context.close();
    }
}
