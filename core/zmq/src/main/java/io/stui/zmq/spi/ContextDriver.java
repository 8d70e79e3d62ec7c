package io.stui.zmq.spi;

import io.stui.zmq.Backend;
import io.stui.zmq.MonitorEvent;
import io.stui.zmq.SocketType;

/** One backend context. Internal SPI behind {@link io.stui.zmq.ZContext}. Thread-safe. */
public interface ContextDriver {
    Backend backend();

    /** The ZeroMQ version this backend speaks, "major.minor.patch". */
    String version();

    void setIoThreads(int threads);

    int ioThreads();

    void setMaxSockets(int max);

    int maxSockets();

    /**
     * Whether sockets created from now on hand received messages out as references into the connection's
     * receive buffer (libzmq's default) or as copies. A backend that always copies ignores it.
     */
    void setZeroCopyReceive(boolean on);

    boolean zeroCopyReceive();

    SocketDriver socket(SocketType type);

    PollerDriver poller();

    /**
     * Runs a steerable proxy until TERMINATE is received on {@code control} or the context closes.
     * {@code capture} and {@code control} may be null.
     */
    void proxySteerable(SocketDriver frontend, SocketDriver backend, SocketDriver capture, SocketDriver control);

    /** Reads one event from a monitor PAIR socket; null if it would block. */
    MonitorEvent readMonitorEvent(SocketDriver monitorPair, int flags);

    /** Makes blocking calls on the context's sockets return ETERM, without closing anything. */
    void shutdown();

    /** The error this backend reports for {@code code}, e.g. ETERM for a call on a closed context. */
    io.stui.zmq.ZmqException error(String operation, io.stui.zmq.ZmqError code);

    /** Terminates the context; waits for sockets' linger. Idempotent. */
    void close();
}
