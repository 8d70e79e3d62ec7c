package io.stui.zmq;

import io.stui.zmq.spi.ContextDriver;
import io.stui.zmq.spi.SocketDriver;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A ZeroMQ context: the owner of I/O threads and sockets.
 *
 * <p><b>Threads.</b> A context is thread-safe: any thread may create sockets from it, and one
 * context should serve a whole process. Sockets are not thread-safe (libzmq's rule): use each socket
 * from one thread at a time, and hand it over between threads only with a happens-before edge.
 *
 * <p><b>Closing.</b> {@link #close()} closes every socket created here that is still open (each
 * socket's LINGER decides how long its unsent messages are kept) and then terminates the context,
 * which waits for that linger. Sockets start with this context's LINGER, {@link #DEFAULT_LINGER_MS}
 * (0: unsent messages are dropped at close, as JeroMQ's {@code ZContext} and CZMQ do), so closing never
 * waits for a peer that never came; {@link #setLinger(int)} changes it for sockets created afterwards
 * and {@link ZSocket#setLinger(int)} for one socket. Stop other threads' use of the sockets first, or call
 * {@link #shutdown()} so their blocking calls return with ETERM. A {@link Cleaner} closes a context
 * that becomes unreachable without being closed, only as a safety net.
 *
 * <pre>{@code
 * try (ZContext ctx = new ZContext();
 *      ZSocket rep = ctx.createSocket(SocketType.REP)) {
 *     rep.bind("tcp://127.0.0.1:*");
 *     String endpoint = rep.lastEndpoint();
 *     ...
 * }
 * }</pre>
 */
public final class ZContext implements AutoCloseable {
    /** One cleaner thread for every safety net of this package. */
    static final Cleaner CLEANER = Cleaner.create();

    /** The LINGER a new context gives its sockets, in milliseconds: drop unsent messages at close. */
    public static final int DEFAULT_LINGER_MS = 0;

    private final Backend backend;
    private final State state;
    private volatile int linger = DEFAULT_LINGER_MS;
    private final Cleaner.Cleanable cleanable;

    /** Native state the cleaner may release; holds no reference to the ZContext. */
    private static final class State implements Runnable {
        final ContextDriver driver;
        final Set<SocketDriver> sockets = ConcurrentHashMap.newKeySet();
        final AtomicBoolean closed = new AtomicBoolean();

        State(ContextDriver driver) {
            this.driver = driver;
        }

        @Override
        public void run() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            List<SocketDriver> open = new ArrayList<>(sockets);
            sockets.clear();
            RuntimeException first = null;
            for (SocketDriver s : open) {
                try {
                    s.close();
                } catch (RuntimeException e) { // keep closing: one bad socket must not keep the context alive
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            driver.close();
            if (first != null) {
                throw first;
            }
        }
    }

    /** A context on the default backend (see {@link Backend#defaultBackend()}). */
    public ZContext() {
        this(Backend.defaultBackend());
    }

    /**
     * A context on the given backend.
     *
     * @throws BackendUnavailableException if the backend cannot run here (NATIVE without libzmq)
     */
    public ZContext(Backend backend) {
        this.backend = backend;
        this.state = new State(BackendRegistry.provider(backend).newContext());
        this.cleanable = CLEANER.register(this, state);
    }

    /** A context on the given backend with this many I/O threads. */
    public ZContext(Backend backend, int ioThreads) {
        this(backend);
        setIoThreads(ioThreads);
    }

    /** Same as {@link #ZContext()}. */
    public static ZContext create() {
        return new ZContext();
    }

    /** Same as {@link #ZContext(Backend)}. */
    public static ZContext create(Backend backend) {
        return new ZContext(backend);
    }

    /** The backend this context runs on. */
    public Backend backend() {
        return backend;
    }

    /**
     * The ZeroMQ version, "major.minor.patch": libzmq's {@code zmq_version} for NATIVE, the protocol
     * version JeroMQ implements for JEROMQ.
     */
    public String libzmqVersion() {
        return state.driver.version();
    }

    /** Sets the number of I/O threads; only effective before the first socket is created. */
    public void setIoThreads(int threads) {
        ensureOpen();
        state.driver.setIoThreads(threads);
    }

    /** The number of I/O threads. */
    public int getIoThreads() {
        ensureOpen();
        return state.driver.ioThreads();
    }

    /** Sets the maximum number of sockets; only effective before the first socket is created. */
    public void setMaxSockets(int max) {
        ensureOpen();
        state.driver.setMaxSockets(max);
    }

    /** The maximum number of sockets. */
    public int getMaxSockets() {
        ensureOpen();
        return state.driver.maxSockets();
    }

    /**
     * Whether sockets created from now on receive messages as references into each connection's receive
     * buffer (true, libzmq's default) or as copies (false). Copying costs a small allocation per received
     * message larger than 33 bytes; not copying makes libzmq touch a page of reference counts behind each
     * connection's 8 KiB receive buffer, 4 KiB of resident memory per connected peer. JeroMQ always copies
     * and ignores it.
     */
    public void setZeroCopyReceive(boolean on) {
        ensureOpen();
        state.driver.setZeroCopyReceive(on);
    }

    /** Whether sockets created from now on receive without copying; false on JeroMQ. */
    public boolean getZeroCopyReceive() {
        ensureOpen();
        return state.driver.zeroCopyReceive();
    }

    /**
     * The LINGER, in milliseconds, that sockets created from now on start with: how long closing keeps
     * their unsent messages (-1 until delivered, 0 drop them). Default {@link #DEFAULT_LINGER_MS}.
     */
    public void setLinger(int millis) {
        ensureOpen("set default LINGER");
        if (millis < -1) {
            throw state.driver.error("set default LINGER to " + millis, ZmqError.EINVAL);
        }
        linger = millis;
    }

    /** The LINGER new sockets start with, in milliseconds. */
    public int getLinger() {
        return linger;
    }

    /** Creates a socket of the given type, with this context's LINGER. Close it when done (or close the context). */
    public ZSocket createSocket(SocketType type) {
        ensureOpen("create " + type + " socket");
        SocketDriver driver = state.driver.socket(type);
        try {
            driver.setInt(io.stui.zmq.spi.OptionId.LINGER, linger);
        } catch (RuntimeException e) {
            driver.close();
            throw e;
        }
        state.sockets.add(driver);
        if (state.closed.get()) { // closed concurrently: do not leave an orphan
            state.sockets.remove(driver);
            driver.close();
            ensureOpen("create " + type + " socket");
        }
        return new ZSocket(this, driver, type);
    }

    /**
     * Makes every blocking call on this context's sockets return with ETERM, so threads using them
     * can close them; does not close anything. Idempotent.
     */
    public void shutdown() {
        if (!state.closed.get()) {
            state.driver.shutdown();
        }
    }

    /** True after {@link #close()}. */
    public boolean isClosed() {
        return state.closed.get();
    }

    /** Closes all sockets still open (honouring their LINGER) and terminates the context. Idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }

    ContextDriver driver() {
        ensureOpen();
        return state.driver;
    }

    void forget(SocketDriver socket) {
        state.sockets.remove(socket);
    }

    private void ensureOpen() {
        ensureOpen("use the context");
    }

    /** ETERM once closed, as libzmq answers a call on a terminated context. */
    private void ensureOpen(String operation) {
        if (state.closed.get()) {
            throw state.driver.error(operation + " (this ZContext is closed; create a new one)", ZmqError.ETERM);
        }
    }

    @Override
    public String toString() {
        return "ZContext[" + backend + (isClosed() ? ", closed" : "") + ']';
    }
}
