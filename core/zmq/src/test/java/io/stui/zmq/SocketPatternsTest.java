package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each socket pattern end to end, once per backend. */
class SocketPatternsTest extends BackendTestBase {

    @Test
    void reqRepRoundTrip() {
        ZSocket rep = socket(SocketType.REP);
        ZSocket req = socket(SocketType.REQ);
        req.connect(bindTcp(rep));
        for (int i = 0; i < 3; i++) {
            assertTrue(req.send("hello " + i));
            assertReceives(rep, "hello " + i);
            assertTrue(rep.send("world " + i));
            assertReceives(req, "world " + i);
        }
    }

    @Test
    void pubSubFiltersByTopic() {
        ZSocket pub = socket(SocketType.PUB);
        ZSocket sub = socket(SocketType.SUB);
        sub.subscribe("weather");
        sub.connect(bindTcp(pub));
        awaitSubscription(pub, sub, "weather.probe");

        pub.send("sports 1-0");
        pub.send("weather sunny");
        pub.send("news none");
        pub.send("weather rain");
        assertEquals("weather sunny", receiveSkipping(sub, "weather.probe"));
        assertEquals("weather rain", receiveSkipping(sub, "weather.probe"));
        assertTrue(sub.receive(ZSocket.DONTWAIT).isEmpty(), "other topics must be filtered out");

        sub.unsubscribe("weather");
        sub.subscribe("news");
        awaitSubscription(pub, sub, "news.probe");
        pub.send("weather hail");
        pub.send("news later");
        assertEquals("news later", receiveSkipping(sub, "news.probe"));
    }

    @Test
    void pushPullFansOutRoundRobin() {
        List<ZSocket> pulls = new ArrayList<>();
        ZSocket push = socket(SocketType.PUSH);
        for (int i = 0; i < 3; i++) {
            ZSocket pull = socket(SocketType.PULL);
            // Connecting creates the pipe at once (IMMEDIATE off), so round robin covers all three.
            push.connect(bindTcp(pull));
            pulls.add(pull);
        }
        for (int i = 0; i < 30; i++) {
            assertTrue(push.send("task " + i));
        }
        int total = 0;
        for (ZSocket pull : pulls) {
            for (int i = 0; i < 10; i++) {
                assertTrue(pull.receiveString().orElseThrow().startsWith("task "));
                total++;
            }
            assertTrue(pull.receive(ZSocket.DONTWAIT).isEmpty(), "each worker gets an equal share");
        }
        assertEquals(30, total);
    }

    @Test
    void dealerRouterRoutesByIdentity() {
        ZSocket router = socket(SocketType.ROUTER);
        String ep = bindTcp(router);
        Map<String, ZSocket> dealers = new HashMap<>();
        for (String id : List.of("alice", "bob")) {
            ZSocket d = socket(SocketType.DEALER);
            d.setRoutingId(id.getBytes(StandardCharsets.UTF_8));
            d.connect(ep);
            d.send("hi from " + id);
            dealers.put(id, d);
        }
        for (int i = 0; i < 2; i++) {
            ZMessage m = router.receiveMessage().orElseThrow();
            assertEquals(2, m.size());
            String id = m.frameString(0);
            assertEquals("hi from " + id, m.frameString(1));
        }
        for (String id : List.of("bob", "alice")) {
            assertTrue(router.send(ZMessage.ofStrings(id, "reply to " + id)));
        }
        assertReceives(dealers.get("alice"), "reply to alice");
        assertReceives(dealers.get("bob"), "reply to bob");
    }

    @Test
    void pairOverInproc() {
        ZSocket a = socket(SocketType.PAIR);
        ZSocket b = socket(SocketType.PAIR);
        a.bind("inproc://pair-" + backend);
        b.connect("inproc://pair-" + backend);
        a.send("ping");
        assertReceives(b, "ping");
        b.send("pong");
        assertReceives(a, "pong");
        assertEquals(SocketType.PAIR, a.getType());
    }

    @Test
    void xpubXsubThroughProxy() {
        ZSocket xsub = socket(SocketType.XSUB);
        ZSocket xpub = socket(SocketType.XPUB);
        String front = bindTcp(xsub);
        String back = bindTcp(xpub);
        ZSocket pub = socket(SocketType.PUB);
        ZSocket sub = socket(SocketType.SUB);
        pub.connect(front);
        sub.subscribe("a.");
        sub.connect(back);
        try (ZProxy proxy = ZProxy.start(ctx, xsub, xpub)) {
            awaitSubscription(pub, sub, "a.probe");
            pub.send("b.ignored");
            pub.send("a.through the proxy");
            assertEquals("a.through the proxy", receiveSkipping(sub, "a.probe"));
            assertTrue(proxy.isRunning());
        }
    }

