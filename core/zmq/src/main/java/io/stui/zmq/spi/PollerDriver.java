package io.stui.zmq.spi;

/** zmq_poll over backend sockets. Internal SPI behind {@link io.stui.zmq.ZPoller}. */
public interface PollerDriver extends AutoCloseable {
    /**
     * Polls the first {@code count} sockets for the requested events and writes the returned events
     * into {@code revents}. Returns the number of sockets with events, 0 on timeout. A negative
     * timeout waits forever.
     */
    int poll(SocketDriver[] sockets, int[] events, int[] revents, int count, long timeoutMillis);

    @Override
    void close();
}
