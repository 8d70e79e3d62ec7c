package io.stui.bench.load;

import io.stui.protocol.Answer;
import io.stui.protocol.ClientCodec;
import io.stui.protocol.StuiException;
import io.stui.protocol.request.Request;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of a load: its own socket and thread, an optional session, and the loop that sends
 * the mix and records each answer. Subclasses decide how many requests are in flight.
 */
abstract sealed class ClientLoop implements Runnable permits ReqClientLoop, DealerClientLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ClientLoop.class);
    /** Session id used against a server that cannot create sessions (the C ceiling answers a fixed reply). */
    static final String PLACEHOLDER_SESSION = "bench-no-session";

    final LoadSpec spec;
    final RunClock clock;
    final LatencyRecorder recorder;
    final RequestFactory requests;
    final ZContext context;
    final int index;
    final String clientId;
    final SplittableRandom random;
    final OpenLoopSchedule schedule;
    String sessionId;
    long sequence;
    volatile Throwable failure;

    ClientLoop(
            LoadSpec spec,
            RunClock clock,
            LatencyRecorder recorder,
            RequestFactory requests,
            ZContext context,
            int index,
            String runId) {
        this.spec = spec;
        this.clock = clock;
        this.recorder = recorder;
        this.requests = requests;
        this.context = context;
        this.index = index;
        this.clientId = "bench-" + runId + "-" + index;
        this.random = new SplittableRandom(index * 7919L + 17);
        this.schedule =
                spec.openLoop() ? OpenLoopSchedule.forClient(clock.start, spec.rate(), spec.clients(), index) : null;
    }

    /** Opens a connected socket of the loop's type. */
    ZSocket open(SocketType type) {
        ZSocket s = context.createSocket(type);
        s.setLinger(0);
        s.connect(spec.endpoint());
        return s;
    }

    String nextId() {
        return "c" + index + "-" + (++sequence);
    }

    CommandKind pick() {
        return spec.mix().pick(random);
    }

    /**
     * Next instant a request is due: the schedule in an open loop, now in a closed loop. Waits
     * until that instant, without spinning, so that the load generator does not eat the CPU the
     * server needs.
     */
    long awaitNextIntended() {
        if (schedule == null) {
            return System.nanoTime();
        }
        long intended = schedule.nextIntended();
        for (long wait; (wait = intended - System.nanoTime()) > 0 && !clock.stopped(); ) {
            LockSupport.parkNanos(wait);
        }
        return intended;
    }

    /**
     * Records an answer frame; answers the decoded answer, or empty (and counts an error) when it
     * is an error answer, answers another request than {@code expectedId} (unless null), or is not
     * a valid answer at all.
     */
    Optional<Answer> settle(CommandKind kind, byte[] frame, String expectedId, long intended, long sent, long done) {
        Answer answer;
        try {
            answer = ClientCodec.INSTANCE.decode(frame);
        } catch (StuiException e) {
            countError(intended, "undecodable answer: " + e.getMessage());
            return Optional.empty();
        }
        return settle(kind, answer, expectedId, intended, sent, done);
    }

    /** As {@link #settle(CommandKind, byte[], String, long, long, long)}, for an answer already decoded. */
    Optional<Answer> settle(CommandKind kind, Answer answer, String expectedId, long intended, long sent, long done) {
        if (!answer.isSuccess()) {
            countError(
                    intended,
                    kind.label() + " answered " + answer.error().code() + ": "
                            + answer.error().getMessage());
            return Optional.empty();
        }
        if (expectedId != null && !spec.fifoReplies() && !expectedId.equals(answer.requestIdText())) {
            countError(intended, "answer to " + answer.requestIdText() + " arrived for request " + expectedId);
            return Optional.empty();
        }
        if (clock.measured(intended)) {
            recorder.record(kind, intended, sent, done);
            clock.answered(done);
        }
        return Optional.of(answer);
    }

    void countError(long intended, String why) {
        if (clock.measured(intended)) {
            recorder.recordError();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("client {}: {}", index, why);
        }
        firstError(why);
    }

    private volatile String firstError;

    private void firstError(String why) {
        if (firstError == null) {
            firstError = why;
        }
    }

    /** The first error this client saw, for the run's summary; null if none. */
    String firstErrorSeen() {
        return firstError;
    }

    /** Does the per-client setup that needs the server (a session when the mix needs one). */
    boolean needsSession() {
        return spec.mix().includes(CommandKind.INSPECT)
                || spec.mix().includes(CommandKind.SESSION)
                || spec.mix().includes(CommandKind.DEBUG_STEP)
                || spec.mix().includes(CommandKind.LOAD_CODE);
    }

    /** One request sent and its answer awaited, outside the measured load (setup and teardown). */
    interface Exchange {
        /** The success answer; throws when the request failed or got no answer in time. */
        Answer call(CommandKind kind, byte[] frame, String id);
    }

    /** What a setup exchange is called in errors: {@code create_session} for the session, else the kind's setup. */
    static String setupName(CommandKind kind) {
        return kind == CommandKind.SESSION ? "create_session" : kind.label() + " setup";
    }

    /** The debug id of the evaluation this client's debug_step requests step, or null. */
    String debugId;

    /**
     * Before the load, when the mix has debug_step: suspends this client's own evaluation at a breakpoint in a loop
     * that never ends, so that each debug_step request is one StepOver of it.
     */
    void prepare(Exchange exchange) {
        if (!spec.mix().includes(CommandKind.DEBUG_STEP) || spec.fifoReplies()) {
            return;
        }
        Answer last = null;
        for (Request r : RequestFactory.debugSetup(sessionId)) {
            String id = nextId();
            last = exchange.call(CommandKind.DEBUG_STEP, requests.encode(id, r), id);
        }
        debugId = last.result().path("debug_id").asText(null);
        if (debugId == null) {
            throw new IllegalStateException(
                    "the debug_step evaluation did not stop at its breakpoint: " + last.result());
        }
    }

    /** After the load: ends the suspended evaluation, so its thread goes now rather than at the time-out. */
    void finish(Exchange exchange) {
        if (debugId == null) {
            return;
        }
        String id = nextId();
        try {
            exchange.call(
                    CommandKind.DEBUG_STEP, requests.encode(id, RequestFactory.debugTeardown(sessionId, debugId)), id);
        } catch (RuntimeException e) { // tidy up only: the server ends it at its suspension time-out anyway
            LOG.debug("client {}: the debug_step evaluation was not terminated: {}", index, e.toString());
        }
    }

    /** Reads a session id from a create_session answer; a placeholder against a fixed-reply server. */
    String sessionFrom(Answer answer) {
        String id = answer.result() == null
                ? null
                : answer.result().path("session_id").asText(null);
        if (id == null) {
            if (spec.fifoReplies()) {
                return PLACEHOLDER_SESSION;
            }
            throw new IllegalStateException("create_session answered without a session_id: " + answer.result());
        }
        return id;
    }

    @Override
    public final void run() {
        try {
            loop();
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.warn("client {} stopped: {}", index, e.toString());
        }
    }

    abstract void loop();
}
