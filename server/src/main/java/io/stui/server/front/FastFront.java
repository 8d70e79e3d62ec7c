package io.stui.server.front;

import io.stui.zmq.ZContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * The fast front: the socket loop of the thread that holds the sockets (the <em>holder</em>), which may run a
 * request's work in place, on its own thread, when the {@link Front.Dispatcher} asks to.
 *
 * <p>For each request the dispatcher answers through the request's {@link Front.Reply} on the holder's thread
 * (cheap commands, malformed input, and, when {@link Front.InPlace} allows, real work such as an evaluation), the
 * answer leaving at once from the encoder's buffer, or hands the work elsewhere, which answers through the
 * {@link AnswerQueue}. Running work in place saves two thread hand-offs per request, which on a small machine are
 * most of a short request's cost; the {@link HandOver} keeps a long evaluation from stalling the server.
 *
 * <p><b>Invariant.</b> One thread at a time runs this loop and touches the sockets; an answer given on that thread
 * leaves after every answer queued before it, so one session's answers keep their order.
 *
 * <p>Shutdown ({@link #close(Duration)}) stops reading requests, forwards the answers of work already accepted for
 * up to the given time, then closes the sockets.
 */
public final class FastFront extends FrontLoop {

    private final ThreadFactory threads;
    /** Who holds the sockets: a hand-over passes them to the next holder. */
    private final HandOver handOver;

    /**
     * @param threads makes the front's threads; they run dispatched work in place, so they must be able to
     *                (the server passes the engine's evaluation threads)
     */
    public FastFront(ZContext context, Settings settings, Dispatcher dispatcher, ThreadFactory threads) {
        super(context, settings, dispatcher);
        // a front thread's doorbell socket lives as long as the thread (spares keep theirs for their next life)
        this.threads = r -> threads.newThread(() -> {
            try {
                r.run();
            } finally {
                answers.closeOwnPush();
            }
        });
        this.handOver =
                new HandOver(settings.reliefAfter(), settings.maxRelieved(), this.threads, () -> frontThread(false));
    }

    @Override
    public String start() {
        threads.newThread(this::firstHolder).start();
        return start.await();
    }

    @Override
    public int handovers() {
        return handOver.handovers();
    }

    private void firstHolder() {
        try {
            sockets = FrontSockets.open(context, settings, answers);
        } catch (RuntimeException e) {
            start.failed(e);
            stopped.countDown();
            return;
        }
        log.info("event=listening endpoint={} curve={}", sockets.endpoint(), settings.curveSecretKeyZ85() != null);
        handOver.startRelief();
        start.bound(sockets.endpoint());
        frontThread(true);
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
                    if (!handOver.relievedHolderDone()) {
                        return;
                    }
                    holding = false;
                } else {
                    holding = handOver.watch();
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
        }
    }

    /**
     * The holder's loop. Returns true when the front has stopped (the caller closes the sockets), false
     * when a relief took the sockets over during a request.
     */
    private boolean serve() {
        FrontSockets s = sockets;
        int step;
        do {
            step = serveOnce(s);
        } while (step == GO_ON);
        if (step == RELIEVED) {
            return false;
        }
        forwardLast(s);
        return true;
    }

    private static final int GO_ON = 0;
    private static final int STOPPED = 1;
    private static final int RELIEVED = 2;

    /**
     * One turn of the holder's loop: {@link #GO_ON}, {@link #STOPPED} or {@link #RELIEVED}. A method of its own
     * because the loop runs once per front thread: its body is compiled like any method called often, where the loop
     * itself would wait for an on-stack replacement (seen interpreted for 27 s under load).
     */
    private int serveOnce(FrontSockets s) {
        if (drained(s)) {
            return STOPPED;
        }
        if (accepting && answers.inFlight() == 0) {
            // nothing is out with a worker or a relieved thread, so no answer can come through the
            // doorbell: wait on the ROUTER alone, as a plain server does (one call per request instead
            // of a poll and a read); its receive timeout bounds the wait so a shutdown is noticed
            frames.clear();
            if (s.router.receiveFrames(frames, 0) && !handle(frames, s.router.lastUserId())) {
                return RELIEVED;
            }
            return GO_ON;
        }
        return pollAndDrain(s) ? GO_ON : RELIEVED;
    }

    /** Dispatches one request (its frames are copied out first); answers false when a relief took the sockets over meanwhile. */
    @Override
    boolean handle(List<byte[]> received, String userId) {
        RoutedMessage routed = RoutedMessage.split(received);
        PendingRequest request = new PendingRequest(routed.envelope(), accepting && handOver.mayRunInPlace());
        dispatch(routed, userId, request, request);
        return request.end();
    }

    /**
     * One request being dispatched: its {@link Front.Reply} and its {@link Front.InPlace}. Answered on the holder's
     * thread before a relief took over, the answer leaves at once, after the answers queued before it (so one
     * session's answers keep their order); answered anywhere else, or after a takeover, it is queued.
     */
    private final class PendingRequest implements Reply, InPlace {
        private final List<byte[]> envelope;
        private final boolean inPlaceAllowed;
        private final Thread holder = Thread.currentThread();
        // touched only by the holder's thread
        private long start = HandOver.NONE;
        private boolean ended;
        private boolean stillHolder;

        PendingRequest(List<byte[]> envelope, boolean inPlaceAllowed) {
            this.envelope = envelope;
            this.inPlaceAllowed = inPlaceAllowed;
        }

        @Override
        public byte[] peer() {
            return envelope.getFirst();
        }

        @Override
        public boolean allowed() {
            return inPlaceAllowed;
        }

        @Override
        public void starting() {
            if (Thread.currentThread() != holder || ended || start != HandOver.NONE) {
                return;
            }
            start = handOver.begin();
        }

        @Override
        public void send(byte[] answer, int length) {
            if (Thread.currentThread() == holder && !ended && end()) {
                answerNow(envelope, answer, length);
            } else {
                answerLater(envelope, answer, length);
            }
        }

        /** Ends the request on the holder's thread; true when this thread still holds the sockets. */
        boolean end() {
            if (!ended) {
                ended = true;
                stillHolder = start == HandOver.NONE || handOver.end(start);
            }
            return stillHolder;
        }
    }

    private void shutDownSockets() {
        if (answers.inFlight() > 0) {
            log.warn("event=answers_dropped_at_shutdown count={}", answers.inFlight());
        }
        handOver.finish();
        sockets.close();
        stopped.countDown();
    }
}
