package io.stui.zmq.internal.jeromq;

import io.stui.zmq.spi.PollerDriver;
import io.stui.zmq.spi.SocketDriver;
import java.nio.channels.Selector;
import zmq.Ctx;
import zmq.ZError;
import zmq.ZMQ;
import zmq.poll.PollItem;

/** zmq_poll emulation of JeroMQ (a java.nio Selector). */
final class JeromqPoller implements PollerDriver {
    private final Ctx ctx;
    private final Selector selector;

    JeromqPoller(Ctx ctx) {
        this.ctx = ctx;
        this.selector = ctx.createSelector();
    }

    @Override
    public int poll(SocketDriver[] sockets, int[] events, int[] revents, int count, long timeoutMillis) {
        PollItem[] items = new PollItem[count];
        for (int i = 0; i < count; i++) {
            JeromqSocket socket = (JeromqSocket) sockets[i];
            socket.checkOpen("poll");
            items[i] = new PollItem(socket.base(), events[i]);
        }
        int n = ZMQ.poll(selector, items, count, timeoutMillis);
        if (n < 0) {
            int errno = ctx.errno().get();
            throw JeromqErrors.error("poll", errno == 0 ? ZError.ETERM : errno, null);
        }
        for (int i = 0; i < count; i++) {
            PollItem it = items[i];
            revents[i] = (it.isReadable() ? ZMQ.ZMQ_POLLIN : 0)
                    | (it.isWritable() ? ZMQ.ZMQ_POLLOUT : 0)
                    | (it.isError() ? ZMQ.ZMQ_POLLERR : 0);
        }
        return n;
    }

    @Override
    public void close() {
        ctx.closeSelector(selector);
    }
}
