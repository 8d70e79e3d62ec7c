package io.stui.server.front;

import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The answers computed off the thread that holds a front's sockets, waiting for it to send them, and the
 * doorbell that wakes it.
 *
 * <p><b>Invariant.</b> Every answer {@linkplain #add added} is sent by the holder after its next
 * {@link #takeDoorbells} and {@link #forward}, and none waits for a poll timeout: the doorbell (an empty message
 * on the PULL socket the holder polls) is rung by the first answer after each take and by no other, so while the
 * bell is disarmed a ring is unread on the PULL socket and the holder's next poll returns at once. Under load one
 * wake-up carries many answers. Each thread rings through its own PUSH socket: ZeroMQ sockets are not
 * thread-safe and none is shared.
 *
 * <p>It also counts the requests {@linkplain #accepted accepted} whose answers have not yet gone out, so the
 * holder knows when nothing can come through the doorbell and when a shutdown has drained.
 */
final class AnswerQueue {

    /** A doorbell: rung as an empty frame, and read into this empty array, which takes nothing and drops the frame. */
    private static final byte[] DOORBELL = new byte[0];

    /** Sends one answer on the ROUTER socket (the holder's). */
    interface Sender {
        void send(List<byte[]> envelope, byte[] answer, int length);
    }

    private record Queued(List<byte[]> envelope, byte[] body) {}

    private final ZContext context;
    private final String endpoint = "inproc://stui-answers-" + UUID.randomUUID();
    private final Queue<Queued> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean doorbellArmed = new AtomicBoolean(true);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<ZSocket> pushSockets = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<ZSocket> pushSocket = new ThreadLocal<>();

    AnswerQueue(ZContext context) {
        this.context = context;
    }

    /** The PULL socket the doorbells ring on, bound; the holder polls it and closes it. */
    ZSocket bindDoorbell() {
        ZSocket pull = context.createSocket(SocketType.PULL);
        try {
            pull.bind(endpoint);
        } catch (RuntimeException e) {
            pull.close();
            throw e;
        }
        return pull;
    }

    /** A request was read: its answer is now owed. */
    void accepted() {
        inFlight.incrementAndGet();
    }

    /** An owed answer went out (or the request was dropped) without passing through the queue. */
    void settled() {
        inFlight.decrementAndGet();
    }

    /** Requests accepted whose answers have not yet been handed to the ROUTER socket. */
    int inFlight() {
        return inFlight.get();
    }

    /**
     * Queues an answer (already copied: the caller's array is not read later) and rings the doorbell if nobody
     * has since the last take. The ring never waits: if it cannot go (the front has closed), the answer stays
     * queued, and a running holder forwards it after its next poll anyway.
     */
    void add(List<byte[]> envelope, byte[] answer) {
        answers.add(new Queued(envelope, answer));
        if (doorbellArmed.compareAndSet(true, false) && !pushSocket().send(DOORBELL, ZSocket.DONTWAIT)) {
            doorbellArmed.set(true);
        }
    }

    /** Reads the doorbells rung so far and re-arms the bell (on the holder's thread). */
    void takeDoorbells(ZSocket pull) {
        while (pull.receive(DOORBELL, ZSocket.DONTWAIT) >= 0) {
            while (pull.hasReceiveMore()) {
                pull.receive(DOORBELL, 0);
            }
        }
        doorbellArmed.set(true);
    }

    /** Sends every answer queued so far (on the holder's thread); answers how many. */
    int forward(Sender sender) {
        int n = 0;
        Queued a;
        while ((a = answers.poll()) != null) {
            inFlight.decrementAndGet();
            sender.send(a.envelope(), a.body(), a.body().length);
            n++;
        }
        return n;
    }

    /** This thread's doorbell socket, made on first use. */
    private ZSocket pushSocket() {
        ZSocket s = pushSocket.get();
        if (s == null) {
            s = context.createSocket(SocketType.PUSH);
            s.setLinger(1000);
            s.connect(endpoint);
            pushSocket.set(s);
            pushSockets.add(s);
        }
        return s;
    }

    /** A thread that ends closes its own doorbell socket (the workers' are closed by {@link #closeAll}). */
    void closeOwnPush() {
        ZSocket s = pushSocket.get();
        if (s != null && pushSockets.remove(s)) {
            s.close();
        }
        pushSocket.remove();
    }

    /** Closes every doorbell socket still open (after the threads that rang have stopped). */
    void closeAll() {
        ZSocket s;
        while ((s = pushSockets.poll()) != null) {
            s.close();
        }
    }
}