    @Test
    void streamTalksRawTcp() throws Exception {
        ZSocket stream = socket(SocketType.STREAM);
        String ep = bindTcp(stream);
        int port = Integer.parseInt(ep.substring(ep.lastIndexOf(':') + 1));
        try (Socket tcp = new Socket("127.0.0.1", port)) {
            tcp.setSoTimeout(TIMEOUT_MS);
            OutputStream out = tcp.getOutputStream();
            out.write("GET /hello".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] id;
            String payload;
            do { // a STREAM socket first reports the connection with an empty frame
                ZMessage m = stream.receiveMessage().orElseThrow();
                assertEquals(2, m.size());
                id = m.frame(0);
                payload = m.frameString(1);
            } while (payload.isEmpty());
            assertEquals("GET /hello", payload);

            stream.send(id, ZSocket.SNDMORE);
            stream.send("raw reply");
            InputStream in = tcp.getInputStream();
            byte[] buf = new byte[9];
            int n = 0;
            while (n < buf.length) {
                int r = in.read(buf, n, buf.length - n);
                assertTrue(r > 0, "connection closed early");
                n += r;
            }
            assertEquals("raw reply", new String(buf, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void multipartKeepsFramesTogether() {
        ZSocket a = socket(SocketType.PAIR);
        ZSocket b = socket(SocketType.PAIR);
        b.connect(bindTcp(a));
        assertTrue(a.sendMore("one"));
        assertTrue(a.sendMore(new byte[0]));
        assertTrue(a.send("three"));
        assertReceives(b, "one");
        assertTrue(b.hasReceiveMore());
        assertArrayEquals(new byte[0], b.receive().orElseThrow());
        assertTrue(b.hasReceiveMore());
        assertReceives(b, "three");
        assertFalse(b.hasReceiveMore());

        a.send(ZMessage.ofStrings("x", "y", "z"));
        ZMessage m = b.receiveMessage().orElseThrow();
        assertEquals(List.of("x", "y", "z"), List.of(m.frameString(0), m.frameString(1), m.frameString(2)));
    }

    @Test
    void receiveFramesAppendsOneWholeMessageToTheCallersList() {
        ZSocket a = socket(SocketType.PAIR);
        ZSocket b = socket(SocketType.PAIR);
        b.connect(bindTcp(a));
        b.setRcvTimeout((int) TIMEOUT_MS);
        List<byte[]> frames = new java.util.ArrayList<>();
        frames.add("kept".getBytes(StandardCharsets.UTF_8));
        assertFalse(b.receiveFrames(frames, ZSocket.DONTWAIT), "nothing sent yet");
        assertEquals(1, frames.size());
        a.send(ZMessage.ofStrings("x", "", "z"));
        a.send(ZMessage.ofStrings("next"));
        assertTrue(b.receiveFrames(frames, 0));
        assertEquals(
                List.of("kept", "x", "", "z"),
                frames.stream().map(f -> new String(f, StandardCharsets.UTF_8)).toList());
        assertFalse(b.hasReceiveMore(), "the second message is not read into the first");
        frames.clear();
        assertTrue(b.receiveFrames(frames, 0));
        assertEquals(
                List.of("next"),
                frames.stream().map(f -> new String(f, StandardCharsets.UTF_8)).toList());
    }

    /**
     * Later frames of a multipart message take a short non-blocking path on the native backend; with
     * high-water marks of 1 the first frame of most messages has to wait, so both paths run. Every
     * message must arrive whole and in order, whichever way it is sent and received.
     */
    @Test
    void multipartUnderBackPressureArrivesWholeAndInOrder() throws Exception {
        ZSocket push = socket(SocketType.PUSH);
        ZSocket pull = socket(SocketType.PULL);
        push.setSndHwm(1);
        pull.setRcvHwm(1);
        push.connect(bindTcp(pull));
        int messages = 300;
        byte[] big = new byte[100_000];
        java.util.Arrays.fill(big, (byte) 7);
        Thread sender = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < messages; i++) {
                byte[] id = ("m" + i).getBytes(StandardCharsets.UTF_8);
                byte[] body = i % 10 == 0 ? big : id;
                if (i % 2 == 0) {
                    push.send(ZMessage.of(id, new byte[0], body));
                } else {
                    push.sendMore(id);
                    push.sendMore(new byte[0]);
                    push.send(body, 0);
                }
            }
        });
        for (int i = 0; i < messages; i++) {
            List<byte[]> frames = new ArrayList<>();
            if (i % 3 == 0) {
                frames.addAll(pull.receiveMessage().orElseThrow().frames());
            } else {
                frames.add(pull.receive().orElseThrow());
                while (pull.hasReceiveMore()) {
                    frames.add(pull.receive().orElseThrow());
                }
            }
            byte[] id = ("m" + i).getBytes(StandardCharsets.UTF_8);
            assertEquals(3, frames.size(), "frames of message " + i);
            assertArrayEquals(id, frames.get(0));
            assertArrayEquals(new byte[0], frames.get(1));
            assertArrayEquals(i % 10 == 0 ? big : id, frames.get(2), "body of message " + i);
        }
        sender.join(TIMEOUT_MS);
        assertFalse(sender.isAlive());
        assertTrue(pull.receive(ZSocket.DONTWAIT).isEmpty());
    }

    @Test
    void receiveTimeoutAndDontWaitAreResultsNotErrors() {
        ZSocket pull = socket(SocketType.PULL);
        bindTcp(pull);
        pull.setRcvTimeout(100);
        long t0 = System.nanoTime();
        assertTrue(pull.receive().isEmpty());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 80 && ms < TIMEOUT_MS, "waited " + ms + " ms");
        assertTrue(pull.receive(ZSocket.DONTWAIT).isEmpty());
        assertEquals(-1, pull.receive(new byte[8], ZSocket.DONTWAIT));

        ZSocket push = socket(SocketType.PUSH); // no peer: a send would block
        assertFalse(push.send("nobody", ZSocket.DONTWAIT));
        push.setSndTimeout(50);
        assertFalse(push.send("nobody"));
    }

