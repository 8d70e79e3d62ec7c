package io.stui.zmq.internal.panama;

import static io.stui.zmq.internal.panama.Lib.rethrow;

import io.stui.zmq.Backend;
import io.stui.zmq.MonitorEvent;
import io.stui.zmq.SocketType;
import io.stui.zmq.bindings.zmq_h;
import io.stui.zmq.spi.ContextDriver;
import io.stui.zmq.spi.PollerDriver;
import io.stui.zmq.spi.SocketDriver;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/** A libzmq context (zmq_ctx_new). Thread-safe, as libzmq's context is. */
final class NativeContext implements ContextDriver {
    private final MemorySegment handle;
    private final String version;
    private final AtomicBoolean terminated = new AtomicBoolean();

    NativeContext(String version) {
        this.version = version;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = a.allocate(Lib.CAPTURE_LAYOUT);
            MemorySegment h = MemorySegment.ofAddress(Lib.Sockets.CTX_NEW.call(cap));
            if (h.equals(MemorySegment.NULL)) {
                throw NativeErrors.error("create context", Lib.errno(cap), null);
            }
            this.handle = h;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public Backend backend() {
        return Backend.NATIVE;
    }

    @Override
    public String version() {
        return version;
    }

    private void set(int option, int value, String what) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = a.allocate(Lib.CAPTURE_LAYOUT);
            if ((int) Lib.ContextOptions.CTX_SET.invokeExact(cap, handle, option, value) != 0) {
                throw NativeErrors.error(what, Lib.errno(cap), null);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private int get(int option, String what) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = a.allocate(Lib.CAPTURE_LAYOUT);
            int v = (int) Lib.ContextOptions.CTX_GET.invokeExact(cap, handle, option);
            if (v < 0) {
                throw NativeErrors.error(what, Lib.errno(cap), null);
            }
            return v;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public void setIoThreads(int threads) {
        set(zmq_h.ZMQ_IO_THREADS(), threads, "set io threads");
    }

    @Override
    public int ioThreads() {
        return get(zmq_h.ZMQ_IO_THREADS(), "get io threads");
    }

    @Override
    public void setMaxSockets(int max) {
        set(zmq_h.ZMQ_MAX_SOCKETS(), max, "set max sockets");
    }

    @Override
    public int maxSockets() {
        return get(zmq_h.ZMQ_MAX_SOCKETS(), "get max sockets");
    }

    // zmq.h lists it in its draft section, but libzmq 4.3.4 accepts it when built without the draft API too
    private static final int ZMQ_ZERO_COPY_RECV = 10;

    @Override
    public void setZeroCopyReceive(boolean on) {
        set(ZMQ_ZERO_COPY_RECV, on ? 1 : 0, "set zero-copy receive");
    }

    @Override
    public boolean zeroCopyReceive() {
        return get(ZMQ_ZERO_COPY_RECV, "get zero-copy receive") != 0;
    }

    @Override
    public SocketDriver socket(SocketType type) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = a.allocate(Lib.CAPTURE_LAYOUT);
            MemorySegment s = MemorySegment.ofAddress(Lib.Sockets.SOCKET.call(cap, handle.address(), type.code()));
            if (s.equals(MemorySegment.NULL)) {
                throw NativeErrors.error("create " + type + " socket", Lib.errno(cap), null);
            }
            try {
                return new NativeSocket(s);
            } catch (RuntimeException | Error e) {
                Lib.Sockets.CLOSE.call(cap, s.address()); // no native socket without an owner
                throw e;
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public PollerDriver poller() {
        return new NativePoller();
    }

    @Override
    public void proxySteerable(
            SocketDriver frontend, SocketDriver backend, SocketDriver capture, SocketDriver control) {
        for (SocketDriver d : new SocketDriver[] {frontend, backend, capture, control}) {
            if (d != null) {
                ((NativeSocket) d).checkOpen("proxy");
            }
        }
        MemorySegment f = ((NativeSocket) frontend).handle();
        MemorySegment b = ((NativeSocket) backend).handle();
        MemorySegment c = capture == null ? MemorySegment.NULL : ((NativeSocket) capture).handle();
        MemorySegment k = control == null ? MemorySegment.NULL : ((NativeSocket) control).handle();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = a.allocate(Lib.CAPTURE_LAYOUT);
            while (true) {
                int rc = (int) Lib.Proxy.PROXY_STEERABLE.invokeExact(cap, f, b, c, k);
                if (rc == 0) {
                    return; // TERMINATE
                }
                int errno = Lib.errno(cap);
                if (errno != NativeErrors.EINTR) {
                    throw NativeErrors.error("proxy", errno, null);
                }
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public MonitorEvent readMonitorEvent(SocketDriver monitorPair, int flags) {
        // libzmq 4.3 sends two frames: 6 bytes (uint16 event, uint32 value, host order), then the endpoint.
        byte[] head = monitorPair.receive(flags);
        if (head == null) {
            return null;
        }
        if (head.length != 6 || !monitorPair.hasMore()) {
            throw new IllegalStateException("unexpected monitor frame of " + head.length + " bytes");
        }
        byte[] endpoint = monitorPair.receive(0);
        ByteBuffer bb = ByteBuffer.wrap(head).order(ByteOrder.nativeOrder());
        int event = Short.toUnsignedInt(bb.getShort());
        long value = Integer.toUnsignedLong(bb.getInt());
        MonitorEvent.Kind kind = MonitorEvent.Kind.fromBit(event);
        if (kind == null) {
            return readMonitorEvent(monitorPair, flags);
        }
        return new MonitorEvent(kind, value, new String(endpoint, StandardCharsets.UTF_8));
    }

    @Override
    public io.stui.zmq.ZmqException error(String operation, io.stui.zmq.ZmqError code) {
        return NativeErrors.error(operation, NativeErrors.errno(code), null);
    }

    @Override
    public void shutdown() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = a.allocate(Lib.CAPTURE_LAYOUT);
            if ((int) Lib.Sockets.CTX_SHUTDOWN.call(cap, handle.address()) != 0) {
                throw NativeErrors.error("shut down context", Lib.errno(cap), null);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public void close() {
        if (!terminated.compareAndSet(false, true)) {
            return;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = a.allocate(Lib.CAPTURE_LAYOUT);
            while ((int) Lib.Sockets.CTX_TERM.call(cap, handle.address()) != 0) {
                int errno = Lib.errno(cap);
                if (errno != NativeErrors.EINTR) {
                    throw NativeErrors.error("terminate context", errno, null);
                }
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }
}
