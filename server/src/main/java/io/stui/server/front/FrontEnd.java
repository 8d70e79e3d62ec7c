package io.stui.server.front;

import io.stui.zmq.Curve;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZPoller;
import io.stui.zmq.ZSocket;
import io.stui.zmq.ZmqException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's network face: the ROUTER socket clients talk to and a PULL socket that wakes it when
 * answers computed elsewhere are ready. Those answers wait on an in-memory queue; their threads ring
 * the doorbell (an empty message through each thread's own PUSH socket, since ZeroMQ sockets are not
 * thread-safe and none is shared) only when the front has taken the previous ring, so under load one
 * wake-up carries many answers.
 *
 * <p><b>Who holds the sockets.</b> One thread at a time, the <em>holder</em>, owns the sockets and runs
 * the read/dispatch/send loop. For each request the {@link Dispatcher} answers through the request's
 * {@link Reply} on the holder's thread (cheap commands, malformed input, and, when {@link InPlace} allows,
 * real work such as an evaluation), the answer leaving at once from the encoder's buffer, or hands the work
 * elsewhere, which answers through the Reply later. Running work in place saves two thread
 * hand-offs per request, which on a small machine are most of a short request's cost. So that a long
 * evaluation cannot stall the server, a second thread, the <em>relief</em>, watches the holder: when
 * work in place (from {@link InPlace#starting()} on) has kept the holder busy longer than
 * {@link Settings#reliefAfter} and is still running at the relief's next look, the relief takes the
 * sockets over (a compare-and-set, which is also the memory barrier ZeroMQ asks for when a socket
 * changes threads) and becomes the holder; the old holder finishes its request, queues the answer like
 * any worker, and becomes the next relief or ends. The holder is never inside a socket call while it
 * runs a request, so the sockets change hands only between calls. At most
 * {@link Settings#maxRelieved} relieved requests run at a time; beyond that the dispatcher is told not
 * to run work in place.
 *
 * <p>When the server is idle the relief sleeps until the holder starts a request, so an idle server
 * does not wake up periodically.
 *
 * <p>Shutdown ({@link #close(Duration)}) stops reading requests, forwards the answers of work
 * already accepted for up to the given time, then closes the sockets.
 */
public final class FrontEnd implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FrontEnd.class);
    private static final int BATCH = 64;
    /** Longest wait for input, so the loop notices a shutdown. */
    private static final int WAIT_MS = 200;
    /** A doorbell: rung as an empty frame, and read into this empty array, which takes nothing and drops the frame. */
    private static final byte[] DOORBELL = new byte[0];
    /** {@link #inPlaceSince} while the holder runs nothing in place. */
    private static final long NONE = 0;
    /** Relief checks after this many idle looks go to sleep until the holder starts a request. */
    private static final int IDLE_LOOKS_BEFORE_SLEEP = 200;

    /** Decides what to do with one request's body frames. */
    public interface Dispatcher {
        /**
         * Called on the thread holding the front. Arranges for {@code reply} to be called exactly once, from any
         * thread: this one too, before returning, which is how cheap commands and work run in place answer
         * (the latter inside its session's turn).
         */
        void dispatch(List<byte[]> body, Reply reply, InPlace here);
    }

    /** Lets a dispatcher run work that may take long on the front's own thread. */
    public interface InPlace {
        /** Whether such work may run on this thread now; when false it must go elsewhere. */
        boolean allowed();

        /**
         * Call right before running such work here, once the request's place in its session's order is settled:
         * from then on the front hands its sockets to another thread if the work takes long, and that thread
         * reads the requests that follow.
         */
        void starting();
    }

    /** Sends one answer back to the peer a request came from. Thread-safe; use once. */
    public interface Reply {
        /**
         * Sends the first {@code length} bytes of {@code answer}, which are read during the call only: an answer
         * the holder sends at once leaves straight from the caller's array, one that must wait is copied.
         */
        void send(byte[] answer, int length);
    }

    /**
     * Socket and thread settings of the front end.
     *
     * @param reliefAfter how long work in place may keep the front's thread before another thread takes the sockets
     * @param maxRelieved how many requests may run at once on threads that handed the front over
     */
    public record Settings(
            String endpoint, long maxMessageSize, String curveSecretKeyZ85, Duration reliefAfter, int maxRelieved) {}

    /** An answer computed off the holder's thread, waiting for the holder to send it. */
    private record QueuedAnswer(List<byte[]> envelope, byte[] body) {}

    private final ZContext context;
    private final Settings settings;
    private final Dispatcher dispatcher;
    private final ThreadFactory threads;
    private final long reliefAfterNanos;
    private final String answersEndpoint = "inproc://stui-answers-" + UUID.randomUUID();
    private final Queue<ZSocket> pushSockets = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<ZSocket> pushSocket = new ThreadLocal<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<QueuedAnswer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean doorbellArmed = new AtomicBoolean(true);
    /**
     * When the holder began work in place that a relief may take over from (nanoTime, never {@link #NONE});
     * NONE otherwise.
     */
    private final AtomicLong inPlaceSince = new AtomicLong(NONE);

    private final AtomicReference<Thread> relief = new AtomicReference<>();
    private volatile boolean reliefAsleep;
    private final AtomicInteger relievedRunning = new AtomicInteger();
    private final AtomicInteger handovers = new AtomicInteger();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean accepting = true;
    private volatile boolean finished;
    private volatile long drainDeadline;
    private volatile String boundEndpoint;
    private volatile RuntimeException startFailure;
    // owned by the holder; a takeover hands them to the next holder
    private ZSocket router;
    private ZSocket pull;
    private ZPoller poller;
    private boolean routerRegistered;
    /** The frames of the request being read, reused from one to the next ({@link RoutedMessage} copies them out). */
    private final List<byte[]> frames = new ArrayList<>(4);

    /**
     * @param threads makes the front's threads; they run dispatched work in place, so they must be able to
     *                (the server passes the engine's evaluation threads)
     */
    public FrontEnd(ZContext context, Settings settings, Dispatcher dispatcher, ThreadFactory threads) {
        this.context = context;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.threads = threads;
        this.reliefAfterNanos = settings.reliefAfter().toNanos();
    }

    /** Binds the sockets on the front thread and returns the endpoint actually bound. */
    public String start() {
        threads.newThread(this::firstHolder).start();
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

    /** Requests accepted whose answers have not yet been handed to the ROUTER socket. */
    public int inFlight() {
        return inFlight.get();
    }

    /** How many times a relief thread has taken the sockets over from a busy holder. */
    public int handovers() {
        return handovers.get();
    }

    private void firstHolder() {
        try {
            openSockets();
        } catch (RuntimeException e) {
            startFailure = e instanceof ZmqException
                    ? new IllegalStateException(
                            "Cannot bind " + settings.endpoint() + ": " + e.getMessage()
                                    + "; is another server using it?",
                            e)
                    : e;
            started.countDown();
            stopped.countDown();
            return;
        }
        log.info("event=listening endpoint={} curve={}", boundEndpoint, settings.curveSecretKeyZ85() != null);
        startRelief();
        started.countDown();
        frontThread(true);
    }

    private void openSockets() {
        router = context.createSocket(SocketType.ROUTER);
        try {
            router.setLinger(1000);
            router.setMaxMsgSize(settings.maxMessageSize());
            router.setRcvHwm(10_000);
            router.setSndHwm(10_000);
            router.setRcvTimeout(WAIT_MS);
            if (settings.curveSecretKeyZ85() != null) {
                router.setCurveServer(Curve.keyPairFromSecret(Curve.z85Decode(settings.curveSecretKeyZ85())));
            }
            pull = context.createSocket(SocketType.PULL);
            pull.bind(answersEndpoint);
            router.bind(settings.endpoint());
            boundEndpoint = router.lastEndpoint();
            poller = new ZPoller(context);
            poller.register(pull, ZPoller.POLLIN);
            poller.register(router, ZPoller.POLLIN);
            routerRegistered = true;
        } catch (RuntimeException e) {
            if (pull != null) {
                pull.close();
            }
            router.close();
            throw e;
        }
    }

    /** Life of one front thread: hold the sockets, or relieve the holder, until shutdown or until not needed. */
    private void frontThread(boolean startHolding) {
        boolean holding = startHolding;
        try {
            while (true) {
                if (holding) {
                    if (serve()) {
                        shutDownSockets();
                        return;
                    }
                    // relieved during a request: its answer is queued; stay on as the relief if there is none
                    relievedRunning.decrementAndGet();
                    if (finished || !relief.compareAndSet(null, Thread.currentThread())) {
                        return;
                    }
                    holding = false;
                } else {
                    holding = watchHolder();
                    if (!holding) {
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            log.error("event=front_failed error=\"{}\"", e.toString(), e);
            if (holding) {
                // the sockets die with their holder: close them and let close() return
                shutDownSockets();
            }
        } finally {
            closeOwnPush();
        }
    }

    /**
     * The holder's loop. Returns true when the front has stopped (the caller closes the sockets), false
     * when a relief took the sockets over during a request.
     */
    private boolean serve() {
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
            if (accepting && inFlight.get() == 0) {
                // nothing is out with a worker or a relieved thread, so no answer can come through the
                // doorbell: wait on the ROUTER alone, as a plain server does (one call per request instead
                // of a poll and a read); its receive timeout bounds the wait so a shutdown is noticed
                frames.clear();
                if (router.receiveFrames(frames, 0) && !handle(frames)) {
                    return false;
                }
                continue;
            }
            poller.poll(accepting ? WAIT_MS : 20);
            // drain whatever is ready on both sockets before polling again: under load this
            // saves a poll call per message
            if (poller.isReadable(pull)) {
                takeDoorbells();
            }
            boolean busy = true;
            while (busy) {
                busy = forwardAnswers() > 0;
                if (routerRegistered && accepting) {
                    int read = readRequests();
                    if (read < 0) {
                        return false;
                    }
                    busy |= read > 0;
                }
            }
        }
        takeDoorbells();
        forwardAnswers();
        return true;
    }

    /** Reads up to {@link #BATCH} requests without waiting; answers how many, or -1 once relieved. */
    private int readRequests() {
        int n = 0;
        while (n < BATCH && accepting) {
            frames.clear();
            if (!router.receiveFrames(frames, ZSocket.DONTWAIT)) {
                break;
            }
            n++;
            if (!handle(frames)) {
                return -1;
            }
        }
        return n;
    }

    /**
     * Reads the doorbells rung so far and re-arms the bell; the answers themselves wait in
     * {@link #answers}. A disarmed bell means a doorbell is unread on the PULL socket, so the next
     * poll returns at once: no answer waits for the poll timeout.
     */
    private void takeDoorbells() {
        while (pull.receive(DOORBELL, ZSocket.DONTWAIT) >= 0) {
            while (pull.hasReceiveMore()) {
                pull.receive(DOORBELL, 0);
            }
        }
        doorbellArmed.set(true);
    }

    /** Sends every answer queued so far; answers how many. */
    private int forwardAnswers() {
        int n = 0;
        QueuedAnswer a;
        while ((a = answers.poll()) != null) {
            inFlight.decrementAndGet();
            sendRouted(a.envelope(), a.body(), a.body().length);
            n++;
        }
        return n;
    }

    /** Dispatches one request (its frames are copied out first); answers false when a relief took the sockets over meanwhile. */
    private boolean handle(List<byte[]> received) {
        RoutedMessage routed = RoutedMessage.split(received);
        inFlight.incrementAndGet();
        PendingRequest request =
                new PendingRequest(routed.envelope(), accepting && relievedRunning.get() < settings.maxRelieved());
        try {
            dispatcher.dispatch(routed.body(), request, request);
        } catch (RuntimeException e) {
            log.error("event=request_dropped error=\"{}\"", e.toString(), e);
            inFlight.decrementAndGet();
        }
        return request.end();
    }

    /**
     * One request being dispatched: its {@link Reply} and its {@link InPlace}. Answered on the holder's thread
     * before a relief took over, the answer leaves at once, after the answers queued before it (so one
     * session's answers keep their order); answered anywhere else, or after a takeover, it is queued.
     */
    private final class PendingRequest implements Reply, InPlace {
        private final List<byte[]> envelope;
        private final boolean inPlaceAllowed;
        private final Thread holder = Thread.currentThread();
        // touched only by the holder's thread
        private long start = NONE;
        private boolean ended;
        private boolean stillHolder;

        PendingRequest(List<byte[]> envelope, boolean inPlaceAllowed) {
            this.envelope = envelope;
            this.inPlaceAllowed = inPlaceAllowed;
        }

        @Override
        public boolean allowed() {
            return inPlaceAllowed;
        }

        @Override
        public void starting() {
            if (Thread.currentThread() != holder || ended || start != NONE) {
                return;
            }
            long now = System.nanoTime();
            start = now == NONE ? 1 : now;
            inPlaceSince.set(start);
            if (reliefAsleep) {
                Thread r = relief.get();
                if (r != null) {
                    LockSupport.unpark(r);
                }
            }
        }

        @Override
        public void send(byte[] answer, int length) {
            if (Thread.currentThread() == holder && !ended && end()) {
                forwardAnswers();
                inFlight.decrementAndGet();
                sendRouted(envelope, answer, length);
            } else {
                queue(envelope, Arrays.copyOf(answer, length));
            }
        }

        /** Ends the request on the holder's thread; true when this thread still holds the sockets. */
        boolean end() {
            if (!ended) {
                ended = true;
                stillHolder = start == NONE || inPlaceSince.compareAndSet(start, NONE);
            }
            return stillHolder;
        }
    }

    /**
     * Puts an answer on the queue the holder forwards, and rings its doorbell if nobody has yet. The ring
     * never waits: if it cannot go (the front has closed), the answer stays queued, and a running holder
     * forwards it after its next poll anyway.
     */
    private void queue(List<byte[]> envelope, byte[] answer) {
        answers.add(new QueuedAnswer(envelope, answer));
        if (doorbellArmed.compareAndSet(true, false) && !pushSocket().send(DOORBELL, ZSocket.DONTWAIT)) {
            doorbellArmed.set(true);
        }
    }

    /**
     * The relief's watch: looks at the holder about every {@code reliefAfter}; takes the sockets over when
     * work in place has kept the holder longer than that and is still there at the next look. Returns true once this thread holds the sockets,
     * false when the front has stopped.
     */
    private boolean watchHolder() {
        int idleLooks = 0;
        long overdueSeen = NONE;
        while (!finished) {
            long start = inPlaceSince.get();
            // take over when the same work is still there one look after it was first seen overdue: the holder has
            // had a look's time to run, so a pause that stopped every thread (a GC, the machine busy elsewhere)
            // does not count as the holder being stuck
            boolean overdue = start != NONE && System.nanoTime() - start >= reliefAfterNanos;
            boolean stuck = overdue && start == overdueSeen;
            overdueSeen = overdue ? start : NONE;
            if (stuck) {
                if (inPlaceSince.compareAndSet(start, NONE)) {
                    relievedRunning.incrementAndGet();
                    handovers.incrementAndGet();
                    relief.set(null);
                    log.debug("event=front_taken_over busy_ms={}", (System.nanoTime() - start) / 1_000_000);
                    startRelief();
                    return true;
                }
                continue;
            }
            if (start == NONE && ++idleLooks >= IDLE_LOOKS_BEFORE_SLEEP) {
                idleLooks = 0;
                reliefAsleep = true;
                // re-check after announcing the sleep: a request that began before the announcement was seen
                if (inPlaceSince.get() == NONE && !finished) {
                    LockSupport.park(this);
                }
                reliefAsleep = false;
            } else {
                if (start != NONE) {
                    idleLooks = 0;
                }
                LockSupport.parkNanos(this, reliefAfterNanos);
            }
        }
        return false;
    }

    private void startRelief() {
        if (finished) {
            return;
        }
        Thread t = threads.newThread(() -> frontThread(false));
        if (relief.compareAndSet(null, t)) {
            t.start();
        }
    }

    private void shutDownSockets() {
        if (inFlight.get() > 0) {
            log.warn("event=answers_dropped_at_shutdown count={}", inFlight.get());
        }
        finished = true;
        Thread r = relief.get();
        if (r != null) {
            LockSupport.unpark(r);
        }
        poller.close();
        pull.close();
        router.close();
        stopped.countDown();
    }

    /**
     * Sends the envelope frames and the answer as one message, straight from the arrays. DONTWAIT on
     * the first frame: a peer that went away must not stall the front.
     */
    private void sendRouted(List<byte[]> envelope, byte[] answer, int length) {
        if (!router.send(envelope.getFirst(), ZSocket.DONTWAIT | ZSocket.SNDMORE)) {
            return;
        }
        for (int i = 1; i < envelope.size(); i++) {
            router.send(envelope.get(i), ZSocket.SNDMORE);
        }
        router.send(answer, 0, length, 0);
    }

    /** This thread's doorbell socket, made on first use. */
    private ZSocket pushSocket() {
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

    /** A front thread that ends closes its own doorbell socket (workers' sockets are closed in {@link #close}). */
    private void closeOwnPush() {
        ZSocket s = pushSocket.get();
        if (s != null && pushSockets.remove(s)) {
            s.close();
        }
        pushSocket.remove();
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