    @Test
    void pollerWatchesThreeSockets() {
        ZSocket[] pulls = new ZSocket[3];
        ZSocket[] pushes = new ZSocket[3];
        for (int i = 0; i < 3; i++) {
            pulls[i] = socket(SocketType.PULL);
            pushes[i] = socket(SocketType.PUSH);
            pushes[i].connect(bindTcp(pulls[i]));
        }
        try (ZPoller poller = new ZPoller(ctx)) {
            for (ZSocket p : pulls) {
                poller.register(p, ZPoller.POLLIN);
            }
            assertEquals(3, poller.size());
            assertEquals(0, poller.poll(10));

            pushes[1].send("to the second");
            assertEquals(1, poller.poll(TIMEOUT_MS));
            assertFalse(poller.isReadable(pulls[0]));
            assertTrue(poller.isReadable(pulls[1]));
            assertFalse(poller.isReadable(pulls[2]));
            assertReceives(pulls[1], "to the second");

            pushes[0].send("first");
            pushes[2].send("third");
            int seen = 0;
            boolean first = false;
            boolean third = false;
            long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000L;
            while (!(first && third) && System.nanoTime() < deadline) {
                seen = poller.poll(TIMEOUT_MS);
                first |= poller.isReadable(pulls[0]);
                third |= poller.isReadable(pulls[2]);
                assertFalse(poller.isReadable(pulls[1]));
                if (poller.isReadable(pulls[0])) {
                    assertReceives(pulls[0], "first");
                }
                if (poller.isReadable(pulls[2])) {
                    assertReceives(pulls[2], "third");
                }
            }
            assertTrue(first && third, "both messages polled, last poll saw " + seen);
            assertTrue(poller.unregister(pulls[1]));
            assertEquals(2, poller.size());

            ZSocket out = socket(SocketType.PUSH);
            out.connect(bindTcp(socket(SocketType.PULL)));
            poller.register(out, ZPoller.POLLOUT);
            assertEquals(1, poller.poll(TIMEOUT_MS));
            assertTrue(poller.isWritable(out));
        }
    }

    @Test
    void sixteenMebibyteMessage() {
        ZSocket a = socket(SocketType.PAIR);
        ZSocket b = socket(SocketType.PAIR);
        b.connect(bindTcp(a));
        byte[] big = new byte[16 << 20];
        new java.util.Random(42).nextBytes(big);
        assertTrue(a.send(big));
        byte[] got = b.receive().orElseThrow();
        assertEquals(big.length, got.length);
        assertArrayEquals(big, got);
    }

