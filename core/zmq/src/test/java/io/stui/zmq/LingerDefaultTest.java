package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Closing never hangs by default: a context gives its sockets LINGER 0, settable per context and per socket. */
class LingerDefaultTest extends BackendTestBase {

    /** A loopback port nobody listens on: bound by a server socket that is closed again. */
    private static int unusedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aReqWhosePeerNeverCameClosesAtOnce() throws Exception {
        String endpoint = "tcp://127.0.0.1:" + unusedPort();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            ZContext c = new ZContext(backend);
            ZSocket req = c.createSocket(SocketType.REQ);
            req.connect(endpoint);
            assertTrue(req.send("hello, anybody?"), "the request is queued for the peer that never comes");
            c.close(); // closes the socket with the context's LINGER 0: the request is dropped
            assertTrue(c.isClosed());
        });
    }

    @Test
    void socketsStartWithTheContextsLinger() {
        assertEquals(ZContext.DEFAULT_LINGER_MS, ctx.getLinger());
        assertEquals(0, ctx.createSocket(SocketType.PUSH).getLinger());
        ctx.setLinger(250);
        ZSocket later = ctx.createSocket(SocketType.PUSH);
        assertEquals(250, later.getLinger());
        later.setLinger(-1); // one socket may wait for delivery
        assertEquals(-1, later.getLinger());
        later.setLinger(0);
    }

    @Test
    void aLingeringSocketDeliversWhatItQueuedBeforeClose() {
        ZSocket pull = socket(SocketType.PULL);
        String endpoint = bindTcp(pull);
        ZSocket push = ctx.createSocket(SocketType.PUSH);
        push.setLinger(5000);
        push.connect(endpoint);
        push.send("kept");
        push.close();
        assertReceives(pull, "kept");
    }

    @Test
    void connectingToAHostThatDoesNotResolve() {
        // libzmq resolves a connect's host when it dials (and again at every reconnection), so the
        // connect succeeds and messages queue for the peer; JeroMQ resolves at connect and refuses.
        ZSocket push = socket(SocketType.PUSH);
        if (backend == Backend.NATIVE) {
            push.connect("tcp://no-such-host.invalid:5555");
            assertTrue(push.send("queued", ZSocket.DONTWAIT), "the message waits for the peer");
        } else {
            ZmqException e = org.junit.jupiter.api.Assertions.assertThrows(
                    ZmqException.class, () -> push.connect("tcp://no-such-host.invalid:5555"));
            assertEquals(ZmqError.EADDRNOTAVAIL, e.code());
        }
    }
}
