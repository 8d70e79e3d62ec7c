package io.stui.zmq.internal.panama;

import static io.stui.zmq.internal.panama.Lib.rethrow;

import io.stui.zmq.bindings.zmq_pollitem_t;
import io.stui.zmq.spi.PollerDriver;
import io.stui.zmq.spi.SocketDriver;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * zmq_poll over a reusable native zmq_pollitem_t array. The array and the errno cell come from
 * {@link NativeBlock} (no shared-session acquire/release per poll) and are freed once, on close.
 */
final class NativePoller implements PollerDriver {
    private final MemorySegment capture = NativeBlock.allocate(Lib.CAPTURE_LAYOUT.byteSize());
    /** Volatile, like {@link #closed}: a Cleaner may free it from its own thread. */
    private volatile MemorySegment items;
    /** One slice per item, made when the array grows rather than on every poll. */
    private MemorySegment[] slices = new MemorySegment[0];

    private int capacity;
    private final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public int poll(SocketDriver[] sockets, int[] events, int[] revents, int count, long timeoutMillis) {
        if (closed.get()) {
            throw new IllegalStateException("this poller is closed");
        }
        if (count > capacity) {
            int grown = Math.max(count, Math.max(4, capacity * 2));
            MemorySegment bigger = NativeBlock.allocate(zmq_pollitem_t.layout().byteSize() * grown);
            if (items != null) {
                NativeBlock.free(items);
            }
            items = bigger;
            capacity = grown;
            slices = new MemorySegment[capacity];
            for (int i = 0; i < capacity; i++) {
                slices[i] = zmq_pollitem_t.asSlice(items, i);
            }
        }
        for (int i = 0; i < count; i++) {
            MemorySegment item = slices[i];
            NativeSocket socket = (NativeSocket) sockets[i];
            socket.checkOpen("poll");
            zmq_pollitem_t.socket(item, socket.handle());
            zmq_pollitem_t.fd(item, 0);
            zmq_pollitem_t.events(item, (short) events[i]);
            zmq_pollitem_t.revents(item, (short) 0);
        }
        long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : 0;
        long timeout = timeoutMillis < 0 ? -1 : timeoutMillis;
        MemorySegment array = count == 0 ? MemorySegment.NULL : items;
        try {
            while (true) {
                int rc = (int) Lib.Poll.POLL.invokeExact(capture, array, count, timeout);
                if (rc >= 0) {
                    for (int i = 0; i < count; i++) {
                        revents[i] = zmq_pollitem_t.revents(slices[i]) & 0xFFFF;
                    }
                    return rc;
                }
                int errno = Lib.errno(capture);
                if (errno != NativeErrors.EINTR) {
                    throw NativeErrors.error("poll", errno, null);
                }
                if (timeoutMillis > 0) { // retry with what is left of the timeout
                    timeout = Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
                }
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            NativeBlock.free(capture);
            if (items != null) {
                NativeBlock.free(items);
                items = null;
            }
        }
    }
}
