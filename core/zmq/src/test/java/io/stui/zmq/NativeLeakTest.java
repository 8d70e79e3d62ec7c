package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native memory does not grow over 10,000 socket open/close cycles and 1,000,000 messages.
 *
 * <p>Measures glibc's heap in use (mallinfo2: uordblks + hblkhd, i.e. what libzmq and the JVM's
 * native allocations hold) and the process RSS before and after, after a warm-up. Run alone with
 * {@code ./mvnw -q -pl core/zmq test -Dgroups=leak}.
 */
@Tag("leak")
class NativeLeakTest {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLeakTest.class);
    private static final int SOCKETS = 10_000;
    private static final int MESSAGES = 1_000_000;
    private static final int FAILURES = 2_500;
    /**
     * JIT compiler threads malloc and free arenas of several MB at any moment, so the heap is noisy by
     * a few MB; the leaks this test is about are far larger (1,000,000 messages of 64 B or more, 5,000
     * failed 200 kB sends), and leaked sockets show exactly in the descriptor count.
     */
    private static final long MALLOC_TOLERANCE = 12L << 20;

    private static final long RSS_TOLERANCE = 48L << 20;

    private static final StructLayout MALLINFO2 = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("arena"), ValueLayout.JAVA_LONG.withName("ordblks"),
            ValueLayout.JAVA_LONG.withName("smblks"), ValueLayout.JAVA_LONG.withName("hblks"),
            ValueLayout.JAVA_LONG.withName("hblkhd"), ValueLayout.JAVA_LONG.withName("usmblks"),
            ValueLayout.JAVA_LONG.withName("fsmblks"), ValueLayout.JAVA_LONG.withName("uordblks"),
            ValueLayout.JAVA_LONG.withName("fordblks"), ValueLayout.JAVA_LONG.withName("keepcost"));

    /** Bytes malloc has handed out and not had back (glibc's mallinfo2). */
    private static long mallocInUse() {
        Linker linker = Linker.nativeLinker();
        MemorySegment fn = linker.defaultLookup()
                .find("mallinfo2")
                .orElseThrow(() -> new AssertionError("glibc 2.33+ (mallinfo2) is needed to measure native memory"));
        MethodHandle mh = linker.downcallHandle(fn, FunctionDescriptor.of(MALLINFO2));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = (MemorySegment) mh.invokeExact((java.lang.foreign.SegmentAllocator) arena);
            return info.get(
                            ValueLayout.JAVA_LONG,
                            MALLINFO2.byteOffset(MemoryLayout.PathElement.groupElement("uordblks")))
                    + info.get(
                            ValueLayout.JAVA_LONG,
                            MALLINFO2.byteOffset(MemoryLayout.PathElement.groupElement("hblkhd")));
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new AssertionError("no VmRSS in /proc/self/status");
    }

    /** Open file descriptors: every libzmq socket holds at least one (its mailbox eventfd). */
    private static long openFds() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static void openAndCloseSockets(ZContext ctx, int count, int round) {
        for (int i = 0; i < count; i++) {
            try (ZSocket s = ctx.createSocket(i % 2 == 0 ? SocketType.PAIR : SocketType.DEALER)) {
                s.setLinger(0);
                s.setRoutingId(new byte[] {1, (byte) i});
                s.bind("inproc://leak-" + round + "-" + i);
                assertEquals(0, s.getEvents() & ZPoller.POLLIN);
            }
        }
    }

    private static void sendMessages(ZContext ctx, int count, int round) {
        try (ZSocket push = ctx.createSocket(SocketType.PUSH);
                ZSocket pull = ctx.createSocket(SocketType.PULL)) {
            push.setLinger(0);
            pull.setLinger(0);
            pull.bind("inproc://leak-stream-" + round);
            push.connect("inproc://leak-stream-" + round);
            byte[] payload = new byte[64];
            byte[] big = new byte[100_000]; // goes through zmq_msg_init_size and a malloc'd body
            byte[] buf = new byte[128];
            int batch = 500;
            for (int sent = 0; sent < count; sent += batch) {
                for (int i = 0; i < batch; i++) {
                    byte[] frame = (sent + i) % 10_000 == 0 ? big : payload;
                    // A DONTWAIT send may report would-block while the reader's acknowledgements are in flight.
                    if ((sent + i) % 3 != 0 || !push.send(frame, ZSocket.DONTWAIT)) {
                        assertTrue(push.send(frame, 0));
                    }
                }
                for (int i = 0; i < batch; i++) {
                    if (i % 2 == 0) {
                        assertTrue(pull.receive(buf, 0) >= 64);
                    } else {
                        assertTrue(pull.receive(ZSocket.DONTWAIT).isPresent());
                    }
                }
            }
        }
    }

    /** The paths where a built zmq_msg_t is not sent: would-block and a real error. Each must close it. */
    private static void failedLargeSends(ZContext ctx, int count) {
        byte[] big = new byte[200_000];
        try (ZSocket lonely = ctx.createSocket(SocketType.PUSH);
                ZSocket rep = ctx.createSocket(SocketType.REP)) {
            lonely.setLinger(0);
            rep.setLinger(0);
            for (int i = 0; i < count; i++) {
                assertTrue(!lonely.send(big, ZSocket.DONTWAIT), "no peer: would block");
                try {
                    rep.send(big, 0); // REP before any request: EFSM
                    throw new AssertionError("EFSM expected");
                } catch (ZmqException e) {
                    assertEquals(ZmqError.EFSM, e.code());
                }
            }
        }
    }

    /** One round in its own context: closing it makes libzmq's reaper free every closed socket first. */
    private static void round(int round) {
        try (ZContext ctx = new ZContext(Backend.NATIVE)) {
            // zmq_close is asynchronous: the reaper frees a closed socket's slot later, and on a busy
            // machine it can lag behind this loop by more than the default 1023 sockets.
            ctx.setMaxSockets(SOCKETS + 1024);
            openAndCloseSockets(ctx, SOCKETS, round);
            sendMessages(ctx, MESSAGES, round);
            failedLargeSends(ctx, FAILURES); // 500 MB if a 200 kB message leaked per failure
        }
    }

    @Test
    void nativeMemoryDoesNotGrow() throws IOException {
        round(0); // warm-up with the same work: JIT compilation, libzmq's pools and malloc's arenas settle
        System.gc();
        long mallocBefore = mallocInUse();
        long rssBefore = rssBytes();
        long fdsBefore = openFds();
        long t0 = System.nanoTime();

        round(1);

        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long mallocAfter = mallocInUse();
        long rssAfter = rssBytes();
        long fdsAfter = openFds();
        LOG.info(
                "{} sockets + {} messages + {} failed large sends in {} ms: malloc in use {} -> {} KiB ({} KiB), RSS {} -> {} KiB ({} KiB), fds {} -> {}",
                SOCKETS,
                MESSAGES,
                2 * FAILURES,
                millis,
                mallocBefore >> 10,
                mallocAfter >> 10,
                (mallocAfter - mallocBefore) >> 10,
                rssBefore >> 10,
                rssAfter >> 10,
                (rssAfter - rssBefore) >> 10,
                fdsBefore,
                fdsAfter);
        assertTrue(fdsAfter - fdsBefore < 8, "file descriptors " + fdsBefore + " -> " + fdsAfter);
        assertTrue(
                mallocAfter - mallocBefore < MALLOC_TOLERANCE,
                "native heap grew by " + ((mallocAfter - mallocBefore) >> 10) + " KiB");
        assertTrue(rssAfter - rssBefore < RSS_TOLERANCE, "RSS grew by " + ((rssAfter - rssBefore) >> 10) + " KiB");
    }

    /**
     * {@link ZSocket#forward}: frames relayed, frames left held and then discarded, and frames dropped on a
     * send error. Every path must release the received zmq_msg_t (a 200 kB frame lost per failure would
     * show as 400 MB here, one per 100 relayed frames as 100 MB).
     */
    private static void forwardRound(int round) {
        try (ZContext ctx = new ZContext(Backend.NATIVE);
                ZSocket push = ctx.createSocket(SocketType.PUSH);
                ZSocket src = ctx.createSocket(SocketType.PULL);
                ZSocket out = ctx.createSocket(SocketType.PUSH);
                ZSocket sink = ctx.createSocket(SocketType.PULL);
                ZSocket lonely = ctx.createSocket(SocketType.PUSH);
                ZSocket rep = ctx.createSocket(SocketType.REP)) {
            for (ZSocket s : new ZSocket[] {push, src, out, sink, lonely, rep}) {
                s.setLinger(0);
            }
            src.bind("inproc://fwd-leak-src-" + round);
            push.connect("inproc://fwd-leak-src-" + round);
            sink.bind("inproc://fwd-leak-sink-" + round);
            out.connect("inproc://fwd-leak-sink-" + round);
            byte[] small = new byte[64];
            byte[] large = new byte[100_000];
            byte[] huge = new byte[200_000];
            byte[] buf = new byte[128];
            int batch = 500;
            for (int sent = 0; sent < 200_000; sent += batch) {
                for (int i = 0; i < batch; i++) {
                    assertTrue(push.send((sent + i) % 100 == 0 ? large : small, 0));
                }
                for (int i = 0; i < batch; i++) {
                    assertTrue(src.forward(out, 0) >= 64);
                    assertTrue(sink.receive(buf, 0) >= 64);
                }
            }
            for (int i = 0; i < 2_000; i++) {
                assertTrue(push.send(huge, 0));
                assertEquals(ZSocket.HELD, src.forward(lonely, ZSocket.DONTWAIT));
                assertTrue(src.discardHeld());
                assertTrue(push.send(huge, 0));
                try {
                    src.forward(rep, 0); // REP before any request: EFSM, the frame is dropped
                    throw new AssertionError("EFSM expected");
                } catch (ZmqException e) {
                    assertEquals(ZmqError.EFSM, e.code());
                }
            }
        }
    }

    @Test
    void forwardingReleasesEveryFrame() throws IOException {
        forwardRound(0);
        System.gc();
        long mallocBefore = mallocInUse();
        long fdsBefore = openFds();
        long t0 = System.nanoTime();

        forwardRound(1);

        long millis = (System.nanoTime() - t0) / 1_000_000;
        long mallocAfter = mallocInUse();
        long fdsAfter = openFds();
        LOG.info(
                "200,000 forwarded frames + 2,000 held and discarded + 2,000 dropped on EFSM in {} ms: malloc in use {} -> {} KiB ({} KiB), fds {} -> {}",
                millis,
                mallocBefore >> 10,
                mallocAfter >> 10,
                (mallocAfter - mallocBefore) >> 10,
                fdsBefore,
                fdsAfter);
        assertTrue(fdsAfter - fdsBefore < 8, "file descriptors " + fdsBefore + " -> " + fdsAfter);
        assertTrue(
                mallocAfter - mallocBefore < MALLOC_TOLERANCE,
                "native heap grew by " + ((mallocAfter - mallocBefore) >> 10) + " KiB");
    }
}
