package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Context lifetime and threading rules, once per backend. */
class ContextLifecycleTest extends BackendTestBase {

    @Test
    void closingAContextHonoursLinger() {
        ZSocket pull = socket(SocketType.PULL);
        String ep = bindTcp(pull);
        ZContext sender = new ZContext(backend);
        ZSocket push = sender.createSocket(SocketType.PUSH);
        push.setLinger(TIMEOUT_MS); // queued messages survive close() for up to this long
        push.connect(ep);
        for (int i = 0; i < 100; i++) {
            assertTrue(push.send("queued " + i));
        }
        sender.close(); // closes the still-open push socket, then waits for its linger
        for (int i = 0; i < 100; i++) {
            assertReceives(pull, "queued " + i);
        }
    }

    @Test
    void theContextIsSharedAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String name = "inproc://thread-" + backend + "-" + t;
                results.add(pool.submit(() -> {
                    // Each thread creates and uses its own sockets; only the context is shared.
                    try (ZSocket a = ctx.createSocket(SocketType.PAIR);
                            ZSocket b = ctx.createSocket(SocketType.PAIR)) {
                        a.setLinger(0);
                        b.setLinger(0);
                        b.setRcvTimeout(TIMEOUT_MS);
                        a.bind(name);
                        b.connect(name);
                        a.send(name);
                        return b.receiveString().orElseThrow();
                    }
                }));
            }
            for (int t = 0; t < 4; t++) {
                assertEquals(
                        "inproc://thread-" + backend + "-" + t, results.get(t).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void copyingReceiveDeliversEveryMessageWhole() {
        assertEquals(backend == Backend.NATIVE, ctx.getZeroCopyReceive(), "libzmq's default is zero-copy");
        ctx.setZeroCopyReceive(false);
        assertFalse(ctx.getZeroCopyReceive());
        Linked pair = link(SocketType.ROUTER, SocketType.DEALER, "tcp://127.0.0.1:*");
        // sizes around the 33 bytes a message holds inline and the 8 KiB receive buffer, several to one buffer
        int[] sizes = {0, 1, 33, 34, 100, 8191, 8192, 8193, 100_000, 40, 5000, 5000};
        for (int size : sizes) {
            assertTrue(pair.connected().send(payload(size)));
        }
        for (int size : sizes) {
            byte[] peer = pair.bound().receive().orElseThrow(() -> new AssertionError("no routing id"));
            assertTrue(peer.length > 0);
            assertArrayEquals(payload(size), pair.bound().receive().orElseThrow(), "message of " + size + " bytes");
        }
    }

    private static byte[] payload(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + size);
        }
        return b;
    }

    @Test
    void unbindAndDisconnectStopTraffic() {
        ZSocket pull = socket(SocketType.PULL);
        String ep = bindTcp(pull);
        ZSocket push = socket(SocketType.PUSH);
        push.connect(ep);
        push.send("before");
        assertReceives(pull, "before");
        push.disconnect(ep);
        assertTrue(!push.send("after disconnect", ZSocket.DONTWAIT), "no peer left to queue to");
        pull.unbind(ep);
        ZmqException e = org.junit.jupiter.api.Assertions.assertThrows(ZmqException.class, () -> pull.unbind(ep));
        assertEquals(ZmqError.ENOENT, e.code(), "unbinding twice: " + e.getMessage());
        assertTrue(e.getMessage().contains(ep), e.getMessage());
    }
}
