package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every misuse a program can make, on both backends: each throws {@link ZmqException} with the same
 * {@link ZmqError}, whatever the backend underneath reports (JeroMQ throws its own exception types).
 */
class MisuseTableTest {

    /** One misuse: what is done in a fresh context, and the error a user must see on every backend. */
    private record Misuse(String name, ZmqError expected, Action action) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    private interface Action {
        void run(Fixture f);
    }

    /** A context and the sockets a case made, all closed after it with linger 0. */
    private static final class Fixture implements AutoCloseable {
        final ZContext ctx;
        private final List<ZSocket> sockets = new ArrayList<>();

        Fixture(Backend backend) {
            ctx = new ZContext(backend);
        }

        ZSocket socket(SocketType type) {
            ZSocket s = ctx.createSocket(type);
            s.setLinger(0);
            s.setRcvTimeout(2000);
            s.setSndTimeout(2000);
            sockets.add(s);
            return s;
        }

        ZSocket closed(SocketType type) {
            ZSocket s = socket(type);
            s.close();
            return s;
        }

        @Override
        public void close() {
            sockets.forEach(ZSocket::close);
            ctx.close();
        }
    }

    private static final List<Misuse> TABLE = List.of(
            // wrong socket type for the operation
            new Misuse(
                    "receive on PUSH",
                    ZmqError.ENOTSUP,
                    f -> f.socket(SocketType.PUSH).receive(ZSocket.DONTWAIT)),
            new Misuse(
                    "receive a string on PUB",
                    ZmqError.ENOTSUP,
                    f -> f.socket(SocketType.PUB).receiveString(ZSocket.DONTWAIT)),
            new Misuse(
                    "receive into a buffer on PUSH",
                    ZmqError.ENOTSUP,
                    f -> f.socket(SocketType.PUSH).receive(new byte[4], ZSocket.DONTWAIT)),
            new Misuse(
                    "send on PULL",
                    ZmqError.ENOTSUP,
                    f -> f.socket(SocketType.PULL).send("x", ZSocket.DONTWAIT)),
            new Misuse(
                    "send on SUB",
                    ZmqError.ENOTSUP,
                    f -> f.socket(SocketType.SUB).send("x", ZSocket.DONTWAIT)),
            new Misuse(
                    "REQ receives before sending",
                    ZmqError.EFSM,
                    f -> f.socket(SocketType.REQ).receive(ZSocket.DONTWAIT)),
            new Misuse(
                    "REP sends before receiving",
                    ZmqError.EFSM,
                    f -> f.socket(SocketType.REP).send("x", ZSocket.DONTWAIT)),
            new Misuse("REQ sends twice", ZmqError.EFSM, f -> {
                ZSocket rep = f.socket(SocketType.REP);
                rep.bind("inproc://twice");
                ZSocket req = f.socket(SocketType.REQ);
                req.connect("inproc://twice");
                req.send("one");
                req.send("two");
            }),
            new Misuse(
                    "subscribe on PUSH",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.PUSH).subscribe("topic")),
            // closed socket
            new Misuse(
                    "send on a closed socket",
                    ZmqError.ENOTSOCK,
                    f -> f.closed(SocketType.PUSH).send("x")),
            new Misuse(
                    "receive on a closed socket",
                    ZmqError.ENOTSOCK,
                    f -> f.closed(SocketType.PULL).receive(ZSocket.DONTWAIT)),
            new Misuse(
                    "bind a closed socket",
                    ZmqError.ENOTSOCK,
                    f -> f.closed(SocketType.PULL).bind("inproc://closed")),
            new Misuse(
                    "set an option on a closed socket",
                    ZmqError.ENOTSOCK,
                    f -> f.closed(SocketType.PULL).setLinger(0)),
            new Misuse(
                    "read an option of a closed socket",
                    ZmqError.ENOTSOCK,
                    f -> f.closed(SocketType.PULL).getRcvHwm()),
            // bad endpoints
            new Misuse(
                    "bind without a transport",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.PULL).bind("nonsense")),
            new Misuse(
                    "connect without a transport",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.PUSH).connect("nonsense")),
            new Misuse(
                    "bind an unknown transport",
                    ZmqError.EPROTONOSUPPORT,
                    f -> f.socket(SocketType.PULL).bind("bogus://127.0.0.1:5555")),
            new Misuse(
                    "connect an unknown transport",
                    ZmqError.EPROTONOSUPPORT,
                    f -> f.socket(SocketType.PUSH).connect("bogus://127.0.0.1:5555")),
            new Misuse(
                    "bind tcp without a port",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.PULL).bind("tcp://127.0.0.1")),
            new Misuse(
                    "connect tcp without a port",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.PUSH).connect("tcp://127.0.0.1")),
            new Misuse("bind an address taken", ZmqError.EADDRINUSE, f -> {
                ZSocket a = f.socket(SocketType.PULL);
                a.bind("tcp://127.0.0.1:*");
                f.socket(SocketType.PULL).bind(a.lastEndpoint());
            }),
            new Misuse("bind an inproc name taken", ZmqError.EADDRINUSE, f -> {
                f.socket(SocketType.PULL).bind("inproc://taken");
                f.socket(SocketType.PULL).bind("inproc://taken");
            }),
            new Misuse(
                    "unbind an endpoint never bound",
                    ZmqError.ENOENT,
                    f -> f.socket(SocketType.PULL).unbind("tcp://127.0.0.1:1")),
            new Misuse(
                    "disconnect an endpoint never connected",
                    ZmqError.ENOENT,
                    f -> f.socket(SocketType.PUSH).disconnect("tcp://127.0.0.1:1")),
            // unknown host
            new Misuse(
                    "bind an unknown host",
                    ZmqError.ENODEV,
                    f -> f.socket(SocketType.PULL).bind("tcp://no-such-host.invalid:5555")),
            new Misuse(
                    "bind an address of another machine",
                    ZmqError.EADDRNOTAVAIL,
                    f -> f.socket(SocketType.PULL).bind("tcp://192.0.2.1:5555")),
            // options out of range
            new Misuse(
                    "LINGER below -1",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.PUSH).setLinger(-2)),
            new Misuse(
                    "SNDHWM negative",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.PUSH).setSndHwm(-1)),
            new Misuse(
                    "RCVHWM negative",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.PULL).setRcvHwm(-1)),
            new Misuse(
                    "empty routing id",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.DEALER).setRoutingId(new byte[0])),
            new Misuse(
                    "RCVTIMEO below -1",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.PULL).setRcvTimeout(-2)),
            new Misuse(
                    "SNDTIMEO below -1",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.PUSH).setSndTimeout(-2)),
            new Misuse(
                    "RECONNECT_IVL below -1",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.PUSH).setReconnectIvl(-2)),
            new Misuse(
                    "TCP_KEEPALIVE 2",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.PUSH).setTcpKeepAlive(2)),
            new Misuse(
                    "BACKLOG negative",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.PULL).setBacklog(-1)),
            new Misuse(
                    "HEARTBEAT_IVL negative",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.PUSH).setHeartbeatIvl(-1)),
            new Misuse("context LINGER below -1", ZmqError.EINVAL, f -> f.ctx.setLinger(-2)),
            // message too big
            new Misuse(
                    "routing id over 255 bytes",
                    ZmqError.EINVAL,
                    f -> f.socket(SocketType.DEALER).setRoutingId(new byte[256])),
            // after the context closed
            new Misuse("create a socket after the context closed", ZmqError.ETERM, f -> {
                f.ctx.close();
                f.ctx.createSocket(SocketType.PUSH);
            }),
            new Misuse("send after the context closed", ZmqError.ENOTSOCK, f -> {
                ZSocket s = f.socket(SocketType.PUSH);
                f.ctx.close();
                s.send("x");
            }),
            new Misuse("poll after the context closed", ZmqError.ENOTSOCK, f -> {
                ZSocket s = f.socket(SocketType.PULL);
                ZPoller poller = new ZPoller(f.ctx);
                poller.register(s, ZPoller.POLLIN);
                f.ctx.close();
                poller.poll(0);
            }),
            new Misuse("receive after shutdown", ZmqError.ETERM, f -> {
                ZSocket s = f.socket(SocketType.PULL);
                f.ctx.shutdown();
                s.receive();
            }),
            new Misuse(
                    "forward to a closed socket",
                    ZmqError.ENOTSOCK,
                    f -> f.socket(SocketType.PULL).forward(f.closed(SocketType.PUSH), ZSocket.DONTWAIT)));

    static Stream<Arguments> cases() {
        return Stream.of(Backend.values()).flatMap(b -> TABLE.stream().map(m -> Arguments.of(b, m)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void eachMisuseFailsWithTheSameCodeOnEveryBackend(Backend backend, Misuse misuse) {
        try (Fixture f = new Fixture(backend)) {
            ZmqException e =
                    assertThrows(ZmqException.class, () -> misuse.action().run(f), misuse.name());
            assertEquals(misuse.expected(), e.code(), e.getMessage());
        }
    }
}
