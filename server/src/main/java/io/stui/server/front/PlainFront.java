package io.stui.server.front;

import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain front, the zguide shape: one thread owns a ROUTER socket in front of the worker pool, reads requests,
 * hands them to the {@link Front.Dispatcher} (which answers only the cheapest itself and never runs work in place:
 * {@link Front.InPlace#allowed()} is always false here), and sends the answers the workers queue on the
 * {@link AnswerQueue}.
 *
 * <p><b>Invariant.</b> Only the front's one thread touches the sockets, and an answer given on that thread leaves
 * after every answer queued before it. Simple enough to be the oracle the {@link FastFront} is tested against, and
 * the fallback should the fast one misbehave.
 */
public final class PlainFront implements Front {

    private static final Logger log = LoggerFactory.getLogger(PlainFront.class);
    private static final int BATCH = 64;

    /** What a plain front tells the dispatcher: work never runs on the front's thread. */
    private static final InPlace NEVER = new InPlace() {
        @Override
        public boolean allowed() {
            return false;
        }

        @Override
        public void starting() {}
    };

    private final ZContext context;
    private final Settings settings;
    private final Dispatcher dispatcher;
    private final ThreadFactory threads;
    private final AnswerQueue answers;
    private final FrontStart start = new FrontStart();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean accepting = true;
    private volatile long drainDeadline;
    private volatile Thread frontThread;
    private FrontSockets sockets;
    private final List<byte[]> frames = new ArrayList<>(4);

    public PlainFront(ZContext context, Settings settings, Dispatcher dispatcher, ThreadFactory threads) {
        this.context = context;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.threads = threads;
        this.answers = new AnswerQueue(context);
    }

    @Override
    public String start() {
        threads.newThread(this::run).start();
        return start.await();
    }

    @Override
    public String endpoint() {
        return start.endpoint();
    }

    @Override
    public int inFlight() {
        return answers.inFlight();
    }

    @Override
    public int handovers() {
        return 0;
    }

    private void run() {
        try {
            sockets = FrontSockets.open(context, settings, answers);
            frontThread = Thread.currentThread();
        } catch (RuntimeException e) {
            start.failed(e);
            stopped.countDown();
            return;
        }
        log.info(
                "event=listening endpoint={} curve={} front_mode=plain",
                sockets.endpoint(),
                settings.curveSecretKeyZ85() != null);
        start.bound(sockets.endpoint());
        try {
            serve();
        } catch (RuntimeException e) {
            log.error("event=front_failed error=\"{}\"", e.toString(), e);
        } finally {
            if (answers.inFlight() > 0) {
                log.warn("event=answers_dropped_at_shutdown count={}", answers.inFlight());
            }
            sockets.close();
            answers.closeOwnPush();
            stopped.countDown();
        }
    }

    private void serve() {
        FrontSockets s = sockets;
        while (true) {
            if (!accepting) {
                s.stopPollingRouter();
                if (answers.inFlight() <= 0 || System.nanoTime() > drainDeadline) {
                    break;
                }
            }
            s.poller.poll(accepting ? FrontSockets.WAIT_MS : 20);
            if (s.poller.isReadable(s.pull)) {
                answers.takeDoorbells(s.pull);
            }
            boolean busy = true;
            while (busy) {
                busy = answers.forward(s) > 0;
                if (s.routerPolled() && accepting) {
                    busy |= readRequests(s) > 0;
                }
            }
        }
        answers.takeDoorbells(s.pull);
        answers.forward(s);
    }

    private int readRequests(FrontSockets s) {
        int n = 0;
        while (n < BATCH && accepting) {
            frames.clear();
            if (!s.router.receiveFrames(frames, ZSocket.DONTWAIT)) {
                break;
            }
            n++;
            RoutedMessage routed = RoutedMessage.split(frames);
            answers.accepted();
            try {
                dispatcher.dispatch(routed.body(), s.router.lastUserId(), new Answer(routed.envelope()), NEVER);
            } catch (RuntimeException e) {
                log.error("event=request_dropped error=\"{}\"", e.toString(), e);
                answers.settled();
            }
        }
        return n;
    }

    /** One request's reply: sent at once when given on the front's thread, queued from any other. */
    private final class Answer implements Reply {
        private final List<byte[]> envelope;

        Answer(List<byte[]> envelope) {
            this.envelope = envelope;
        }

        @Override
        public byte[] peer() {
            return envelope.getFirst();
        }

        @Override
        public void send(byte[] answer, int length) {
            if (Thread.currentThread() == frontThread) {
                FrontSockets s = sockets;
                answers.forward(s);
                answers.settled();
                s.send(envelope, answer, length);
            } else {
                answers.add(envelope, Arrays.copyOf(answer, length));
            }
        }
    }

    @Override
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
        answers.closeAll();
    }

    @Override
    public void stopAccepting() {
        if (accepting) {
            drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            accepting = false;
        }
    }
}
