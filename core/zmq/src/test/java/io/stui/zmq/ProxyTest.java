package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** zmq_proxy_steerable: PAUSE, RESUME, TERMINATE, once per backend. */
class ProxyTest extends BackendTestBase {

    @Test
    void steerableProxyPausesResumesAndTerminates() {
        ZSocket front = socket(SocketType.PULL);
        ZSocket back = socket(SocketType.PUSH);
        ZSocket producer = socket(SocketType.PUSH);
        ZSocket consumer = socket(SocketType.PULL);
        producer.connect(bindTcp(front));
        consumer.connect(bindTcp(back));

        ZProxy proxy = ZProxy.start(ctx, front, back);
        try {
            producer.send("before pause");
            assertReceives(consumer, "before pause");

            proxy.pause();
            producer.send("while paused");
            consumer.setRcvTimeout(300);
            assertTrue(consumer.receive().isEmpty(), "a paused proxy forwards nothing");

            proxy.resume();
            consumer.setRcvTimeout(TIMEOUT_MS);
            assertReceives(consumer, "while paused");
            assertTrue(proxy.isRunning());
            if (backend == Backend.NATIVE) {
                ZProxy.Statistics stats = proxy.statistics();
                assertEquals(2, stats.frontendReceivedMessages());
                assertEquals(2, stats.backendSentMessages());
                assertEquals("before pause".length() + "while paused".length(), stats.backendSentBytes());
            } else {
                // Recorded JeroMQ gap (core/README.md).
                assertEquals(
                        ZmqError.ENOTSUP,
                        assertThrows(ZmqException.class, proxy::statistics).code());
            }
        } finally {
            proxy.terminate();
        }
        assertFalse(proxy.isRunning(), "TERMINATE ends the proxy thread");
        proxy.terminate(); // idempotent
        assertThrows(IllegalStateException.class, proxy::pause);

        // The sockets are the caller's again.
        producer.send("direct");
        assertReceives(front, "direct");
    }

    @Test
    void captureSocketSeesTraffic() {
        ZSocket front = socket(SocketType.PULL);
        ZSocket back = socket(SocketType.PUSH);
        ZSocket capture = socket(SocketType.PUSH);
        ZSocket captured = socket(SocketType.PULL);
        capture.bind("inproc://capture-" + backend);
        captured.connect("inproc://capture-" + backend);
        ZSocket producer = socket(SocketType.PUSH);
        ZSocket consumer = socket(SocketType.PULL);
        producer.connect(bindTcp(front));
        consumer.connect(bindTcp(back));
        try (ZProxy proxy = ZProxy.start(ctx, front, back, capture)) {
            producer.send("copied");
            assertReceives(consumer, "copied");
            assertReceives(captured, "copied");
            assertTrue(proxy.isRunning());
        }
    }
}
