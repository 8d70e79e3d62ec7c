package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ZLoop on both backends: readers, timers, and every way run() ends. */
@Timeout(20)
class ZLoopTest extends BackendTestBase {

    private ZLoop loop() {
        return closeLater(new ZLoop(ctx));
    }

    @Test
    void aReaderGetsEachMessageUntilItsHandlerEndsTheLoop() {
        Linked pair = link(SocketType.PULL, SocketType.PUSH, "inproc://zloop-reader");
        for (String m : List.of("one", "two", "three", "four")) {
            pair.connected().send(m);
        }
        List<String> got = new ArrayList<>();
        ZLoop loop = loop();
        loop.addReader(pair.bound(), (l, socket) -> {
            assertSame(loop, l);
            got.add(socket.receiveString().orElseThrow());
            return got.size() < 3;
        });
        loop.run();
        assertEquals(List.of("one", "two", "three"), got);
        assertReceives(pair.bound(), "four");
    }

    @Test
    void aTimerRunsItsTimesThenTheLoopHasNothingLeftAndEnds() {
        AtomicInteger three = new AtomicInteger();
        AtomicInteger once = new AtomicInteger();
        ZLoop loop = loop();
        ZLoop.Timer timer = loop.addTimer(Duration.ofMillis(1), 3, (l, t) -> three.incrementAndGet() > 0);
        loop.addTimer(Duration.ofMillis(2), 1, (l, t) -> once.incrementAndGet() > 0);
        assertTrue(timer.isActive());
        loop.run();
        assertEquals(3, three.get());
        assertEquals(1, once.get());
        assertFalse(timer.isActive());
    }

    @Test
    void aRepeatingTimerRunsUntilCancelled() {
        AtomicInteger calls = new AtomicInteger();
        ZLoop loop = loop();
        loop.addTimer(Duration.ofMillis(1), 0, (l, t) -> {
            if (calls.incrementAndGet() == 5) {
                t.cancel();
            }
            return true;
        });
        loop.run();
        assertEquals(5, calls.get());
    }

    @Test
    void timersDriveASocketTheLoopAlsoReads() {
        Linked pair = link(SocketType.PAIR, SocketType.PAIR, "inproc://zloop-ticks");
        List<String> got = new ArrayList<>();
        ZLoop loop = loop();
        AtomicInteger sent = new AtomicInteger();
        loop.addTimer(Duration.ofMillis(1), 3, (l, t) -> pair.connected().send("tick " + sent.incrementAndGet()));
        loop.addReader(pair.bound(), (l, socket) -> {
            got.add(socket.receiveString().orElseThrow());
            return got.size() < 3;
        });
        loop.run();
        assertEquals(List.of("tick 1", "tick 2", "tick 3"), got);
    }

    @Test
    void stopAndARemovedReaderAndATimerThatSaysNo() {
        Linked a = link(SocketType.PULL, SocketType.PUSH, "inproc://zloop-a");
        a.connected().send("x");
        a.connected().send("y");
        AtomicInteger reads = new AtomicInteger();
        ZLoop loop = loop();
        loop.addReader(a.bound(), (l, socket) -> {
            socket.receiveString().orElseThrow();
            reads.incrementAndGet();
            assertTrue(l.removeReader(socket));
            return true;
        });
        loop.addTimer(Duration.ofMillis(5), 0, (l, t) -> false);
        loop.run();
        assertEquals(1, reads.get(), "a reader removed by its handler is not called again");
        assertReceives(a.bound(), "y");

        loop.addReader(a.bound(), (l, socket) -> {
            l.stop();
            return true;
        });
        a.connected().send("z");
        loop.run();
        assertReceives(a.bound(), "z");
    }

    @Test
    void aHandlersExceptionEndsRunAndIsThrown() {
        ZLoop loop = loop();
        loop.addTimer(Duration.ofMillis(1), 1, (l, t) -> {
            throw new IllegalStateException("handler failed");
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, loop::run);
        assertEquals("handler failed", e.getMessage());
    }

    @Test
    void theContextsShutdownEndsALoopWaitingOnSockets() throws Exception {
        ZSocket pull = ctx.createSocket(SocketType.PULL);
        pull.bind("inproc://zloop-eterm");
        CountDownLatch ended = new CountDownLatch(1);
        Thread runner = Thread.ofPlatform().start(() -> {
            try (ZLoop loop = new ZLoop(ctx)) {
                loop.addReader(pull, (l, socket) -> true);
                loop.run();
                ended.countDown();
            } finally {
                pull.close();
            }
        });
        ctx.shutdown();
        assertTrue(ended.await(TIMEOUT_MS, TimeUnit.MILLISECONDS), "run() returned on ETERM");
        runner.join();
    }

    @Test
    void badArgumentsAreRefused() {
        ZLoop loop = loop();
        assertThrows(IllegalArgumentException.class, () -> loop.addTimer(Duration.ZERO, 0, (l, t) -> true));
        assertThrows(IllegalArgumentException.class, () -> loop.addTimer(Duration.ofMillis(1), -1, (l, t) -> true));
        assertThrows(IllegalArgumentException.class, () -> loop.addReader(null, (l, s) -> true));
        loop.run(); // nothing to wait for: returns at once
    }
}
