package io.stui.zmq.internal.jeromq;

import io.stui.zmq.Backend;
import io.stui.zmq.MonitorEvent;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZmqException;
import io.stui.zmq.spi.ContextDriver;
import io.stui.zmq.spi.PollerDriver;
import io.stui.zmq.spi.SocketDriver;
import java.util.concurrent.atomic.AtomicBoolean;
import zmq.Ctx;
import zmq.SocketBase;
import zmq.ZError;
import zmq.ZMQ;

/** A JeroMQ context. */
final class JeromqContext implements ContextDriver {
    /**
     * Handshake limit given to every JeroMQ socket. JeroMQ 0.6.0's I/O thread sometimes loses the
     * channel of a fresh outgoing tcp connection when the connecter hands it to the ZMTP engine
     * (zmq.poll.Poller sees the connecter's cancelled SelectionKey through keyFor() and never
     * registers the engine's handle; jeromq pull request 1022). Nothing is read or written on that
     * connection again, so the first messages of the new peer wait in its pipe. The handshake timer
     * still runs: when it fires, the engine is dropped and the socket reconnects on a new channel,
     * and the queued messages go out. libzmq's default of 30 s turns that into a lost request for
     * any client with a shorter timeout; 1 s leaves ample room for a real handshake, CURVE
     * included, over links with up to a few hundred ms round trip.
     */
    static final int HANDSHAKE_IVL_MS = 1000;

    private final Ctx ctx = ZMQ.createContext();
    private final String version;
    private final AtomicBoolean terminated = new AtomicBoolean();
    private Thread terminator;

    JeromqContext(String version) {
        this.version = version;
    }

    @Override
    public Backend backend() {
        return Backend.JEROMQ;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public void setIoThreads(int threads) {
        setOption(ZMQ.ZMQ_IO_THREADS, threads, "set io threads");
    }

    @Override
    public int ioThreads() {
        return ctx.get(ZMQ.ZMQ_IO_THREADS);
    }

    @Override
    public void setMaxSockets(int max) {
        setOption(ZMQ.ZMQ_MAX_SOCKETS, max, "set max sockets");
    }

    @Override
    public int maxSockets() {
        return ctx.get(ZMQ.ZMQ_MAX_SOCKETS);
    }

    /** JeroMQ copies every message out of its receive buffer: nothing to switch. */
    @Override
    public void setZeroCopyReceive(boolean on) {}

    @Override
    public boolean zeroCopyReceive() {
        return false;
    }

    private void setOption(int option, int value, String what) {
        if (!ctx.set(option, value)) {
            throw JeromqErrors.error(
                    what, ctx.errno().get() == 0 ? ZError.EINVAL : ctx.errno().get(), null);
        }
    }

    @Override
    public SocketDriver socket(SocketType type) {
        SocketBase s = ctx.createSocket(type.code());
        if (s == null) {
            throw JeromqErrors.error("create " + type + " socket", ctx.errno().get(), null);
        }
        if (!s.setSocketOpt(ZMQ.ZMQ_HANDSHAKE_IVL, HANDSHAKE_IVL_MS)) {
            int errno = s.errno();
            s.close();
            throw JeromqErrors.error("set ZMQ_HANDSHAKE_IVL", errno == 0 ? ZError.EINVAL : errno, null);
        }
        return new JeromqSocket(s);
    }

    @Override
    public PollerDriver poller() {
        return new JeromqPoller(ctx);
    }

    @Override
    public void proxySteerable(
            SocketDriver frontend, SocketDriver backend, SocketDriver capture, SocketDriver control) {
        SocketBase front = ((JeromqSocket) frontend).base();
        SocketBase back = ((JeromqSocket) backend).base();
        if (!ZMQ.proxy(
                front,
                back,
                capture == null ? null : ((JeromqSocket) capture).base(),
                control == null ? null : ((JeromqSocket) control).base())) {
            int errno = front.errno() != 0 ? front.errno() : back.errno();
            // JeroMQ's proxy ends with false on TERMINATE as well as on errors; only a set errno is an error.
            if (errno != 0 && errno != ZError.EAGAIN) {
                throw JeromqErrors.error("proxy", errno, null);
            }
        }
    }

    @Override
    public MonitorEvent readMonitorEvent(SocketDriver monitorPair, int flags) {
        JeromqSocket pair = (JeromqSocket) monitorPair;
        ZMQ.Event e = ZMQ.Event.read(pair.base(), flags);
        if (e == null) {
            int errno = pair.base().errno();
            if (errno == ZError.EAGAIN || errno == 0) {
                return null;
            }
            throw JeromqErrors.error("read monitor event", errno, null);
        }
        MonitorEvent.Kind kind = MonitorEvent.Kind.fromBit(e.event);
        if (kind == null) { // JeroMQ-only events (e.g. HANDSHAKE_PROTOCOL): not part of libzmq's set
            return readMonitorEvent(monitorPair, flags);
        }
        long value = e.arg instanceof Integer i ? i : e.arg instanceof Long l ? l : -1;
        return new MonitorEvent(kind, value, e.addr);
    }

    /**
     * JeroMQ has no public zmq_ctx_shutdown: its terminate() is shutdown (every socket's blocking call
     * returns ETERM) followed by a wait for the sockets to close. It runs on a thread of its own here, so
     * shutdown returns at once, and close() (which closes the sockets first) waits for it.
     */
    @Override
    public synchronized void shutdown() {
        if (terminator == null && !terminated.get()) {
            terminator = new Thread(ctx::terminate, "jeromq-context-shutdown");
            terminator.setDaemon(true);
            terminator.start();
        }
    }

    @Override
    public ZmqException error(String operation, io.stui.zmq.ZmqError code) {
        return JeromqErrors.error(operation, JeromqErrors.errno(code), null);
    }

    @Override
    public void close() {
        if (terminated.compareAndSet(false, true)) {
            Thread running;
            synchronized (this) {
                running = terminator;
            }
            if (running == null) {
                ctx.terminate();
            } else {
                joinUninterruptibly(running);
            }
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
