package io.stui.zmq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reactor (like CZMQ's {@code zloop} and JeroMQ's {@code ZLoop}): calls a handler when a socket has a
 * message to read and when a timer is due, on the thread that calls {@link #run()}.
 *
 * <pre>{@code
 * try (ZLoop loop = new ZLoop(ctx)) {
 *     loop.addReader(pull, (l, socket) -> {
 *         System.out.println(socket.receiveString().orElseThrow());
 *         return true;                                // false ends run()
 *     });
 *     loop.addTimer(Duration.ofSeconds(1), 0, (l, timer) -> heartbeat());   // every second, forever
 *     loop.run();
 * }
 * }</pre>
 *
 * <p>{@link #run()} returns when a handler returns {@code false} or calls {@link #stop()}, when nothing
 * is left to wait for (no reader and no timer), when the context is shut down (ETERM), or when the
 * thread is interrupted (seen at the next wake-up: a wait on sockets is not interrupted, so a loop
 * that has to end from another thread reads a socket that thread can send to, or the context is shut
 * down). A handler's exception ends {@code run()} and is thrown by it. Handlers may add and remove
 * readers and timers, including their own.
 *
 * <p>Not thread-safe: build it and run it on one thread, the one that uses its sockets. The same
 * on both backends: it is built on {@link ZPoller}.
 */
public final class ZLoop implements AutoCloseable {

    /** Called when a socket has a message to receive. */
    @FunctionalInterface
    public interface ReaderHandler {
        /**
         * @param loop   the loop calling
         * @param socket the readable socket (receive from it: a message left unread is reported again)
         * @return true to go on, false to end {@link ZLoop#run()}
         */
        boolean handle(ZLoop loop, ZSocket socket);
    }

    /** Called when a timer is due. */
    @FunctionalInterface
    public interface TimerHandler {
        /**
         * @param loop  the loop calling
         * @param timer the due timer ({@link Timer#cancel()} it to stop it early)
         * @return true to go on, false to end {@link ZLoop#run()}
         */
        boolean handle(ZLoop loop, Timer timer);
    }

    /** A timer of this loop. */
    public final class Timer {
        private final long intervalNanos;
        private final TimerHandler handler;
        private int remaining;
        private long dueNanos;
        private boolean cancelled;

        private Timer(long intervalNanos, int times, TimerHandler handler) {
            this.intervalNanos = intervalNanos;
            this.remaining = times;
            this.handler = handler;
            this.dueNanos = System.nanoTime() + intervalNanos;
        }

        /** Stops the timer; it is not called again. */
        public void cancel() {
            cancelled = true;
            timers.remove(this);
        }

        /** True while the timer will be called again. */
        public boolean isActive() {
            return !cancelled && timers.contains(this);
        }
    }

    private final ZPoller poller;
    private final Map<ZSocket, ReaderHandler> readers = new LinkedHashMap<>();
    private final List<Timer> timers = new ArrayList<>();
    private boolean stopping;

    /** A loop for sockets of this context. */
    public ZLoop(ZContext context) {
        this.poller = new ZPoller(context);
    }

    /** Calls {@code handler} whenever {@code socket} has a message (replacing its previous handler). */
    public ZLoop addReader(ZSocket socket, ReaderHandler handler) {
        if (socket == null || handler == null) {
            throw new IllegalArgumentException("addReader needs a socket and a handler");
        }
        poller.register(socket, ZPoller.POLLIN);
        readers.put(socket, handler);
        return this;
    }

    /** Stops reading {@code socket}; false if it was not a reader. The socket stays open. */
    public boolean removeReader(ZSocket socket) {
        poller.unregister(socket);
        return readers.remove(socket) != null;
    }

    /**
     * Calls {@code handler} every {@code interval}, {@code times} times (0: until cancelled); the first
     * call is one interval from now. Each next call is due one interval after the previous one was due,
     * or one interval from now when the loop is that far behind (a late loop does not burst to catch up).
     */
    public Timer addTimer(Duration interval, int times, TimerHandler handler) {
        if (interval == null || interval.isNegative() || interval.isZero() || times < 0 || handler == null) {
            throw new IllegalArgumentException(
                    "addTimer needs an interval > 0, times >= 0 and a handler, got " + interval + ", " + times);
        }
        Timer timer = new Timer(interval.toNanos(), times, handler);
        timers.add(timer);
        return timer;
    }

    /** Ends {@link #run()} after the handler that calls it returns. */
    public void stop() {
        stopping = true;
    }

    /**
     * Waits for readable sockets and due timers and calls their handlers, until one of the ends the class
     * describes.
     *
     * @throws ZmqException on a socket error other than the context's shutdown
     * @throws RuntimeException what a handler threw
     */
    public void run() {
        stopping = false;
        while (!stopping && !Thread.currentThread().isInterrupted() && (!readers.isEmpty() || !timers.isEmpty())) {
            try {
                poller.poll(waitMillis());
            } catch (ZmqException e) {
                if (e.isContextTerminated()) {
                    return;
                }
                throw e;
            }
            if (!callReaders() || !callTimers()) {
                return;
            }
        }
    }

    /** Milliseconds until the first timer is due (rounded up, so it is due when the wait ends); -1: none. */
    private long waitMillis() {
        if (timers.isEmpty()) {
            return -1;
        }
        long first = Long.MAX_VALUE;
        for (Timer t : timers) {
            first = Math.min(first, t.dueNanos);
        }
        long nanos = first - System.nanoTime();
        return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
    }

    private boolean callReaders() {
        // A snapshot: handlers may add or remove readers; a removed one is not called.
        for (Map.Entry<ZSocket, ReaderHandler> reader : List.copyOf(readers.entrySet())) {
            ZSocket socket = reader.getKey();
            if (poller.isReadable(socket) && readers.get(socket) == reader.getValue()) {
                if (!reader.getValue().handle(this, socket) || stopping) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean callTimers() {
        long now = System.nanoTime();
        for (Timer timer : List.copyOf(timers)) {
            if (timer.cancelled || timer.dueNanos - now > 0) {
                continue;
            }
            if (timer.remaining > 0 && --timer.remaining == 0) {
                timers.remove(timer);
            } else {
                long next = timer.dueNanos + timer.intervalNanos;
                timer.dueNanos = next - now > 0 ? next : now + timer.intervalNanos;
            }
            if (!timer.handler.handle(this, timer) || stopping) {
                return false;
            }
        }
        return true;
    }

    /** Releases the poller (the sockets stay open); readers and timers are forgotten. */
    @Override
    public void close() {
        readers.clear();
        timers.clear();
        poller.close();
    }
}
