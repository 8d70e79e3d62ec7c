package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a user sees when things go wrong, once per backend. */
class ErrorRulesTest extends BackendTestBase {

    @Test
    void useAfterCloseFailsWithEnotsock() {
        ZSocket s = ctx.createSocket(SocketType.PAIR);
        s.close();
        s.close(); // idempotent
        ZmqException e = assertThrows(ZmqException.class, () -> s.send("late"));
        assertEquals(ZmqError.ENOTSOCK, e.code());
        assertEquals("ENOTSOCK", e.errorName());
        assertTrue(e.getMessage().contains("ENOTSOCK"), e.getMessage());
        assertEquals(
                ZmqError.ENOTSOCK,
                assertThrows(ZmqException.class, () -> s.bind("inproc://x")).code());
        assertEquals(
                ZmqError.ENOTSOCK,
                assertThrows(ZmqException.class, () -> s.receive(ZSocket.DONTWAIT))
                        .code());
        assertEquals(
                ZmqError.ENOTSOCK,
                assertThrows(ZmqException.class, s::getLinger).code());
    }

    @Test
    void everyHotPathFailsCleanlyAfterTheContextClosedTheSocket() {
        // The native socket frees its scratch memory (message, buffers, errno cell) on close: each
        // of these paths would touch it, so each must stop at the closed check with ENOTSOCK.
        ZSocket a = ctx.createSocket(SocketType.PAIR);
        ZSocket b = ctx.createSocket(SocketType.PAIR);
        a.setLinger(0);
        b.setLinger(0);
        a.bind("inproc://closed-paths");
        b.connect("inproc://closed-paths");
        assertTrue(a.send("warm", 0)); // the small-frame send buffer now exists too
        assertEquals("warm", b.receiveString().orElseThrow());
        ZPoller poller = new ZPoller(ctx);
        poller.register(b, ZPoller.POLLIN);
        ctx.close();
        a.close(); // already closed by the context: a no-op
        byte[] buf = new byte[8];
        for (ZSocket s : new ZSocket[] {a, b}) {
            assertEquals(
                    ZmqError.ENOTSOCK,
                    assertThrows(ZmqException.class, () -> s.send("x")).code());
            assertEquals(
                    ZmqError.ENOTSOCK,
                    assertThrows(ZmqException.class, () -> s.send(new byte[100_000], 0))
                            .code());
            assertEquals(
                    ZmqError.ENOTSOCK,
                    assertThrows(ZmqException.class, () -> s.receive(0)).code());
            assertEquals(
                    ZmqError.ENOTSOCK,
                    assertThrows(ZmqException.class, () -> s.receive(buf, 0)).code());
            assertEquals(
                    ZmqError.ENOTSOCK,
                    assertThrows(ZmqException.class, s::getEvents).code());
            assertEquals(
                    ZmqError.ENOTSOCK,
                    assertThrows(ZmqException.class, () -> s.setLinger(1)).code());
            assertEquals(
                    ZmqError.ENOTSOCK,
                    assertThrows(ZmqException.class, s::getRoutingId).code());
            assertEquals(
                    ZmqError.ENOTSOCK,
                    assertThrows(ZmqException.class, s::hasReceiveMore).code());
        }
        assertEquals(
                ZmqError.ENOTSOCK,
                assertThrows(ZmqException.class, () -> poller.poll(0)).code());
        poller.close();
        poller.close(); // idempotent
    }

    @Test
    void typeIsKnownWhileOpenAndFailsCleanlyAfterClose() {
        ZSocket s = ctx.createSocket(SocketType.ROUTER);
        assertEquals(SocketType.ROUTER, s.getType());
        s.close();
        ZmqException e = assertThrows(ZmqException.class, s::getType);
        assertEquals(ZmqError.ENOTSOCK, e.code());
        assertTrue(e.getMessage().contains("TYPE"), e.getMessage());
        ZSocket open = ctx.createSocket(SocketType.DEALER);
        ctx.close(); // closing the context closes its sockets too
        assertEquals(
                ZmqError.ENOTSOCK,
                assertThrows(ZmqException.class, open::getType).code());
    }

