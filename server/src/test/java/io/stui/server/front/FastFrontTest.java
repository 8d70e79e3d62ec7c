package io.stui.server.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The front end's hand-over: work run in place on the front's thread that takes long makes another
 * thread take the sockets, so other clients keep getting answers and the slow answer still arrives.
 */
class FastFrontTest {

    private static final Duration RECEIVE = Duration.ofSeconds(5);

    ZContext ctx;
    FastFront front;
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch blocking = new CountDownLatch(1);
    final ConcurrentHashMap<String, Boolean> mayRunHereSeen = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, Thread> threadSeen = new ConcurrentHashMap<>();

    /** "block:N" waits for {@link #release} when it may run here; anything else is echoed at once. */
    private void dispatch(List<byte[]> body, Front.Reply reply, Front.InPlace here) {
        boolean mayRunHere = here.allowed();
        String text = new String(body.getFirst(), StandardCharsets.UTF_8);
        mayRunHereSeen.put(text, mayRunHere);
        threadSeen.put(text, Thread.currentThread());
        if (text.startsWith("block") && mayRunHere) {
            here.starting();
            blocking.countDown();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(reply, "done " + text);
            return;
        }
        if (text.startsWith("later")) {
            Thread.ofPlatform().daemon().start(() -> send(reply, "later " + text));
            return;
        }
        // lent like the codec's answers: the front must send these bytes before the array is reused
        byte[] lent = ("echo " + text + "#padding").getBytes(StandardCharsets.UTF_8);
        reply.send(lent, lent.length - "#padding".length());
        Arrays.fill(lent, (byte) '!');
    }

    private static void send(Front.Reply reply, String answer) {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        reply.send(bytes, bytes.length);
    }

    void start(int maxRelieved) {
        ctx = new ZContext();
        ThreadFactory threads =
                Thread.ofPlatform().name("test-front-", 1).daemon().factory();
        front = new FastFront(
                ctx,
                new Front.Settings("tcp://127.0.0.1:*", 1 << 20, null, Duration.ofMillis(1), maxRelieved),
                this::dispatch,
                threads);
        front.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (front != null) {
            front.close(Duration.ofSeconds(2));
        }
        if (ctx != null) {
            ctx.close();
        }
    }

    private ZSocket client() {
        ZSocket s = ctx.createSocket(SocketType.DEALER);
        s.setLinger(0);
        s.setRcvTimeout((int) RECEIVE.toMillis());
        s.connect(front.endpoint());
        return s;
    }

    private static void send(ZSocket s, String text) {
        s.send(new byte[0], ZSocket.SNDMORE);
        s.send(text.getBytes(StandardCharsets.UTF_8), 0);
    }

    private static String receive(ZSocket s) {
        byte[] delimiter = s.receive(0).orElseThrow(() -> new AssertionError("no answer within " + RECEIVE));
        assertEquals(0, delimiter.length);
        return new String(s.receive(0).orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void aLongRequestInPlaceHandsTheSocketsOverAndOthersKeepBeingAnswered() throws Exception {
        start(2);
        try (ZSocket slow = client();
                ZSocket quick = client()) {
            send(slow, "block:1");
            assertTrue(blocking.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 20; i++) {
                send(quick, "ping" + i);
                assertEquals("echo ping" + i, receive(quick), "answered while the first request is still running");
            }
            assertEquals(1, front.handovers());
            assertFalse(
                    threadSeen.get("ping0") == threadSeen.get("block:1"), "a different thread holds the sockets now");
            release.countDown();
            assertEquals("done block:1", receive(slow), "the slow answer arrives after the hand-over");
            send(quick, "later:1");
            assertEquals("later later:1", receive(quick), "answers from other threads still flow");
        }
        assertEquals(0, front.inFlight());
    }

    @Test
    void beyondMaxRelievedTheDispatcherIsToldNotToRunInPlace() throws Exception {
        start(1);
        try (ZSocket slow = client();
                ZSocket other = client()) {
            send(slow, "block:1");
            assertTrue(blocking.await(5, TimeUnit.SECONDS));
            send(other, "ping");
            assertEquals("echo ping", receive(other));
            // one relieved request is running: the limit of 1 is reached
            send(other, "block:2");
            assertEquals("echo block:2", receive(other));
            assertEquals(Boolean.FALSE, mayRunHereSeen.get("block:2"));
            assertEquals(Boolean.TRUE, mayRunHereSeen.get("block:1"));
            release.countDown();
            assertEquals("done block:1", receive(slow));
        }
    }

    @Test
    void closingWhileHandedOverWorkRunsNeitherHangsTheFrontNorThatWork() throws Exception {
        start(2);
        try (ZSocket slow = client()) {
            send(slow, "block:1");
            assertTrue(blocking.await(5, TimeUnit.SECONDS));
            Thread worker = threadSeen.get("block:1");
            front.close(Duration.ofMillis(100));
            release.countDown();
            worker.join(5_000);
            assertFalse(worker.isAlive(), "the handed-over work finished and its thread ended after the front closed");
        }
    }
}
