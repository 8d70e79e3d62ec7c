package io.stui.zmq;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives a socket's monitor events (zmq_socket_monitor) as {@link MonitorEvent} records.
 *
 * <pre>{@code
 * try (ZMonitor monitor = new ZMonitor(socket)) {
 *     socket.connect(endpoint);
 *     monitor.await(MonitorEvent.Kind.CONNECTED, Duration.ofSeconds(5)).orElseThrow();
 * }
 * }</pre>
 *
 * <p>Start the monitor before connecting/binding to see every event. Not thread-safe; the monitored
 * socket may be used by another thread.
 */
public final class ZMonitor implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    private final ZSocket monitored;
    private final ZSocket pair;
    private boolean closed;

    /** Monitors all events of {@code socket}. */
    public ZMonitor(ZSocket socket) {
        this(socket, MonitorEvent.Kind.all());
    }

    /** Monitors the given kinds of events of {@code socket}. */
    public ZMonitor(ZSocket socket, Set<MonitorEvent.Kind> kinds) {
        this.monitored = socket;
        String endpoint = "inproc://stui-monitor-" + IDS.incrementAndGet();
        socket.driver().monitor(endpoint, MonitorEvent.Kind.mask(kinds));
        ZSocket p = socket.context().createSocket(SocketType.PAIR);
        try {
            p.setLinger(0);
            p.connect(endpoint);
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        this.pair = p;
    }

    /** The next event, waiting at most {@code timeout}; empty if none arrived in time. */
    public Optional<MonitorEvent> next(Duration timeout) {
        ensureOpen();
        pair.setRcvTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(0, timeout.toMillis())));
        return Optional.ofNullable(monitored.context().driver().readMonitorEvent(pair.driver(), 0));
    }

    /** The next event if one is queued, without waiting. */
    public Optional<MonitorEvent> poll() {
        ensureOpen();
        return Optional.ofNullable(monitored.context().driver().readMonitorEvent(pair.driver(), ZSocket.DONTWAIT));
    }

    /** Waits for an event of the given kind, skipping others; empty if none arrived in time. */
    public Optional<MonitorEvent> await(MonitorEvent.Kind kind, Duration timeout) {
        return awaitAny(Set.of(kind), timeout);
    }

    /** Waits for an event of any of the given kinds, skipping others; empty if none arrived in time. */
    public Optional<MonitorEvent> awaitAny(Set<MonitorEvent.Kind> kinds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            Optional<MonitorEvent> e = next(Duration.ofNanos(Math.max(left, 1_000_000)));
            if (e.isEmpty()) {
                return e;
            }
            if (kinds.contains(e.get().kind())) {
                return e;
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this ZMonitor is closed");
        }
    }

    /** Stops monitoring and closes the receiving socket. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!monitored.context().isClosed()) {
                monitored.driver().monitor(null, 0);
            }
        } catch (ZmqException e) {
            // The monitored socket is already closed: its monitor stopped with it.
        } finally {
            pair.close();
        }
    }
}
