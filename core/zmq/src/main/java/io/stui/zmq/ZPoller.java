package io.stui.zmq;

import io.stui.zmq.spi.PollerDriver;
import io.stui.zmq.spi.SocketDriver;
import java.time.Duration;
import java.util.Arrays;

/**
 * Waits for events on many sockets at once (zmq_poll).
 *
 * <pre>{@code
 * try (ZPoller poller = new ZPoller(ctx)) {
 *     poller.register(a, ZPoller.POLLIN).register(b, ZPoller.POLLIN);
 *     if (poller.poll(1000) > 0 && poller.isReadable(a)) { ... }
 * }
 * }</pre>
 *
 * <p>Not thread-safe; use it from the thread that uses its sockets. All sockets must come from the
 * poller's context (or at least the same backend).
 */
public final class ZPoller implements AutoCloseable {
    /** The socket has a message to receive. */
    public static final int POLLIN = 1;
    /** The socket can send without blocking. */
    public static final int POLLOUT = 2;
    /** Error condition (raw file descriptors only). */
    public static final int POLLERR = 4;

    private final PollerDriver driver;
    private final java.lang.ref.Cleaner.Cleanable cleanable;
    private final Backend backend;
    private ZSocket[] sockets = new ZSocket[4];
    private SocketDriver[] drivers = new SocketDriver[4];
    private int[] events = new int[4];
    private int[] revents = new int[4];
    private int count;
    private boolean closed;

    /** A poller for sockets of this context. */
    public ZPoller(ZContext context) {
        PollerDriver d = context.driver().poller();
        this.driver = d;
        this.backend = context.backend();
        // Safety net only: a poller dropped without close() gives its native item array back.
        this.cleanable = ZContext.CLEANER.register(this, d::close);
    }

    /** Adds a socket (or changes its events if already added). */
    public ZPoller register(ZSocket socket, int eventMask) {
        ensureOpen();
        if (socket.context().backend() != backend) {
            throw new IllegalArgumentException(
                    "a " + backend + " poller cannot poll a " + socket.context().backend() + " socket");
        }
        int i = indexOf(socket);
        if (i < 0) {
            if (count == sockets.length) {
                int n = count * 2;
                sockets = Arrays.copyOf(sockets, n);
                drivers = Arrays.copyOf(drivers, n);
                events = Arrays.copyOf(events, n);
                revents = Arrays.copyOf(revents, n);
            }
            i = count++;
            sockets[i] = socket;
            drivers[i] = socket.driver();
        }
        events[i] = eventMask;
        revents[i] = 0;
        return this;
    }

    /** Removes a socket; returns false if it was not registered. */
    public boolean unregister(ZSocket socket) {
        int i = indexOf(socket);
        if (i < 0) {
            return false;
        }
        int tail = count - i - 1;
        System.arraycopy(sockets, i + 1, sockets, i, tail);
        System.arraycopy(drivers, i + 1, drivers, i, tail);
        System.arraycopy(events, i + 1, events, i, tail);
        System.arraycopy(revents, i + 1, revents, i, tail);
        count--;
        sockets[count] = null;
        drivers[count] = null;
        return true;
    }

    /** The number of registered sockets. */
    public int size() {
        return count;
    }

    /**
     * Waits until at least one socket has a requested event or the timeout passes.
     *
     * @param timeoutMillis milliseconds to wait; 0 returns at once, negative waits forever
     * @return the number of sockets with events; 0 on timeout
     */
    public int poll(long timeoutMillis) {
        ensureOpen();
        return driver.poll(drivers, events, revents, count, timeoutMillis);
    }

    /** As {@link #poll(long)}. */
    public int poll(Duration timeout) {
        return poll(timeout.toMillis());
    }

    /** The events the last poll returned for this socket (0 if none or not registered). */
    public int revents(ZSocket socket) {
        int i = indexOf(socket);
        return i < 0 ? 0 : revents[i];
    }

    /** True if the last poll found a message to receive on this socket. */
    public boolean isReadable(ZSocket socket) {
        return (revents(socket) & POLLIN) != 0;
    }

    /** True if the last poll found this socket can send. */
    public boolean isWritable(ZSocket socket) {
        return (revents(socket) & POLLOUT) != 0;
    }

    private int indexOf(ZSocket socket) {
        for (int i = 0; i < count; i++) {
            if (sockets[i] == socket) {
                return i;
            }
        }
        return -1;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this ZPoller is closed");
        }
    }

    /** Releases the poller's native memory (the sockets stay open). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cleanable.clean();
        }
    }
}
