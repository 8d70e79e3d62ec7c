package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every typed option round-trips set/get (values chosen to differ from the defaults), once per backend. */
class SocketOptionsTest extends BackendTestBase {

    @Test
    void integerOptionsRoundTrip() {
        ZSocket s = socket(SocketType.DEALER);
        s.setLinger(1234);
        assertEquals(1234, s.getLinger());
        s.setSndHwm(77);
        assertEquals(77, s.getSndHwm());
        s.setRcvHwm(88);
        assertEquals(88, s.getRcvHwm());
        s.setSndTimeout(250);
        assertEquals(250, s.getSndTimeout());
        s.setRcvTimeout(350);
        assertEquals(350, s.getRcvTimeout());
        s.setReconnectIvl(450);
        assertEquals(450, s.getReconnectIvl());
        s.setReconnectIvlMax(4500);
        assertEquals(4500, s.getReconnectIvlMax());
        s.setHeartbeatIvl(1500);
        assertEquals(1500, s.getHeartbeatIvl());
        s.setHeartbeatTtl(3000);
        assertEquals(3000, s.getHeartbeatTtl());
        s.setHeartbeatTimeout(2500);
        assertEquals(2500, s.getHeartbeatTimeout());
        s.setTcpKeepAlive(1);
        assertEquals(1, s.getTcpKeepAlive());
        s.setTcpKeepAliveIdle(60);
        assertEquals(60, s.getTcpKeepAliveIdle());
        s.setTcpKeepAliveIntvl(5);
        assertEquals(5, s.getTcpKeepAliveIntvl());
        s.setTcpKeepAliveCount(4);
        assertEquals(4, s.getTcpKeepAliveCount());
        s.setMaxMsgSize(1L << 20);
        assertEquals(1L << 20, s.getMaxMsgSize());
        s.setSndBuf(65536);
        assertEquals(65536, s.getSndBuf());
        s.setRcvBuf(131072);
        assertEquals(131072, s.getRcvBuf());
        s.setBacklog(42);
        assertEquals(42, s.getBacklog());
        s.setHandshakeIvl(7000);
        assertEquals(7000, s.getHandshakeIvl());
        s.setHandshakeIvl(0);
        assertEquals(0, s.getHandshakeIvl());
    }

    @Test
    void handshakeLimitDefaultsToLibzmqsOnNativeAndOneSecondOnJeromq() {
        // JeroMQ sockets get a short limit so a stalled fresh connection is retried (see PolledRouterTest).
        assertEquals(
                backend == Backend.NATIVE ? 30_000 : 1000,
                socket(SocketType.REQ).getHandshakeIvl());
    }

    @Test
    void booleanOptionsRoundTrip() {
        ZSocket s = socket(SocketType.DEALER);
        s.setImmediate(false);
        assertFalse(s.getImmediate());
        s.setImmediate(true);
        assertTrue(s.getImmediate());
        assertFalse(s.getCurveServer());
        s.setCurveServer(true);
        assertTrue(s.getCurveServer());
        s.setIpv6(true);
        assertTrue(s.getIpv6());
        s.setIpv6(false);
        assertFalse(s.getIpv6());
    }

    @Test
    void binaryAndTextOptionsRoundTrip() {
        ZSocket s = socket(SocketType.DEALER);
        byte[] id = {1, 2, 3, 'i', 'd'};
        s.setRoutingId(id);
        assertArrayEquals(id, s.getRoutingId());
        s.setZapDomain("global");
        assertEquals("global", s.getZapDomain());

        Curve.KeyPair server = Curve.generateKeyPair();
        Curve.KeyPair client = Curve.generateKeyPair();
        s.setCurveClient(client, server.publicKey());
        assertArrayEquals(server.publicKey(), s.getCurveServerKey());
        assertArrayEquals(client.publicKey(), s.getCurvePublicKey());
        assertArrayEquals(client.secretKey(), s.getCurveSecretKey());
    }

    @Test
    void readOnlyProperties() {
        ZSocket pull = socket(SocketType.PULL);
        ZSocket push = socket(SocketType.PUSH);
        assertEquals(SocketType.PULL, pull.getType());
        assertEquals(SocketType.PUSH, push.getType());
        push.connect(bindTcp(pull));
        assertEquals(0, pull.getEvents() & ZPoller.POLLIN);
        push.send("x");
        assertEquals("x", str(pull.receive()));
        assertFalse(pull.hasReceiveMore());
        assertTrue((push.getEvents() & ZPoller.POLLOUT) != 0);
        assertTrue(pull.lastEndpoint().startsWith("tcp://127.0.0.1:"));
    }

    @Test
    void socketTypesAllCreate() {
        for (SocketType t : SocketType.values()) {
            try (ZSocket s = ctx.createSocket(t)) {
                assertEquals(t, s.getType());
            }
        }
    }

    @Test
    void contextOptions() {
        try (ZContext c = new ZContext(backend)) {
            c.setIoThreads(2);
            assertEquals(2, c.getIoThreads());
            c.setMaxSockets(512);
            assertEquals(512, c.getMaxSockets());
            assertEquals(backend, c.backend());
            assertTrue(c.libzmqVersion().matches("\\d+\\.\\d+\\.\\d+"), c.libzmqVersion());
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> socket(SocketType.SUB).setCurvePublicKey("short".getBytes(StandardCharsets.US_ASCII)));
    }
}
