package io.stui.bench.micro;

import io.stui.zmq.bindings.zmq_h;
import io.stui.zmq.bindings.zmq_msg_t;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of one Panama downcall into libzmq ({@code zmq_msg_size}, a few instructions in C)
 * through the generated bindings, through a handle linked with {@code Linker.Option.critical},
 * and, as the floor, a plain Java read of the same field-sized memory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DowncallBenchmark {
    private static final MethodHandle MSG_SIZE_CRITICAL = Linker.nativeLinker()
            .downcallHandle(
                    zmq_h.zmq_msg_size$address(), zmq_h.zmq_msg_size$descriptor(), Linker.Option.critical(false));

    private Arena arena;
    private MemorySegment msg;

    @Setup(Level.Trial)
    public void setUp() {
        arena = Arena.ofConfined();
        msg = arena.allocate(zmq_msg_t.layout());
        if (zmq_h.zmq_msg_init_size(msg, 16) != 0) {
            throw new IllegalStateException("zmq_msg_init_size failed");
        }
    }

    @Benchmark
    public long msgSizeGeneratedBinding() {
        return zmq_h.zmq_msg_size(msg);
    }

    @Benchmark
    public long msgSizeCriticalHandle() throws Throwable {
        return (long) MSG_SIZE_CRITICAL.invokeExact(msg);
    }

    @Benchmark
    public long javaMemoryReadBaseline() {
        return msg.get(ValueLayout.JAVA_LONG, 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        zmq_h.zmq_msg_close(msg);
        arena.close();
    }
}