    @Test
    void badEndpointsNameTheUrl() {
        ZSocket s = socket(SocketType.PAIR);
        for (String bad : new String[] {"tcp://no-port-here", "tcp://127.0.0.1:notaport", "bogus://127.0.0.1:1"}) {
            ZmqException e = assertThrows(ZmqException.class, () -> s.connect(bad), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
            assertEquals(bad, e.endpoint());
            assertEquals("connect", e.operation());
        }
        ZmqException e = assertThrows(ZmqException.class, () -> s.bind("bogus://127.0.0.1:1"));
        assertEquals(ZmqError.EPROTONOSUPPORT, e.code());
        assertTrue(e.getMessage().contains("bogus://127.0.0.1:1"), e.getMessage());
    }

    @Test
    void bindingATakenPortReportsEaddrinuse() {
        ZSocket a = socket(SocketType.PULL);
        String ep = bindTcp(a);
        ZSocket b = socket(SocketType.PULL);
        ZmqException e = assertThrows(ZmqException.class, () -> b.bind(ep));
        assertEquals(ZmqError.EADDRINUSE, e.code());
        assertTrue(e.getMessage().contains(ep), e.getMessage());
    }

    @Test
    void receivingIntoAShortBufferReportsTruncation() {
        ZSocket a = socket(SocketType.PAIR);
        ZSocket b = socket(SocketType.PAIR);
        b.connect(bindTcp(a));
        a.send("0123456789");
        byte[] small = new byte[4];
        int size = b.receive(small, 0);
        assertEquals(10, size, "the full size is returned, larger than the buffer");
        assertArrayEquals("0123".getBytes(StandardCharsets.US_ASCII), small);

        a.send("abcdef");
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(3);
        assertEquals(6, b.receive(bb, 0));
        assertEquals(3, bb.position());
    }

    @Test
    void reqInTheWrongStateReportsEfsm() {
        ZSocket rep = socket(SocketType.REP);
        ZSocket req = socket(SocketType.REQ);
        req.connect(bindTcp(rep));
        req.send("first");
        ZmqException e = assertThrows(ZmqException.class, () -> req.send("second"));
        assertEquals(ZmqError.EFSM, e.code());
        assertTrue(e.getMessage().contains("EFSM"), e.getMessage());
        ZmqException r = assertThrows(ZmqException.class, () -> rep.send("reply before request"));
        assertEquals(ZmqError.EFSM, r.code());
    }

    @Test
    void maxMsgSizeDropsAnOversizedPeer() {
        ZSocket pull = socket(SocketType.PULL);
        pull.setMaxMsgSize(1024);
        String ep = bindTcp(pull);
        try (ZMonitor monitor = closeLater(new ZMonitor(pull))) {
            ZSocket push = socket(SocketType.PUSH);
            push.connect(ep);
            push.send(new byte[1000]);
            assertEquals(1000, pull.receive().orElseThrow().length, "a message under the limit passes");
            push.send(new byte[4096]);
            assertTrue(
                    monitor.await(MonitorEvent.Kind.DISCONNECTED, Duration.ofMillis(TIMEOUT_MS))
                            .isPresent(),
                    "the receiver drops the peer that sent too much");
            assertTrue(pull.receive(ZSocket.DONTWAIT).isEmpty(), "the oversized message is not delivered");
        }
    }

    @Test
    void routerMandatoryReportsUnknownPeers() {
        ZSocket router = socket(SocketType.ROUTER);
        router.setRouterMandatory(true);
        ZmqException e = assertThrows(ZmqException.class, () -> router.send(ZMessage.ofStrings("nobody", "x")));
        assertEquals(ZmqError.EHOSTUNREACH, e.code());
    }

    @Test
    void invalidOptionValuesAreRejected() {
        ZSocket s = socket(SocketType.DEALER);
        ZmqException e = assertThrows(ZmqException.class, () -> s.setRoutingId(new byte[0]));
        assertEquals(ZmqError.EINVAL, e.code());
        assertThrows(IllegalArgumentException.class, () -> s.setCurveServerKey(new byte[5]));
    }

    @Test
    void closedContextRefusesNewSockets() {
        ZContext c = new ZContext(backend);
        ZSocket open = c.createSocket(SocketType.PUSH);
        c.close();
        assertTrue(c.isClosed());
        assertEquals(
                ZmqError.ETERM,
                assertThrows(ZmqException.class, () -> c.createSocket(SocketType.PULL))
                        .code());
        assertEquals(
                ZmqError.ENOTSOCK,
                assertThrows(ZmqException.class, () -> open.send("x")).code(),
                "closing the context closed its sockets");
        c.close();
    }

    @Test
    void pollingAClosedSocketFailsCleanly() {
        ZSocket s = ctx.createSocket(SocketType.PULL);
        try (ZPoller poller = new ZPoller(ctx)) {
            poller.register(s, ZPoller.POLLIN);
            s.close();
            assertEquals(
                    ZmqError.ENOTSOCK,
                    assertThrows(ZmqException.class, () -> poller.poll(0)).code());
        }
    }

    @Test
    void frameArrayBoundsAreChecked() {
        ZSocket s = socket(SocketType.PAIR);
        byte[] data = new byte[4];
        assertThrows(IndexOutOfBoundsException.class, () -> s.send(data, 2, 5, 0));
        assertTrue(Arrays.equals(new byte[4], data));
    }
}
