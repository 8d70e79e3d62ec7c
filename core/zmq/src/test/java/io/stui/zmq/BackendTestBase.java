package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Base of the suites that run once per backend. A NATIVE run fails (never falls back) when libzmq
 * cannot be loaded: {@link ZContext#ZContext(Backend)} throws {@link BackendUnavailableException}.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
abstract class BackendTestBase {
    /** Generous bound for things that normally take milliseconds; tests never sleep to synchronise. */
    static final int TIMEOUT_MS = 5000;

    @Parameter
    Backend backend;

    ZContext ctx;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void openContext() {
        ctx = new ZContext(backend);
    }

    @AfterEach
    void closeContext() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        ctx.close();
    }

    /** A socket closed after the test, with linger 0 and a receive timeout so a broken test fails instead of hanging. */
    ZSocket socket(SocketType type) {
        ZSocket s = ctx.createSocket(type);
        s.setLinger(0);
        s.setRcvTimeout(TIMEOUT_MS);
        s.setSndTimeout(TIMEOUT_MS);
        closeables.add(s);
        return s;
    }

    /** Two sockets of a test: one bound, one connected to it. */
    record Linked(ZSocket bound, ZSocket connected) {}

    /**
     * A socket of {@code boundType} bound to {@code endpoint} (a tcp wildcard port is resolved) and one of
     * {@code connectedType} connected to it, both as {@link #socket} makes them.
     */
    Linked link(SocketType boundType, SocketType connectedType, String endpoint) {
        ZSocket bound = socket(boundType);
        ZSocket connected = socket(connectedType);
        bound.bind(endpoint);
        connected.connect(bound.lastEndpoint());
        return new Linked(bound, connected);
    }

    <T extends AutoCloseable> T closeLater(T c) {
        closeables.add(c);
        return c;
    }

    /** Binds to a free loopback port and returns the resolved endpoint. */
    static String bindTcp(ZSocket s) {
        s.bind("tcp://127.0.0.1:*");
        String ep = s.lastEndpoint();
        assertTrue(ep.matches("tcp://127\\.0\\.0\\.1:\\d+"), ep);
        return ep;
    }

    static String str(Optional<byte[]> frame) {
        return new String(
                frame.orElseThrow(() -> new AssertionError("no frame within the timeout")), StandardCharsets.UTF_8);
    }

    static void assertReceives(ZSocket s, String expected) {
        assertEquals(
                expected,
                s.receiveString().orElseThrow(() -> new AssertionError("expected '" + expected + "', got nothing")));
    }

    /**
     * PUB/SUB "slow joiner": publishes {@code probe} until the subscriber receives it, so the
     * subscription has reached the publisher. Returns how many probes were sent.
     */
    static int awaitSubscription(ZSocket pub, ZSocket sub, String probe) {
        int oldTimeout = sub.getRcvTimeout();
        sub.setRcvTimeout(20);
        try {
            long deadline = System.nanoTime() + Duration.ofMillis(TIMEOUT_MS).toNanos();
            int sent = 0;
            while (System.nanoTime() < deadline) {
                pub.send(probe);
                sent++;
                Optional<String> got = sub.receiveString();
                if (got.isPresent()) {
                    assertEquals(probe, got.get());
                    return sent;
                }
            }
            return fail("the subscription never reached the publisher");
        } finally {
            sub.setRcvTimeout(oldTimeout);
        }
    }

    /** Receives the next frame that is not {@code probe} (late probes from {@link #awaitSubscription}). */
    static String receiveSkipping(ZSocket s, String probe) {
        while (true) {
            String got = s.receiveString().orElseThrow(() -> new AssertionError("no message within the timeout"));
            if (!got.equals(probe)) {
                return got;
            }
        }
    }
}
