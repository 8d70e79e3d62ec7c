package io.stui.server.front;

import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both fronts do with their sockets, written once: the turn that polls the ROUTER and the doorbell, forwards
 * the queued answers and reads requests in batches; the drain at shutdown; and an answer given on the thread that
 * holds the sockets. The fronts differ in who holds the sockets and in what a request may run in place
 * ({@link #handle}).
 */
abstract sealed class FrontLoop implements Front permits FastFront, PlainFront {

    private static final int BATCH = 64;

    /** Named after the front, as its log lines always were. */
    final Logger log = LoggerFactory.getLogger(getClass());

    final ZContext context;
    final Settings settings;
    final Dispatcher dispatcher;
    final AnswerQueue answers;
    final FrontStart start = new FrontStart();
    final CountDownLatch stopped = new CountDownLatch(1);
    volatile boolean accepting = true;
    private volatile long drainDeadline;
    /** Owned by the thread holding them. */
    FrontSockets sockets;
    /** The frames of the request being read, reused from one to the next ({@link RoutedMessage} copies them out). */
    final List<byte[]> frames = new ArrayList<>(4);

    FrontLoop(ZContext context, Settings settings, Dispatcher dispatcher) {
        this.context = context;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.answers = new AnswerQueue(context);
    }

    /**
     * Dispatches one request whose frames were just read on the holder's thread; answers false when the thread no
     * longer holds the sockets.
     */
    abstract boolean handle(List<byte[]> received, String userId);

    @Override
    public String endpoint() {
        return start.endpoint();
    }

    @Override
    public int inFlight() {
        return answers.inFlight();
    }

    /** Whether the front has stopped and drained: no longer accepting, and every answer out or the drain time up. */
    final boolean drained(FrontSockets s) {
        if (accepting) {
            return false;
        }
        s.stopPollingRouter();
        return answers.inFlight() <= 0 || System.nanoTime() > drainDeadline;
    }

    /**
     * Polls both sockets, then forwards answers and reads requests until neither has more: under load that saves a
     * poll call per message. Answers false when a request's {@link #handle} said this thread no longer holds them.
     */
    final boolean pollAndDrain(FrontSockets s) {
        s.poller.poll(accepting ? FrontSockets.WAIT_MS : 20);
        if (s.poller.isReadable(s.pull)) {
            answers.takeDoorbells(s.pull);
        }
        boolean busy = true;
        while (busy) {
            busy = answers.forward(s) > 0;
            if (s.routerPolled() && accepting) {
                int read = readRequests(s);
                if (read < 0) {
                    return false;
                }
                busy |= read > 0;
            }
        }
        return true;
    }

    /** Reads up to {@link #BATCH} requests without waiting; answers how many, or -1 once no longer holding. */
    private int readRequests(FrontSockets s) {
        int n = 0;
        while (n < BATCH && accepting) {
            frames.clear();
            if (!s.router.receiveFrames(frames, ZSocket.DONTWAIT)) {
                break;
            }
            n++;
            if (!handle(frames, s.router.lastUserId())) {
                return -1;
            }
        }
        return n;
    }

    /** The last answers out before the sockets close. */
    final void forwardLast(FrontSockets s) {
        answers.takeDoorbells(s.pull);
        answers.forward(s);
    }

    /** Hands a request's body to the dispatcher; a dispatcher that throws has dropped it. */
    final void dispatch(RoutedMessage routed, String userId, Reply reply, InPlace here) {
        answers.accepted();
        try {
            dispatcher.dispatch(routed.body(), userId, reply, here);
        } catch (RuntimeException e) {
            log.error("event=request_dropped error=\"{}\"", e.toString(), e);
            answers.settled();
        }
    }

    /** An answer given on the holder's thread: leaves at once, after every answer queued before it. */
    final void answerNow(List<byte[]> envelope, byte[] answer, int length) {
        FrontSockets s = sockets;
        answers.forward(s);
        answers.settled();
        s.send(envelope, answer, length);
    }

    /** An answer given anywhere else: copied and queued for the holder. */
    final void answerLater(List<byte[]> envelope, byte[] answer, int length) {
        answers.add(envelope, Arrays.copyOf(answer, length));
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
