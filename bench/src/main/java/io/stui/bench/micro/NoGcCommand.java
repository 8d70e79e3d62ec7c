package io.stui.bench.micro;

import io.stui.zmq.Backend;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stui bench nogc}: passes N small messages over PUSH/PULL with heap buffers reused on both
 * sides and reports the garbage-collection cycles that happened meanwhile and the bytes each side
 * allocated per message. Run with {@code -Xlog:gc} to see the GC log too.
 */
@Command(name = "nogc", mixinStandardHelpOptions = true,
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

    @Option(names = "--warmup", description = "Messages passed first, not counted (default: ${DEFAULT-VALUE}).")
    long warmup = 200_000;

    @Override
    public Integer call() throws Exception {
        Backend b = Backend.valueOf(backend.toUpperCase(Locale.ROOT));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (ZContext ctx = new ZContext(b)) {
            ZSocket pull = ctx.createSocket(SocketType.PULL);
            pull.bind(transport.equals("tcp") ? "tcp://127.0.0.1:*" : "inproc://nogc");
            ZSocket push = ctx.createSocket(SocketType.PUSH);
            push.connect(pull.lastEndpoint());
            byte[] payload = new byte[size];
            Arrays.fill(payload, (byte) 'x');
            byte[] buffer = new byte[size];

            pass(push, pull, payload, buffer, warmup); // JIT warm-up, outside the counts

            AtomicLong senderAllocated = new AtomicLong();
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
            long received = 0;
            for (long i = 0; i < messages; i++) {
                if (pull.receive(buffer, 0) == size) {
                    received++;
                }
            }
            sender.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            long receiverAllocated = threads.getCurrentThreadAllocatedBytes() - receiverAllocBefore;
            long gcs = gcCount() - gcBefore;
            long gcMillis = gcTime() - gcTimeBefore;
            System.out.printf(Locale.ROOT,
                    "{\"check\":\"nogc\",\"backend\":\"%s\",\"transport\":\"%s\",\"size\":%d,\"messages\":%d,\"received\":%d,"
                            + "\"seconds\":%.3f,\"msgs_per_s\":%.0f,\"gc_cycles\":%d,\"gc_millis\":%d,"
                            + "\"sender_bytes_per_msg\":%.4f,\"receiver_bytes_per_msg\":%.4f,\"heap_used_mib\":%.1f}%n",
                    b.name().toLowerCase(Locale.ROOT), transport, size, messages, received, seconds, messages / seconds,
                    gcs, gcMillis, senderAllocated.get() / (double) messages, receiverAllocated / (double) messages,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0);
            push.close();
            pull.close();
            return gcs == 0 && received == messages ? 0 : 1;
        }
    }

    private static void pass(ZSocket push, ZSocket pull, byte[] payload, byte[] buffer, long n) {
        for (long i = 0; i < n; i++) {
            push.send(payload, 0, payload.length, 0);
            pull.receive(buffer, 0);
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c >= 0).sum();
    }

    private static long gcTime() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(c -> c >= 0).sum();
    }
}
