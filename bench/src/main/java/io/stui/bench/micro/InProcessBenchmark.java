package io.stui.bench.micro;

import io.stui.zmq.Backend;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
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
 * What the Java side adds per call, per backend: a 16-byte message sent and received again on an
 * inproc PAIR in the same thread (it never leaves the process, no thread wakes up), and one socket
 * option read through the API ({@code ZMQ_EVENTS}). Compare with {@code stui_inproc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InProcessBenchmark {
    @Param({"NATIVE", "JEROMQ"})
    public Backend backend;

    private ZContext context;
    private ZSocket a;
    private ZSocket b;
    private final byte[] payload = new byte[16];
    private final byte[] buffer = new byte[16];

    @Setup(Level.Trial)
    public void setUp() {
        context = new ZContext(backend);
        a = context.createSocket(SocketType.PAIR);
        b = context.createSocket(SocketType.PAIR);
        a.setLinger(0);
        b.setLinger(0);
        String endpoint = "inproc://pair-" + System.nanoTime();
        a.bind(endpoint);
        b.connect(endpoint);
        // Prime the pipe with one exchange before measuring.
        a.send(payload, 0, payload.length, 0);
        if (b.receive(buffer, 0) != payload.length) {
            throw new IllegalStateException("the inproc PAIR did not pass a message");
        }
    }

    private long failures;

    @Benchmark
    public int sendReceiveInProcess() {
        // Blocking calls that never wait: the message is in the pipe before the receive. (With
        // DONTWAIT, libzmq often answers EAGAIN here: the reader has not yet processed the
        // pipe's activation command, which it only does on a blocking call or every few ms.)
        boolean sent = a.send(payload, 0, payload.length, 0);
        int n = b.receive(buffer, 0);
        if (!sent || n != payload.length) {
            failures++;
        }
        return n;
    }

    @Benchmark
    public int socketOptionRead() {
        return a.getEvents();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (failures > 0) {
            throw new IllegalStateException(failures + " in-process transfers did not complete; the score is void");
        }
        a.close();
        b.close();
        context.close();
    }
}