    @Test
    void byteBufferAndMemorySegmentFrames() {
        ZSocket a = socket(SocketType.PAIR);
        ZSocket b = socket(SocketType.PAIR);
        b.connect(bindTcp(a));

        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(16);
        direct.put("direct".getBytes(StandardCharsets.US_ASCII)).flip();
        assertTrue(a.send(direct, 0));
        assertEquals(direct.limit(), direct.position(), "a sent buffer is consumed");
        java.nio.ByteBuffer into = java.nio.ByteBuffer.allocate(32);
        assertEquals(6, b.receive(into, 0));
        assertEquals("direct", new String(into.array(), 0, into.position(), StandardCharsets.US_ASCII));

        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            java.lang.foreign.MemorySegment seg = arena.allocateFrom("segment");
            assertTrue(a.send(seg.asSlice(0, 7), 0));
            java.lang.foreign.MemorySegment dst = arena.allocate(64);
            assertEquals(7, b.receive(dst, 0));
            assertEquals("segment", dst.getString(0));
            // Heap segments work too (copied before the call).
            assertTrue(a.send(java.lang.foreign.MemorySegment.ofArray("heap".getBytes(StandardCharsets.US_ASCII)), 0));
            assertReceives(b, "heap");
        }
    }

    @Test
    void aCallersSegmentIsCheckedBeforeItIsRead() throws Exception {
        // the socket's own buffers go to libzmq by raw address; a caller's segment must still be checked
        ZSocket a = socket(SocketType.PAIR);
        ZSocket b = socket(SocketType.PAIR);
        b.connect(bindTcp(a));
        b.setRcvTimeout(TIMEOUT_MS);
        java.lang.foreign.MemorySegment closed;
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            closed = arena.allocateFrom("gone");
        }
        java.lang.foreign.MemorySegment freed = closed;
        assertThrows(IllegalStateException.class, () -> a.send(freed, 0), "a segment of a closed arena");
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            java.lang.foreign.MemorySegment mine = arena.allocateFrom("mine");
            java.util.concurrent.atomic.AtomicReference<Throwable> other =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    a.send(mine, 0);
                } catch (Throwable e) {
                    other.set(e);
                }
            });
            t.start();
            t.join();
            assertInstanceOf(WrongThreadException.class, other.get(), "a confined segment sent from another thread");
            // nothing was sent by either refused call: the next frame is the first one
            assertTrue(a.send(mine, 0));
            assertReceives(b, "mine\0");
        }
    }

    @Test
    void framesAreReadInPlaceWithoutACopy() {
        ZSocket a = socket(SocketType.PAIR);
        ZSocket b = socket(SocketType.PAIR);
        b.connect(bindTcp(a));
        b.setRcvTimeout(TIMEOUT_MS);
        byte[] big = new byte[100_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        assertTrue(a.send("head".getBytes(StandardCharsets.US_ASCII), ZSocket.SNDMORE));
        assertTrue(a.send(new byte[0], ZSocket.SNDMORE));
        assertTrue(a.send(big, 0));

        java.util.List<byte[]> seen = new java.util.ArrayList<>();
        ZSocket.FrameReader copyOut = frame -> seen.add(frame.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
        assertEquals(4, b.receive(copyOut, 0));
        assertTrue(b.hasReceiveMore());
        assertEquals(0, b.receive(copyOut, 0));
        assertEquals(
                big.length,
                b.receive(
                        frame -> {
                            assertTrue(frame.isReadOnly(), "the view of a received frame is read-only");
                            assertThrows(
                                    IllegalArgumentException.class,
                                    () -> frame.set(java.lang.foreign.ValueLayout.JAVA_BYTE, 0, (byte) 1));
                            copyOut.read(frame);
                        },
                        0));
        assertFalse(b.hasReceiveMore());
        assertEquals("head", new String(seen.get(0), StandardCharsets.US_ASCII));
        assertEquals(0, seen.get(1).length);
        assertArrayEquals(big, seen.get(2));
        assertEquals(-1, b.receive(copyOut, ZSocket.DONTWAIT), "nothing queued: would block");

        // a reader that throws still leaves the socket usable for the next frame
        assertTrue(a.send("next".getBytes(StandardCharsets.US_ASCII), 0));
        assertThrows(
                IllegalStateException.class,
                () -> b.receive(
                        frame -> {
                            throw new IllegalStateException("reader failed");
                        },
                        0));
        assertTrue(a.send("after".getBytes(StandardCharsets.US_ASCII), 0));
        assertReceives(b, "after");
    }

    @Test
    void largeHeapFramesThatWouldBlockWaitOrAnswerFalse() {
        ZSocket push = socket(SocketType.PUSH);
        String endpoint = bindTcp(push);
        byte[] big = new byte[4096];
        java.util.Arrays.fill(big, (byte) 'h');
        java.lang.foreign.MemorySegment heap = java.lang.foreign.MemorySegment.ofArray(big.clone());
        // no peer yet: a PUSH cannot queue anything
        assertFalse(push.send(big, 0, big.length, ZSocket.DONTWAIT));
        assertFalse(push.send(heap, ZSocket.DONTWAIT));
        push.setSndTimeout(50);
        assertFalse(push.send(big, 0, big.length, 0), "a waiting send gives up after SNDTIMEO");
        assertFalse(push.send(heap, 0));

        ZSocket pull = socket(SocketType.PULL);
        pull.setRcvTimeout(TIMEOUT_MS);
        pull.connect(endpoint);
        push.setSndTimeout(TIMEOUT_MS);
        assertTrue(push.send(big, 0, big.length, 0));
        assertTrue(push.send(heap, 0));
        assertArrayEquals(big, pull.receive().orElseThrow());
        assertArrayEquals(big, pull.receive().orElseThrow());
    }
}
