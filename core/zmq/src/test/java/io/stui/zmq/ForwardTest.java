package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ZSocket#forward}: frames moved from one socket to another (or back out of the same one) without a copy. */
class ForwardTest extends BackendTestBase {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] big(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    /** Forwards every frame of one message; returns the frame sizes. */
    private static List<Long> forwardMessage(ZSocket from, ZSocket to) {
        List<Long> sizes = new java.util.ArrayList<>();
        do {
            long n = from.forward(to, 0);
            assertTrue(n >= 0, "forward returned " + n);
            sizes.add(n);
        } while (from.hasReceiveMore());
        return sizes;
    }

    private void multipartKeepsBoundaries(String transport) {
        boolean tcp = transport.equals("tcp");
        Linked in = link(SocketType.PULL, SocketType.PUSH, tcp ? "tcp://127.0.0.1:*" : "inproc://fwd-src");
        Linked on = link(SocketType.PULL, SocketType.PUSH, tcp ? "tcp://127.0.0.1:*" : "inproc://fwd-sink");
        ZSocket push = in.connected();
        ZSocket src = in.bound();
        ZSocket out = on.connected();
        ZSocket sink = on.bound();
        byte[] large = big(100_000); // above the size the native receive keeps, and a malloc'd libzmq body
        push.send(new ZMessage().add("head").add(new byte[0]).add(large));
        push.send("single");
        push.send(new ZMessage().add("a").add("b"));

        assertEquals(List.of(4L, 0L, 100_000L), forwardMessage(src, out));
        assertEquals(List.of(6L), forwardMessage(src, out));
        assertEquals(List.of(1L, 1L), forwardMessage(src, out));

        ZMessage first = sink.receiveMessage().orElseThrow();
        assertEquals(3, first.size());
        assertEquals("head", new String(first.frame(0), StandardCharsets.UTF_8));
        assertEquals(0, first.frame(1).length);
        assertArrayEquals(large, first.frame(2));
        ZMessage second = sink.receiveMessage().orElseThrow();
        assertEquals(1, second.size());
        assertEquals("single", new String(second.frame(0), StandardCharsets.UTF_8));
        ZMessage third = sink.receiveMessage().orElseThrow();
        assertEquals(2, third.size());
        assertEquals("b", new String(third.frame(1), StandardCharsets.UTF_8));
    }

    @Test
    void multipartMessagesKeepTheirBoundariesOverInproc() {
        multipartKeepsBoundaries("inproc");
    }

    @Test
    void multipartMessagesKeepTheirBoundariesOverTcp() {
        multipartKeepsBoundaries("tcp");
    }

    @Test
    void aRepSocketEchoesToItself() {
        ZSocket rep = socket(SocketType.REP);
        ZSocket req = socket(SocketType.REQ);
        req.connect(bindTcp(rep));
        for (byte[] payload : new byte[][] {bytes("ping"), new byte[0], big(1024), big(70_000)}) {
            assertTrue(req.send(payload));
            assertEquals(payload.length, rep.forward(rep, 0));
            assertArrayEquals(payload, req.receive().orElseThrow());
        }
    }

    @Test
    void aRouterEchoesWithTheRoutingIdFrame() {
        Linked echo = link(SocketType.ROUTER, SocketType.DEALER, "inproc://fwd-router-echo");
        ZSocket router = echo.bound();
        ZSocket dealer = echo.connected();
        dealer.send(new ZMessage().add("x").add("y"));
        assertEquals(3, forwardMessage(router, router).size()); // routing id, "x", "y": routed back by the id
        ZMessage echoed = dealer.receiveMessage().orElseThrow();
        assertEquals(2, echoed.size());
        assertEquals("x", new String(echoed.frame(0), StandardCharsets.UTF_8));
        assertEquals("y", new String(echoed.frame(1), StandardCharsets.UTF_8));
    }

    @Test
    void aRouterToDealerRelayCarriesRequestsAndReplies() {
        ZSocket frontend = socket(SocketType.ROUTER);
        ZSocket backendSide = socket(SocketType.DEALER);
        ZSocket worker = socket(SocketType.REP);
        String front = bindTcp(frontend);
        backendSide.bind("inproc://fwd-workers");
        worker.connect("inproc://fwd-workers");
        ZSocket[] clients = {socket(SocketType.REQ), socket(SocketType.REQ)};
        for (int i = 0; i < clients.length; i++) {
            clients[i].setRoutingId(bytes("client-" + i));
            clients[i].connect(front);
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < clients.length; i++) {
                clients[i].send("request " + round + " from " + i);
                // ROUTER gives [id, "", body]: the envelope goes through to the worker's REP untouched.
                assertEquals(3, forwardMessage(frontend, backendSide).size());
                String request = worker.receiveString().orElseThrow();
                worker.send("reply to " + request);
                assertEquals(3, forwardMessage(backendSide, frontend).size());
                assertReceives(clients[i], "reply to request " + round + " from " + i);
            }
        }
    }

    @Test
    void nothingToReceiveReturnsMinusOneAndMovesNothing() {
        ZSocket src = socket(SocketType.PULL);
        src.bind("inproc://fwd-empty");
        Linked on = link(SocketType.PULL, SocketType.PUSH, "inproc://fwd-empty-sink");
        ZSocket out = on.connected();
        ZSocket sink = on.bound();
        assertEquals(-1, src.forward(out, ZSocket.DONTWAIT));
        src.setRcvTimeout(20);
        assertEquals(-1, src.forward(out, 0)); // RCVTIMEO
        assertTrue(sink.receive(ZSocket.DONTWAIT).isEmpty());
        assertFalse(src.discardHeld());
    }

    @Test
    void aTargetThatWouldBlockLeavesTheFrameHeldUntilTheNextForward() {
        Linked in = link(SocketType.PULL, SocketType.PUSH, "inproc://fwd-held-src");
        ZSocket push = in.connected();
        ZSocket src = in.bound();
        ZSocket lonely = socket(SocketType.PUSH); // no peer yet: a send would block
        lonely.bind("inproc://fwd-held-out");
        push.send(new ZMessage().add("first").add("second"));
        push.send("next");

        assertEquals(ZSocket.HELD, src.forward(lonely, ZSocket.DONTWAIT));
        assertTrue(src.hasReceiveMore(), "the held frame is the first of two");
        IllegalStateException e = assertThrows(IllegalStateException.class, src::receive);
        assertTrue(e.getMessage().contains("held"), e.getMessage());
        assertEquals(ZSocket.HELD, src.forward(lonely, ZSocket.DONTWAIT)); // still no peer: still held

        ZSocket sink = socket(SocketType.PULL);
        sink.connect("inproc://fwd-held-out");
        assertEquals(5, src.forward(lonely, 0)); // sends the held "first", receives nothing new
        assertEquals(List.of(6L), forwardMessage(src, lonely));
        ZMessage got = sink.receiveMessage().orElseThrow();
        assertEquals(2, got.size());
        assertEquals("first", new String(got.frame(0), StandardCharsets.UTF_8));
        assertEquals("second", new String(got.frame(1), StandardCharsets.UTF_8));
        assertEquals("next", str(src.receive()));
    }

    @Test
    void aHeldFrameCanBeDiscarded() {
        Linked in = link(SocketType.PULL, SocketType.PUSH, "inproc://fwd-discard");
        ZSocket push = in.connected();
        ZSocket src = in.bound();
        ZSocket lonely = socket(SocketType.PUSH);
        push.send(big(100_000));
        push.send("after");
        assertEquals(ZSocket.HELD, src.forward(lonely, ZSocket.DONTWAIT));
        assertTrue(src.discardHeld());
        assertFalse(src.discardHeld());
        assertEquals("after", str(src.receive()));
    }

    @Test
    void aRealSendErrorDropsTheFrameAndSaysSo() {
        Linked in = link(SocketType.PULL, SocketType.PUSH, "inproc://fwd-efsm");
        ZSocket push = in.connected();
        ZSocket src = in.bound();
        ZSocket rep = socket(SocketType.REP); // a REP cannot send before it has received a request
        push.send(big(100_000));
        push.send("after");
        ZmqException e = assertThrows(ZmqException.class, () -> src.forward(rep, 0));
        assertEquals(ZmqError.EFSM, e.code());
        assertTrue(e.getMessage().contains("dropped"), e.getMessage());
        assertFalse(src.discardHeld(), "a frame that failed for good is not held");
        assertEquals("after", str(src.receive()));
    }

    @Test
    void aClosedTargetOrOneOfAnotherBackendIsRefusedBeforeReceiving() {
        Linked in = link(SocketType.PULL, SocketType.PUSH, "inproc://fwd-refused");
        ZSocket push = in.connected();
        ZSocket src = in.bound();
        push.send("kept");

        ZSocket closed = ctx.createSocket(SocketType.PUSH);
        closed.close();
        ZmqException e = assertThrows(ZmqException.class, () -> src.forward(closed, 0));
        assertEquals(ZmqError.ENOTSOCK, e.code());

        Backend other = backend == Backend.NATIVE ? Backend.JEROMQ : Backend.NATIVE;
        try (ZContext otherCtx = new ZContext(other);
                ZSocket foreign = otherCtx.createSocket(SocketType.PUSH)) {
            foreign.setLinger(0);
            IllegalArgumentException iae = assertThrows(IllegalArgumentException.class, () -> src.forward(foreign, 0));
            assertTrue(iae.getMessage().contains("same backend"), iae.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> src.forward(src, 4));
        assertEquals("kept", str(src.receive()), "nothing was received by the refused calls");

        ZSocket open = socket(SocketType.PUSH);
        open.close(); // closing the source too: ENOTSOCK from the source's own check
        assertThrows(ZmqException.class, () -> open.forward(src, 0));
    }

    @Test
    void aTargetInAnotherContextOfTheSameBackendWorks() {
        Linked in = link(SocketType.PULL, SocketType.PUSH, "inproc://fwd-ctx");
        ZSocket push = in.connected();
        ZSocket src = in.bound();
        try (ZContext second = new ZContext(backend);
                ZSocket out = second.createSocket(SocketType.PUSH);
                ZSocket sink = second.createSocket(SocketType.PULL)) {
            out.setLinger(0);
            sink.setLinger(0);
            sink.setRcvTimeout(TIMEOUT_MS);
            sink.bind("inproc://fwd-ctx-2");
            out.connect("inproc://fwd-ctx-2");
            byte[] payload = big(5000);
            push.send(payload);
            assertEquals(5000, src.forward(out, 0));
            assertTrue(Arrays.equals(payload, sink.receive().orElseThrow()));
        }
    }
}
