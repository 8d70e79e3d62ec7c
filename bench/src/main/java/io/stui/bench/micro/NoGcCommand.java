package io.stui.bench.micro;

import io.stui.zmq.Backend;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stui bench nogc}: passes N small messages over PUSH/PULL and reports the garbage-collection
 * cycles that happened meanwhile and the bytes each side allocated per message. The receiving side
 * works in one of three modes: {@code copy} receives into a reused {@code byte[]}, {@code reader}
 * reads each frame in place ({@code receive(FrameReader)}), {@code forward} relays each frame
 * ({@code forward}) to a second PUSH whose PULL a third thread drains into a reused array. Run with
 * {@code -Xlog:gc} to see the GC log too.
 */
@Command(
        name = "nogc",
        mixinStandardHelpOptions = true,
        description = "Counts GC cycles and allocated bytes while N small messages pass through a backend.")
public final class NoGcCommand implements Callable<Integer> {
    @Option(names = "--messages", description = "Messages to pass (default: ${DEFAULT-VALUE}).")
    long messages = 10_000_000;

    @Option(names = "--size", description = "Message size in bytes (default: ${DEFAULT-VALUE}).")
    int size = 16;

    @Option(names = "--transport", description = "inproc or tcp (default: ${DEFAULT-VALUE}).")
    String transport = "inproc";

    @Option(names = "--backend", description = "native or jeromq (default: ${DEFAULT-VALUE}).")
    String backend = "native";

    @Option(
            names = "--mode",
            description = "How the receiver takes each frame: copy (receive(byte[])), reader "
                    + "(receive(FrameReader), in place) or forward (forward to another PUSH, drained by a third thread) "
                    + "(default: ${DEFAULT-VALUE}).")
    String mode = "copy";

    @Option(names = "--warmup", description = "Messages passed first, not counted (default: ${DEFAULT-VALUE}).")
    long warmup = 200_000;

    /** Reads each lent frame's first byte, so the in-place receive has a reader that really reads. */
    private static final class FirstBytes implements ZSocket.FrameReader {
        long sum;

        @Override
        public void read(MemorySegment frame) {
            if (frame.byteSize() > 0) {
                sum += frame.get(ValueLayout.JAVA_BYTE, 0);
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        Backend b = Backend.valueOf(backend.toUpperCase(Locale.ROOT));
        if (!List.of("copy", "reader", "forward").contains(mode)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--mode must be copy, reader or forward, got " + mode);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (ZContext ctx = new ZContext(b)) {
            ZSocket pull = ctx.createSocket(SocketType.PULL);
            pull.bind(transport.equals("tcp") ? "tcp://127.0.0.1:*" : "inproc://nogc");
            ZSocket push = ctx.createSocket(SocketType.PUSH);
            push.connect(pull.lastEndpoint());
            ZSocket relay = null;
            ZSocket sink = null;
            if (mode.equals("forward")) {
                sink = ctx.createSocket(SocketType.PULL);
                sink.bind(transport.equals("tcp") ? "tcp://127.0.0.1:*" : "inproc://nogc-sink");
                relay = ctx.createSocket(SocketType.PUSH);
                relay.connect(sink.lastEndpoint());
            }
            byte[] payload = new byte[size];
            Arrays.fill(payload, (byte) 'x');
            byte[] buffer = new byte[size];
            FirstBytes reader = new FirstBytes();

            // JIT warm-up, outside the counts
            for (long i = 0; i < warmup; i++) {
                push.send(payload, 0, payload.length, 0);
                takeOne(pull, relay, buffer, reader);
                if (sink != null) {
                    sink.receive(buffer, 0);
                }
            }

            AtomicLong senderAllocated = new AtomicLong();
            AtomicLong drainAllocated = new AtomicLong();
            AtomicLong drained = new AtomicLong();
            long gcBefore = gcCount();
            long gcTimeBefore = gcTime();
            long receiverAllocBefore = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            Thread sender = Thread.ofPlatform().name("nogc-sender").start(() -> {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (long i = 0; i < messages; i++) {
                    push.send(payload, 0, payload.length, 0);
                }
                senderAllocated.set(threads.getCurrentThreadAllocatedBytes() - before);
            });
            ZSocket drainFrom = sink;
            Thread drain = drainFrom == null
                    ? null
                    : Thread.ofPlatform().name("nogc-drain").start(() -> {
                        byte[] into = new byte[size];
                        long before = threads.getCurrentThreadAllocatedBytes();
                        long n = 0;
                        for (long i = 0; i < messages; i++) {
                            if (drainFrom.receive(into, 0) == size) {
                                n++;
                            }
                        }
                        drainAllocated.set(threads.getCurrentThreadAllocatedBytes() - before);
                        drained.set(n);
                    });
            long received = 0;
            for (long i = 0; i < messages; i++) {
                if (takeOne(pull, relay, buffer, reader) == size) {
                    received++;
                }
            }
            sender.join();
            if (drain != null) {
                drain.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long receiverAllocated = threads.getCurrentThreadAllocatedBytes() - receiverAllocBefore;
            long gcs = gcCount() - gcBefore;
            long gcMillis = gcTime() - gcTimeBefore;
            String drainPart = drain == null
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            ",\"drained\":%d,\"drain_bytes_per_msg\":%.4f",
                            drained.get(),
                            drainAllocated.get() / (double) messages);
            System.out.printf(
                    Locale.ROOT,
                    "{\"check\":\"nogc\",\"backend\":\"%s\",\"transport\":\"%s\",\"mode\":\"%s\",\"size\":%d,\"messages\":%d,"
                            + "\"received\":%d,\"seconds\":%.3f,\"msgs_per_s\":%.0f,\"gc_cycles\":%d,\"gc_millis\":%d,"
                            + "\"sender_bytes_per_msg\":%.4f,\"receiver_bytes_per_msg\":%.4f%s,\"heap_used_mib\":%.1f}%n",
                    b.name().toLowerCase(Locale.ROOT),
                    transport,
                    mode,
                    size,
                    messages,
                    received,
                    seconds,
                    messages / seconds,
                    gcs,
                    gcMillis,
                    senderAllocated.get() / (double) messages,
                    receiverAllocated / (double) messages,
                    drainPart,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0);
            boolean allThrough = received == messages && (drain == null || drained.get() == messages);
            for (ZSocket s : new ZSocket[] {push, pull, relay, sink}) {
                if (s != null) {
                    s.close();
                }
            }
            return gcs == 0 && allThrough ? 0 : 1;
        }
    }

    /** Takes one frame off {@code pull} the way the mode says; returns its size. */
    private long takeOne(ZSocket pull, ZSocket relay, byte[] buffer, FirstBytes reader) {
        return switch (mode) {
            case "reader" -> pull.receive(reader, 0);
            case "forward" -> pull.forward(relay, 0);
            default -> pull.receive(buffer, 0);
        };
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .filter(c -> c >= 0)
                .sum();
    }

    private static long gcTime() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(c -> c >= 0)
                .sum();
    }
}
