package io.stui.zmq;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background thread that talks to its creator over a PAIR pipe (like CZMQ's {@code zactor} and
 * JeroMQ's {@code ZActor}): the body runs on its own thread with its end of the pipe, the creator
 * sends commands and receives answers on {@link #pipe()}.
 *
 * <pre>{@code
 * try (ZActor echo = new ZActor(ctx, (context, pipe) -> {
 *          for (String m; !(m = pipe.receiveString().orElseThrow()).equals(ZActor.TERM); ) {
 *              pipe.send(m);
 *          }
 *      })) {
 *     echo.pipe().send("hello");
 *     echo.pipe().receiveString();                     // "hello"
 * }                                                    // close(): sends $TERM, waits for the body
 * }</pre>
 *
 * <p>The contract with the body: when it receives the one-frame message {@link #TERM} it returns. The
 * body may create its own sockets on the context (and close them before returning); its pipe end is
 * closed when it returns. An exception from the body ends the thread, is logged, and is kept for
 * {@link #failure()}; a body that ends by itself leaves the creator's pipe without a peer, so a creator
 * that must notice uses a receive timeout or checks {@link #isAlive()}.
 *
 * <p>{@link #pipe()} is a socket like any other: use it from one thread at a time. The same on both
 * backends.
 */
public final class ZActor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZActor.class);
    private static final AtomicLong IDS = new AtomicLong();

    /** The message that asks the body to return (CZMQ's spelling). */
    public static final String TERM = "$TERM";

    /** The actor's work, run on the actor's thread. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param context the context the actor was created on, for the body's own sockets
         * @param pipe    the actor's end of the pipe; closed by the actor when this returns
         * @throws Exception anything: it ends the actor and is kept for {@link ZActor#failure()}
         */
        void run(ZContext context, ZSocket pipe) throws Exception;
    }

    private final ZSocket pipe;
    private final Thread thread;
    private volatile Throwable failure;
    private boolean closed;

    /** Starts {@code body} on a new thread, its pipe already connected to {@link #pipe()}. */
    public ZActor(ZContext context, Body body) {
        if (body == null) {
            throw new IllegalArgumentException("a ZActor needs a body");
        }
        long id = IDS.incrementAndGet();
        String endpoint = "inproc://stui-zactor-" + id;
        this.pipe = context.createSocket(SocketType.PAIR);
        ZSocket actorEnd = null;
        try {
            pipe.bind(endpoint);
            actorEnd = context.createSocket(SocketType.PAIR);
            actorEnd.connect(endpoint);
        } catch (RuntimeException e) { // no half-made pipe left to the context
            if (actorEnd != null) {
                actorEnd.close();
            }
            pipe.close();
            throw e;
        }
        ZSocket actorPipe = actorEnd;
        // The body owns actorPipe from here: Thread.start publishes it to the new thread.
        this.thread = Thread.ofPlatform().name("stui-zactor-" + id).daemon(true).unstarted(() -> {
            try {
                body.run(context, actorPipe);
            } catch (ZmqException e) {
                if (!e.isContextTerminated()) {
                    fail(e);
                }
            } catch (Throwable e) {
                fail(e);
            } finally {
                actorPipe.close();
            }
        });
        thread.start();
    }

    private void fail(Throwable e) {
        failure = e;
        LOG.error("ZActor {} ended on an error", thread.getName(), e);
    }

    /** The creator's end of the pipe: send the body commands, receive its answers. */
    public ZSocket pipe() {
        return pipe;
    }

    /** True while the body runs. */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /** What the body threw (a context shutdown's ETERM is a normal end, not a failure). */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Sends {@link #TERM} and waits until the body returns, then closes the pipe. A body that ignores
     * {@code $TERM} keeps this waiting: {@link #close(Duration)} bounds the wait.
     *
     * @throws IllegalStateException if interrupted while waiting
     */
    @Override
    public void close() {
        askToEnd();
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        pipe.close();
    }

    /**
     * Sends {@link #TERM} (once) and waits up to {@code timeout} for the body to return.
     *
     * @return true when the body has returned and the pipe is closed; false if it still runs (the
     *     pipe stays open, so a later {@code close} may wait again)
     * @throws IllegalStateException if interrupted while waiting
     */
    public boolean close(Duration timeout) {
        askToEnd();
        try {
            if (!thread.join(timeout.isNegative() ? Duration.ZERO : timeout)) {
                return false;
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        pipe.close();
        return true;
    }

    private void askToEnd() {
        if (closed) {
            return;
        }
        closed = true;
        if (thread.isAlive()) {
            try {
                // DONTWAIT: a body that stopped reading, with a full pipe, must not block close.
                pipe.send(TERM, ZSocket.DONTWAIT);
            } catch (ZmqException e) {
                // The context is closing or closed: the body's own calls end with ETERM instead.
                LOG.debug("{}: $TERM not sent: {}", thread.getName(), e.getMessage());
            }
        }
    }

    private IllegalStateException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted while waiting for " + thread.getName() + " to end", e);
    }
}
