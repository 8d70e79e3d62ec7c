package io.stui.server.dispatch;

import io.stui.protocol.Command;
import io.stui.protocol.Decoded;
import io.stui.protocol.EncodedAnswer;
import io.stui.protocol.ErrorCode;
import io.stui.protocol.ProtocolCodec;
import io.stui.protocol.RequestMeta;
import io.stui.protocol.StuiException;
import io.stui.protocol.request.Request;
import io.stui.protocol.request.SessionScoped;
import io.stui.protocol.result.CommandResult;
import io.stui.server.events.EventSource;
import io.stui.server.exec.KeyedSerialExecutor;
import io.stui.server.front.Front;
import io.stui.server.metrics.ServerMetrics;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns request frames into answers: decodes with the protocol codec, answers malformed input on the front
 * thread, and runs each request where its {@link CommandTable} row says ({@link Placement}): inline on the front
 * thread, in place there when the front allows it and the session has nothing else pending (no thread hand-off),
 * or on the worker pool, one session's requests in order. Every request gets exactly one answer, error or not;
 * metrics count each.
 */
public final class RequestDispatcher implements Front.Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

    private final ProtocolCodec codec;
    private final CommandTable table;
    private final KeyedSerialExecutor executor;
    private final Function<String, KeyedSerialExecutor.Lane> sessionLanes;
    private final ServerMetrics metrics;
    /** Told around each request (evaluation started/finished, debugger and session events); set once at start. */
    private EventSource events = EventSource.NONE;

    /** @param sessionLanes the lane of a live session by its id, or null when no live session has the id */
    public RequestDispatcher(
            ProtocolCodec codec,
            CommandTable table,
            KeyedSerialExecutor executor,
            Function<String, KeyedSerialExecutor.Lane> sessionLanes,
            ServerMetrics metrics) {
        this.codec = codec;
        this.table = table;
        this.executor = executor;
        this.sessionLanes = sessionLanes;
        this.metrics = metrics;
    }

    /** Publishes request events to {@code source}; call before the front starts. */
    public void publishTo(EventSource source) {
        this.events = source;
    }

    @Override
    public void dispatch(List<byte[]> body, Front.Reply reply, Front.InPlace here) {
        long start = System.nanoTime();
        try {
            route(body, reply, here, start);
        } catch (RuntimeException e) {
            // never let one request take the front thread down; the client still gets an answer
            log.error("event=dispatch_failed error=\"{}\"", e.toString(), e);
            send(
                    reply,
                    codec.encodeErrorLent(
                            RequestMeta.UNKNOWN,
                            new StuiException(
                                    ErrorCode.INTERNAL_ERROR,
                                    "The server failed to handle this request; the error is logged, try again or report it.")));
        }
    }

    private void route(List<byte[]> body, Front.Reply reply, Front.InPlace here, long start) {
        if (body.isEmpty()) {
            send(
                    reply,
                    error(
                            RequestMeta.UNKNOWN,
                            new StuiException(
                                    ErrorCode.INVALID_REQUEST,
                                    "Empty request frame; send one JSON object per message."),
                            start));
            return;
        }
        Decoded decoded = codec.decode(body.getFirst());
        if (body.size() > 1) {
            send(
                    reply,
                    error(
                            decoded.meta(),
                            new StuiException(
                                    ErrorCode.INVALID_REQUEST,
                                    "Request has " + body.size()
                                            + " frames after the routing envelope; send exactly one JSON document per message."),
                            start));
            return;
        }
        switch (decoded) {
            case Decoded.Failed f -> send(reply, error(f.meta(), f.error(), start));
            case Decoded.Ok ok -> place(ok, reply, here, start);
        }
    }

    private void place(Decoded.Ok ok, Front.Reply reply, Front.InPlace here, long start) {
        Request request = ok.request();
        String key = request instanceof SessionScoped s ? s.sessionId() : null;
        Placement placement = table.placement(request);
        if (placement == Placement.INLINE) {
            send(reply, answer(ok, start));
            return;
        }
        if (placement == Placement.WORKER) {
            key = null;
        }
        // a live session's own lane; an id no live session has still gets a lane of its own (its answer is an error)
        KeyedSerialExecutor.Lane lane = key == null ? null : sessionLanes.apply(key);
        // in place: the session's turn is held before the front may hand over, and the answer is given inside the
        // turn, so both the work and its answer keep the session's order
        if (placement == Placement.IN_PLACE
                && here.allowed()
                && (lane != null
                        ? executor.runHere(lane, new Answering(ok, reply, here, start))
                        : executor.runHere(key, new Answering(ok, reply, here, start)))) {
            return;
        }
        Answering onWorker = new Answering(ok, reply, null, start);
        if (lane != null ? executor.submit(lane, onWorker) : executor.submit(key, onWorker)) {
            return;
        }
        send(
                reply,
                error(
                        ok.meta(),
                        new StuiException(
                                ErrorCode.SESSION_ERROR,
                                key == null
                                        ? "Server is busy or shutting down; retry shortly."
                                        : "Too many requests pending for session " + key
                                                + "; wait for answers before sending more."),
                        start));
    }

    /**
     * Runs a request and sends its answer, in place ({@code here} is told first) or on a worker. A named class rather
     * than a lambda, so it shows in stack traces and profiles as what it is.
     */
    private final class Answering implements Runnable {
        private final Decoded.Ok ok;
        private final Front.Reply reply;
        private final Front.InPlace here;
        private final long start;

        Answering(Decoded.Ok ok, Front.Reply reply, Front.InPlace here, long start) {
            this.ok = ok;
            this.reply = reply;
            this.here = here;
            this.start = start;
        }

        @Override
        public void run() {
            if (here != null) {
                here.starting();
            }
            send(reply, answer(ok, start));
        }
    }

    /** Sends an answer lent by the codec, before this thread encodes anything else. */
    private static void send(Front.Reply reply, EncodedAnswer answer) {
        reply.send(answer.array(), answer.length());
    }

    /**
     * Runs a decoded request and encodes its answer (on whichever thread calls it), lent from the thread's
     * answer buffer: send it before this thread encodes another.
     */
    private EncodedAnswer answer(Decoded.Ok ok, long start) {
        Request request = ok.request();
        // events are queued before the answer is sent (they travel on another socket, so may still arrive after it)
        String evaluationTopic = events.started(request, ok.meta().idText());
        CommandResult result = null;
        String outcome = ErrorCode.INTERNAL_ERROR.wireName();
        try {
            result = table.handle(request);
            EncodedAnswer out = codec.encodeResultLent(ok.meta(), result);
            metrics.request(request.command().snakeName(), "success", System.nanoTime() - start);
            outcome = "success";
            return out;
        } catch (StuiException e) {
            result = null;
            outcome = e.code().wireName();
            return error(ok.meta(), e, start);
        } catch (RuntimeException | StackOverflowError e) {
            result = null;
            log.error(
                    "event=request_failed command={} id={} error=\"{}\"",
                    request.command(),
                    ok.meta().idText(),
                    e.toString(),
                    e);
            return error(
                    ok.meta(),
                    new StuiException(
                            ErrorCode.INTERNAL_ERROR,
                            "The server failed while running " + request.command() + " ("
                                    + e.getClass().getSimpleName() + "); the error is logged, try again or report it."),
                    start);
        } finally {
            events.answered(evaluationTopic, request, ok.meta().idText(), result, outcome, System.nanoTime() - start);
        }
    }

    private EncodedAnswer error(RequestMeta meta, StuiException e, long start) {
        Command c = meta.command();
        String name = c == null ? "unknown" : c.snakeName();
        metrics.request(name, e.code().wireName(), System.nanoTime() - start);
        if (e.code() == ErrorCode.INTERNAL_ERROR) {
            log.warn(
                    "event=request_error command={} id={} code={} message=\"{}\"",
                    name,
                    meta.idText(),
                    e.code(),
                    e.getMessage());
        } else {
            log.debug(
                    "event=request_error command={} id={} code={} message=\"{}\"",
                    name,
                    meta.idText(),
                    e.code(),
                    e.getMessage());
        }
        return codec.encodeErrorLent(meta, e);
    }
}
