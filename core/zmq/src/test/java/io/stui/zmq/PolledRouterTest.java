package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A ROUTER that one thread is already polling serves the first request of every REQ peer that
 * connects afterwards, as the server's front end does. The clients live in their own context (as
 * they would in their own process), so their connects run on another I/O thread than the ROUTER's.
 * JeroMQ 0.6.0 stalls about one fresh connection in a hundred; the backend's handshake limit must
 * turn that into a short delay, never a lost request.
 */
class PolledRouterTest extends BackendTestBase {
    private static final int ROUNDS = 200;
    /** Well above a stalled JeroMQ handshake's retry (1 s limit plus the reconnect), well below 30 s. */
    private static final int ANSWER_TIMEOUT_MS = 3000;

    @Test
    void routerPolledWithoutTimeoutAnswersEveryNewReqPeer() throws Exception {
        servesNewPeers(-1);
    }

    @Test
    void routerPolledWithTimeoutAnswersEveryNewReqPeer() throws Exception {
        servesNewPeers(200);
    }

    private void servesNewPeers(long pollTimeoutMillis) throws Exception {
        ZSocket router = socket(SocketType.ROUTER);
        String endpoint = bindTcp(router);
        String stopEndpoint = "inproc://stop-polled-router-" + pollTimeoutMillis;
        ZSocket stopIn = socket(SocketType.PAIR);
        stopIn.bind(stopEndpoint);
        ZSocket stopOut = socket(SocketType.PAIR);
        stopOut.connect(stopEndpoint);
        ZContext clients = closeLater(new ZContext(backend));

        AtomicReference<Throwable> failure = new AtomicReference<>();
        // The router and stopIn are handed to this thread by Thread.start (a happens-before edge).
        Thread server = Thread.ofPlatform().name("polled-router").start(() -> {
            try (ZPoller poller = new ZPoller(ctx)) {
                poller.register(stopIn, ZPoller.POLLIN).register(router, ZPoller.POLLIN);
                while (true) {
                    poller.poll(pollTimeoutMillis);
                    if (poller.isReadable(stopIn)) {
                        return;
                    }
                    if (poller.isReadable(router)) {
                        Optional<ZMessage> request;
                        while ((request = router.receiveMessage(ZSocket.DONTWAIT)).isPresent()) {
                            router.send(request.get(), ZSocket.DONTWAIT); // echo on the route it came from
                        }
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                try (ZSocket req = clients.createSocket(SocketType.REQ)) {
                    req.setLinger(0);
                    req.setRcvTimeout(ANSWER_TIMEOUT_MS);
                    req.setSndTimeout(ANSWER_TIMEOUT_MS);
                    req.connect(endpoint);
                    String body = "round " + round;
                    assertTrue(req.send(body), body + ": the request could not be queued");
                    Optional<byte[]> answer = req.receive();
                    if (answer.isEmpty()) {
                        fail(body + " of " + ROUNDS + ": the polled ROUTER did not answer a newly connected REQ within "
                                + ANSWER_TIMEOUT_MS + " ms"
                                + (failure.get() == null ? "" : "; the polling thread failed: " + failure.get()));
                    }
                    assertEquals(body, new String(answer.get(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            stopOut.send("stop");
            server.join(TIMEOUT_MS);
        }
        assertFalse(server.isAlive(), "the polling thread did not stop");
        if (failure.get() != null) {
            throw new AssertionError("the polling thread failed", failure.get());
        }
    }
}
