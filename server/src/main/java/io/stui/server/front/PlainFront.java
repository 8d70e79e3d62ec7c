package io.stui.server.front;

import io.stui.zmq.ZContext;
import java.util.List;
import java.util.concurrent.ThreadFactory;

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
public final class PlainFront extends FrontLoop {

    /** What a plain front tells the dispatcher: work never runs on the front's thread. */
    private static final InPlace NEVER = new InPlace() {
        @Override
        public boolean allowed() {
            return false;
        }

        @Override
        public void starting() {}
    };

    private final ThreadFactory threads;
    private volatile Thread frontThread;

    public PlainFront(ZContext context, Settings settings, Dispatcher dispatcher, ThreadFactory threads) {
        super(context, settings, dispatcher);
        this.threads = threads;
    }

    @Override
    public String start() {
        threads.newThread(this::run).start();
        return start.await();
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
        while (!drained(s)) {
            pollAndDrain(s); // never false: this thread holds the sockets for good
        }
        forwardLast(s);
    }

    @Override
    boolean handle(List<byte[]> received, String userId) {
        RoutedMessage routed = RoutedMessage.split(received);
        dispatch(routed, userId, new Answer(routed.envelope()), NEVER);
        return true;
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
                answerNow(envelope, answer, length);
            } else {
                answerLater(envelope, answer, length);
            }
        }
    }
}
