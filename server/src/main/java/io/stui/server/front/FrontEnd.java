package io.stui.server.front;

import io.stui.zmq.Curve;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZMessage;
import io.stui.zmq.ZPoller;
import io.stui.zmq.ZSocket;
import io.stui.zmq.ZmqException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's network face: one thread owns the ROUTER socket clients talk to and a PULL socket
 * that wakes it when workers have answers. Workers put their answers on an in-memory queue and
 * ring that doorbell (an empty message through each worker's own PUSH socket, since ZeroMQ sockets
 * are not thread-safe and none is shared between threads) only when the front has taken the
 * previous ring, so under load one wake-up carries many answers.
 *
 * <p>For each request the {@link Dispatcher} either answers at once on the front thread (cheap
 * commands, malformed input) or takes the work elsewhere and answers later through the
 * {@link Reply} it was given, from any thread. Either way the answer leaves on the routing
 * envelope the request arrived with.
 *
 * <p>Shutdown ({@link #close(Duration)}) stops reading requests, forwards the answers of work
 * already accepted for up to the given time, then closes the sockets.
 */
public final class FrontEnd implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FrontEnd.class);
    private static final int BATCH = 64;

    /** Decides what to do with one request's body frames. */
    public interface Dispatcher {
        /**
         * Called on the front thread. Returns the answer to send now, or null after arranging for
         * {@code later} to be called exactly once, from any thread.
         */
        byte[] dispatch(List<byte[]> body, Reply later);
    }

    /** Sends one answer back to the peer a request came from. Thread-safe; use once. */
    public interface Reply {
        void send(byte[] answer);
    }

    /** Socket settings of the front end. */
    public record Settings(String endpoint, long maxMessageSize, String curveSecretKeyZ85) {
    }

    private final ZContext context;
    private final Settings settings;
    private final Dispatcher dispatcher;
    private final String answersEndpoint = "inproc://stui-answers-" + UUID.randomUUID();
    private final Queue<ZSocket> pushSockets = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<ZSocket> pushSocket = new ThreadLocal<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<WorkerAnswer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean doorbellArmed = new AtomicBoolean(true);
    private static final byte[] DOORBELL = new byte[0];

    /** An answer computed on a worker, waiting for the front thread to send it. */
    private record WorkerAnswer(List<byte[]> envelope, byte[] body) {
    }
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean accepting = true;
    private volatile long drainDeadline;
    private volatile String boundEndpoint;
    private volatile RuntimeException startFailure;
    private Thread thread;

    public FrontEnd(ZContext context, Settings settings, Dispatcher dispatcher) {
        this.context = context;
        this.settings = settings;
        this.dispatcher = dispatcher;
    }

    /** Binds the sockets on the front thread and returns the endpoint actually bound. */
    public String start() {
        thread = new Thread(this::run, "stui-front");
        thread.start();
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the front end was starting", e);
        }
        if (startFailure != null) {
            throw startFailure;
        }
        return boundEndpoint;
    }

    /** The endpoint the ROUTER socket is bound to (a wildcard port resolved). */
    public String endpoint() {
        return boundEndpoint;
    }

    /** Requests handed to workers whose answers have not yet been sent. */
    public int inFlight() {
        return inFlight.get();
    }

    private void run() {
        ZSocket router;
        ZSocket pull;
        try {
            router = context.createSocket(SocketType.ROUTER);
            router.setLinger(1000);
            router.setMaxMsgSize(settings.maxMessageSize());
            router.setRcvHwm(10_000);
            router.setSndHwm(10_000);
            if (settings.curveSecretKeyZ85() != null) {
                router.setCurveServer(Curve.keyPairFromSecret(Curve.z85Decode(settings.curveSecretKeyZ85())));
            }
            pull = context.createSocket(SocketType.PULL);
            pull.bind(answersEndpoint);
            router.bind(settings.endpoint());
            boundEndpoint = router.lastEndpoint();
        } catch (RuntimeException e) {
            startFailure = e instanceof ZmqException
                    ? new IllegalStateException("Cannot bind " + settings.endpoint() + ": " + e.getMessage()
                    + "; is another server using it?", e)
                    : e;
            started.countDown();
            stopped.countDown();
            return;
        }
        log.info("event=listening endpoint={} curve={}", boundEndpoint, settings.curveSecretKeyZ85() != null);
        started.countDown();
        Thread front = Thread.currentThread();
        try (ZPoller poller = new ZPoller(context)) {
            poller.register(pull, ZPoller.POLLIN);
            poller.register(router, ZPoller.POLLIN);
            boolean routerRegistered = true;
            while (true) {
                if (!accepting) {
                    if (routerRegistered) {
                        poller.unregister(router);
                        routerRegistered = false;
                    }
                    if (inFlight.get() <= 0 || System.nanoTime() > drainDeadline) {
                        break;
                    }
                }
                poller.poll(accepting ? 200 : 20);
                // drain whatever is ready on both sockets before polling again: under load this
                // saves a poll call per message
                boolean busy = true;
                if (poller.isReadable(pull)) {
                    takeDoorbells(pull);
                }
                while (busy) {
                    busy = forwardAnswers(router) > 0;
                    if (routerRegistered && accepting) {
                        busy |= readRequests(router, front) > 0;
                    }
                }
            }
            takeDoorbells(pull);
            forwardAnswers(router);
        } catch (RuntimeException e) {
            log.error("event=front_failed error=\"{}\"", e.toString(), e);
        } finally {
            if (inFlight.get() > 0) {
                log.warn("event=answers_dropped_at_shutdown count={}", inFlight.get());
            }
            pull.close();
            router.close();
            stopped.countDown();
        }
    }

    /** Reads up to {@link #BATCH} requests without waiting; answers how many were read. */
    private int readRequests(ZSocket router, Thread front) {
        int n = 0;
        while (n < BATCH && accepting) {
            var msg = router.receiveMessage(ZSocket.DONTWAIT);
            if (msg.isEmpty()) {
                break;
            }
            n++;
            try {
                handle(msg.get(), router, front);
            } catch (RuntimeException e) {
                log.error("event=request_dropped error=\"{}\"", e.toString(), e);
            }
        }
        return n;
    }

    /**
     * Reads the doorbells workers rang and re-arms the bell; the answers themselves wait in
     * {@link #answers}. A disarmed bell means a doorbell is unread on the PULL socket, so the next
     * poll returns at once: no answer waits for the poll timeout.
     */
    private void takeDoorbells(ZSocket pull) {
        while (pull.receive(ZSocket.DONTWAIT).isPresent()) {
            while (pull.hasReceiveMore()) {
                pull.receive(0);
            }
        }
        doorbellArmed.set(true);
    }

    /** Sends every answer the workers have handed back so far; answers how many. */
    private int forwardAnswers(ZSocket router) {
        int n = 0;
        WorkerAnswer a;
        while ((a = answers.poll()) != null) {
            sendRouted(router, a.envelope(), a.body(), ZSocket.DONTWAIT);
            inFlight.decrementAndGet();
            n++;
        }
        return n;
    }

    private void handle(ZMessage msg, ZSocket router, Thread front) {
        RoutedMessage routed = RoutedMessage.split(msg.frames());
        Reply later = answer -> {
            if (Thread.currentThread() == front) {
                sendRouted(router, routed.envelope(), answer, ZSocket.DONTWAIT);
                inFlight.decrementAndGet();
            } else {
                // hand the answer over in memory and ring the front's doorbell only when it is
                // armed: under load one wake-up carries many answers and no frames are copied
                answers.add(new WorkerAnswer(routed.envelope(), answer));
                if (doorbellArmed.compareAndSet(true, false)) {
                    workerPush().send(DOORBELL, 0);
                }
            }
        };
        byte[] now;
        inFlight.incrementAndGet();
        try {
            now = dispatcher.dispatch(routed.body(), later);
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            throw e;
        }
        if (now != null) {
            inFlight.decrementAndGet();
            sendRouted(router, routed.envelope(), now, ZSocket.DONTWAIT);
        }
    }

    /**
     * Sends the envelope frames and the answer as one message, straight from the arrays. {@code flags}:
     * DONTWAIT on the ROUTER (a peer that went away must not stall the front), 0 on a worker's PUSH.
     */
    private static void sendRouted(ZSocket socket, List<byte[]> envelope, byte[] answer, int flags) {
        if (!socket.send(envelope.getFirst(), flags | ZSocket.SNDMORE)) {
            return;
        }
        for (int i = 1; i < envelope.size(); i++) {
            socket.send(envelope.get(i), ZSocket.SNDMORE);
        }
        socket.send(answer, 0);
    }

    private ZSocket workerPush() {
        ZSocket s = pushSocket.get();
        if (s == null) {
            s = context.createSocket(SocketType.PUSH);
            s.setLinger(1000);
            s.connect(answersEndpoint);
            pushSocket.set(s);
            pushSockets.add(s);
        }
        return s;
    }

    /**
     * Stops taking requests, sends the answers of accepted work for up to {@code drain}, and closes
     * the sockets. Call after the workers have finished (their PUSH sockets are closed here).
     */
    public void close(Duration drain) {
        drainDeadline = System.nanoTime() + drain.toNanos();
        accepting = false;
        try {
            if (!stopped.await(drain.toMillis() + 2000, TimeUnit.MILLISECONDS)) {
                log.warn("event=front_stop_slow");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ZSocket s;
        while ((s = pushSockets.poll()) != null) {
            s.close();
        }
    }

    /** Stops taking requests at once (no further requests are read). */
    public void stopAccepting() {
        if (accepting) {
            drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            accepting = false;
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
