package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What JeroMQ users reach for: ZMsg/ZFrame, typed options, bindToRandomPort; once per backend. */
class JeromqStyleApiTest extends BackendTestBase {

    @Test
    void aZMsgIsBuiltSentAndReceivedWhole() {
        Linked l = link(SocketType.PAIR, SocketType.PAIR, "inproc://zmsg");
        ZMsg msg = ZMsg.newStringMsg("b", "c");
        msg.push("a");
        msg.add(new byte[] {1, 2, 3});
        msg.addFirst(new ZFrame());
        assertEquals(5, msg.size());
        assertEquals(6, msg.contentSize());
        assertTrue(msg.send(l.connected()));

        ZMsg got = ZMsg.recvMsg(l.bound());
        assertEquals(5, got.size());
        assertFalse(got.pop().hasData(), "the empty first frame");
        ZFrame a = got.pop();
        assertTrue(a.streq("a"));
        assertTrue(a.hasMore(), "received in the middle of a message");
        assertEquals("b", got.popString());
        assertEquals("c", got.popString());
        ZFrame last = got.pop();
        assertArrayEquals(new byte[] {1, 2, 3}, last.getData());
        assertEquals("010203", last.strhex());
        assertFalse(last.hasMore());
        assertNull(got.pop());
        assertNull(ZMsg.recvMsg(l.bound(), ZSocket.DONTWAIT), "nothing more");
    }

    @Test
    void wrapAndUnwrapMakeAndTakeARouterEnvelope() {
        Linked l = link(SocketType.ROUTER, SocketType.DEALER, "inproc://zmsg-router");
        ZMsg.newStringMsg("", "question").send(l.connected());
        ZMsg request = ZMsg.recvMsg(l.bound());
        ZFrame peer = request.unwrap();
        assertEquals("question", request.popString());
        ZMsg reply = ZMsg.newStringMsg("answer").wrap(peer);
        assertTrue(reply.send(l.bound(), true));
        assertTrue(reply.isEmpty(), "sent with destroy");
        ZMsg got = ZMsg.recvMsg(l.connected());
        assertEquals(2, got.size());
        assertFalse(got.pop().hasData());
        assertEquals("answer", got.popString());
    }

    @Test
    void framesGoOneByOne() {
        Linked l = link(SocketType.PAIR, SocketType.PAIR, "inproc://zframe");
        assertTrue(new ZFrame("one").send(l.connected(), ZSocket.SNDMORE));
        assertTrue(new ZFrame("two").send(l.connected(), 0));
        ZFrame one = ZFrame.recvFrame(l.bound());
        assertEquals("one", one.toString());
        assertTrue(one.hasMore());
        assertEquals(new ZFrame("two"), ZFrame.recvFrame(l.bound()));
        assertNull(ZFrame.recvFrame(l.bound(), ZSocket.DONTWAIT));
    }

    @Test
    void anEmptyZMsgIsNotSent() {
        ZSocket s = socket(SocketType.PAIR);
        assertThrows(IllegalArgumentException.class, () -> new ZMsg().send(s));
    }

    @Test
    void typedOptionsSetAndReadBack() {
        ZSocket s = socket(SocketType.DEALER);
        s.set(SocketOption.LINGER, Duration.ZERO).set(SocketOption.SNDHWM, 123);
        assertEquals(Duration.ZERO, s.get(SocketOption.LINGER));
        assertEquals(123, s.get(SocketOption.SNDHWM));
        assertEquals(123, s.getSndHwm(), "the sugar setters are the same option");
        s.set(SocketOption.RCVTIMEO, SocketOption.FOREVER);
        assertEquals(-1, s.getRcvTimeout());
        assertEquals(SocketOption.FOREVER, s.get(SocketOption.RCVTIMEO));
        s.set(SocketOption.RCVTIMEO, Duration.ofMillis(1500));
        assertEquals(Duration.ofMillis(1500), s.get(SocketOption.RCVTIMEO));
        s.set(SocketOption.ROUTING_ID, new byte[] {7, 8});
        assertArrayEquals(new byte[] {7, 8}, s.get(SocketOption.ROUTING_ID));
        s.set(SocketOption.IMMEDIATE, true);
        assertTrue(s.get(SocketOption.IMMEDIATE));
        s.set(SocketOption.MAXMSGSIZE, 1L << 20);
        assertEquals(1L << 20, s.get(SocketOption.MAXMSGSIZE));
        s.set(SocketOption.ZAP_DOMAIN, "global");
        assertEquals("global", s.get(SocketOption.ZAP_DOMAIN));
        s.set(SocketOption.TCP_KEEPALIVE_IDLE, Duration.ofSeconds(30));
        assertEquals(Duration.ofSeconds(30), s.get(SocketOption.TCP_KEEPALIVE_IDLE));
        assertEquals(
                ZmqError.EINVAL,
                assertThrows(ZmqException.class, () -> s.set(SocketOption.SNDHWM, -5))
                        .code());
        assertThrows(IllegalArgumentException.class, () -> s.set(SocketOption.CURVE_SERVERKEY, new byte[3]));
        assertEquals("LINGER", SocketOption.LINGER.name());
        assertEquals(Duration.class, SocketOption.LINGER.type());
    }

    @Test
    void bindToRandomPortTakesAnAddressAsJeromqDoes() {
        ZSocket pull = socket(SocketType.PULL);
        int port = pull.bindToRandomPort("tcp://127.0.0.1");
        assertTrue(port > 0 && port < 65536, "port " + port);
        assertEquals("tcp://127.0.0.1:" + port, pull.lastEndpoint());
        ZSocket push = socket(SocketType.PUSH);
        push.connect("tcp://127.0.0.1:" + port);
        push.send("to the random port");
        assertReceives(pull, "to the random port");

        ZSocket other = socket(SocketType.PULL);
        ZmqException taken =
                assertThrows(ZmqException.class, () -> other.bindToRandomPort("127.0.0.1", port, port + 1));
        assertEquals(ZmqError.EADDRINUSE, taken.code(), "every port of the range is taken");
    }
}
