package io.stui.zmq;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A steerable proxy (zmq_proxy_steerable) running on its own thread: forwards messages between a
 * frontend and a backend socket (for example ROUTER/DEALER or XSUB/XPUB), optionally copying them to
 * a capture socket, until {@link #terminate()}.
 *
 * <p>While the proxy runs it owns the frontend, backend and capture sockets: do not use them from
 * other threads until {@link #terminate()} has returned; then close them as usual. Commands are
 * applied in the order sent. On the native backend {@link #pause()} and {@link #resume()} return
 * only after the proxy has applied them (they are followed by a STATISTICS round trip, since libzmq
 * may finish a burst of up to 1000 messages before it reads a command); JeroMQ reads commands
 * before each forwarded message and has no STATISTICS. The controlling methods may be called from
 * any thread.
 */
public final class ZProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZProxy.class);
    private static final AtomicLong IDS = new AtomicLong();

    private final ZSocket control;
    private final Backend backend;
    private final Thread thread;
    private volatile RuntimeException failure;
    private boolean terminated;

    private ZProxy(ZContext context, ZSocket frontend, ZSocket backend, ZSocket capture) {
        String endpoint = "inproc://stui-proxy-control-" + IDS.incrementAndGet();
        this.backend = context.backend();
        this.control = context.createSocket(SocketType.PAIR);
        control.setLinger(0);
        control.setRcvTimeout(10_000);
        control.bind(endpoint);
        ZSocket proxySide = context.createSocket(SocketType.PAIR);
        proxySide.setLinger(0);
        proxySide.connect(endpoint);
        this.thread = Thread.ofPlatform()
                .name("stui-zproxy-" + IDS.get())
                .daemon(true)
                .unstarted(() -> {
                    try {
                        context.driver()
                                .proxySteerable(
                                        frontend.driver(),
                                        backend.driver(),
                                        capture == null ? null : capture.driver(),
                                        proxySide.driver());
                    } catch (ZmqException e) {
                        if (!e.isContextTerminated()) {
                            failure = e;
                            LOG.error("ZeroMQ proxy stopped on an error: {}", e.getMessage());
                        }
                    } catch (RuntimeException e) {
                        failure = e;
                        LOG.error("ZeroMQ proxy stopped on an error", e);
                    } finally {
                        proxySide.close();
                    }
                });
        thread.start();
    }

    /** Starts a proxy between {@code frontend} and {@code backend}. */
    public static ZProxy start(ZContext context, ZSocket frontend, ZSocket backend) {
        return new ZProxy(context, frontend, backend, null);
    }

    /** Starts a proxy that also copies every message to {@code capture}. */
    public static ZProxy start(ZContext context, ZSocket frontend, ZSocket backend, ZSocket capture) {
        return new ZProxy(context, frontend, backend, capture);
    }

    /** Stops forwarding until {@link #resume()}; messages wait in the sockets' queues. */
    public synchronized void pause() {
        command("PAUSE");
        awaitApplied();
    }

    /** Starts forwarding again after {@link #pause()}. */
    public synchronized void resume() {
        command("RESUME");
        awaitApplied();
    }

    /**
     * Message and byte counts of the proxy so far (the STATISTICS command).
     *
     * @throws ZmqException ENOTSUP on the JeroMQ backend, whose proxy has no STATISTICS
     */
    public synchronized Statistics statistics() {
        if (backend == Backend.JEROMQ) {
            throw new ZmqException(
                    "proxy STATISTICS",
                    0,
                    ZmqError.ENOTSUP,
                    "the JeroMQ backend's proxy has no STATISTICS command; use the native backend (libzmq) for it",
                    null);
        }
        command("STATISTICS");
        long[] v = new long[8];
        for (int i = 0; i < 8; i++) {
            byte[] frame = control.receive()
                    .orElseThrow(() -> new IllegalStateException("the proxy did not answer STATISTICS within 10 s"));
            v[i] = java.nio.ByteBuffer.wrap(frame)
                    .order(java.nio.ByteOrder.nativeOrder())
                    .getLong();
        }
        return new Statistics(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /**
     * The proxy's counters: messages and bytes received and sent on each side.
     *
     * @param frontendReceivedMessages messages read from the frontend
     * @param frontendReceivedBytes    bytes read from the frontend
     * @param frontendSentMessages     messages written to the frontend (replies)
     * @param frontendSentBytes        bytes written to the frontend
     * @param backendReceivedMessages  messages read from the backend (replies)
     * @param backendReceivedBytes     bytes read from the backend
     * @param backendSentMessages      messages written to the backend
     * @param backendSentBytes         bytes written to the backend
     */
    public record Statistics(
            long frontendReceivedMessages,
            long frontendReceivedBytes,
            long frontendSentMessages,
            long frontendSentBytes,
            long backendReceivedMessages,
            long backendReceivedBytes,
            long backendSentMessages,
            long backendSentBytes) {}

    /** Native: commands are handled in order, so a STATISTICS answer proves the previous command was applied. */
    private void awaitApplied() {
        if (backend == Backend.NATIVE) {
            statistics();
        }
    }

    /** True while the proxy thread runs. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Stops the proxy and waits for its thread to end. Idempotent.
     *
     * @throws ZmqException (or another runtime exception) if the proxy had stopped on an error
     */
    public synchronized void terminate() {
        if (terminated) {
            return;
        }
        terminated = true;
        try {
            if (thread.isAlive()) {
                control.send("TERMINATE".getBytes(StandardCharsets.US_ASCII), 0);
            }
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the proxy to stop", e);
        } finally {
            control.close();
        }
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    private void command(String name) {
        if (terminated) {
            throw new IllegalStateException("the proxy is terminated");
        }
        control.send(name.getBytes(StandardCharsets.US_ASCII), 0);
    }

    /** Same as {@link #terminate()}. */
    @Override
    public void close() {
        terminate();
    }
}
