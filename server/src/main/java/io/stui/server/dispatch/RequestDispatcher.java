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
import io.stui.server.command.CurrentRequest;
import io.stui.server.events.EventSource;
import io.stui.server.exec.KeyedSerialExecutor;
import io.stui.server.exec.MemoryReserve;
import io.stui.server.front.Front;
import io.stui.server.identity.Identity;
import io.stui.server.identity.IdentityResolver;
import io.stui.server.identity.OwnershipGuard;
import io.stui.server.metrics.ServerMetrics;
import io.stui.server.store.StoreFullException;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns request frames into answers: decodes with the protocol codec, answers malformed input on the front
 * thread, and runs each request where its {@link CommandTable} row says ({@link Placement}): inline on the front
 * thread, in place there when the front allows it and the session has nothing else pending (no thread hand-off),
 * or on the worker pool, one session's requests in order. Every request gets exactly one answer, error or not;
 * metrics count each. Who sent a request is settled before it is placed ({@link IdentityResolver}), and a request
 * naming a session its identity does not own is answered as if the session did not exist ({@link OwnershipGuard}).
 */
public final class RequestDispatcher implements Front.Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

    private final ProtocolCodec codec;
    private final CommandTable table;
    private final KeyedSerialExecutor executor;
    private final Function<String, KeyedSerialExecutor.Lane> sessionLanes;
    private final ServerMetrics metrics;
    private final MemoryReserve reserve;
    /** The lane of the work that names no session and uses the default image (one request at a time under its lock). */
    private final KeyedSerialExecutor.Lane imageLane = KeyedSerialExecutor.Lane.sharedByClients("default-image");
    /** Told around each request (evaluation started/finished, debugger and session events); set once at start. */
    private EventSource events = EventSource.NONE;

    private final IdentityResolver identities;
    private final OwnershipGuard ownership;
    private final AnswerRules rules;

    /** A dispatcher for a server without authentication, answer limits or retries (tests, tools). */
    public RequestDispatcher(
            ProtocolCodec codec,
            CommandTable table,
            KeyedSerialExecutor executor,
            Function<String, KeyedSerialExecutor.Lane> sessionLanes,
            ServerMetrics metrics) {
        this(codec, table, executor, sessionLanes, metrics, DispatchPolicy.none());
    }

    /**
     * @param sessionLanes the lane of a live session by its id, or null when no live session has the id
     * @param policy       who may do what, and what every answer gets beyond running its command
     */
    public RequestDispatcher(
            ProtocolCodec codec,
            CommandTable table,
            KeyedSerialExecutor executor,
            Function<String, KeyedSerialExecutor.Lane> sessionLanes,
            ServerMetrics metrics,
            DispatchPolicy policy) {
        this.reserve = policy.reserve();
        this.codec = codec;
        this.table = table;
        this.executor = executor;
        this.sessionLanes = sessionLanes;
        this.metrics = metrics;
        this.identities = policy.identities();
        this.ownership = policy.ownership();
        this.rules = policy.answers();
    }

    /** Publishes request events to {@code source}; call before the front starts. */
    public void publishTo(EventSource source) {
        this.events = source;
    }

    @Override
    public void dispatch(List<byte[]> body, Front.Reply reply, Front.InPlace here) {
        dispatch(body, null, reply, here);
    }

    @Override
    public void dispatch(List<byte[]> body, String userId, Front.Reply reply, Front.InPlace here) {
        long start = System.nanoTime();
        try {
            route(body, userId, reply, here, start);
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

    private void route(List<byte[]> body, String userId, Front.Reply reply, Front.InPlace here, long start) {
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
            case Decoded.Ok ok -> identify(ok, userId, reply, here, start);
        }
    }

    /** Settles who sent the request (a map look-up, on the front thread) before it is placed anywhere. */
    private void identify(Decoded.Ok ok, String userId, Front.Reply reply, Front.InPlace here, long start) {
        Identity who;
        try {
            who = identities.resolve(ok.request(), ok.authToken(), userId);
        } catch (StuiException e) {
            send(reply, error(ok.meta(), e, start));
            return;
        }
        place(ok, who, reply, here, start);
    }

    private void place(Decoded.Ok ok, Identity who, Front.Reply reply, Front.InPlace here, long start) {
        Request request = ok.request();
        String key = request instanceof SessionScoped s ? s.sessionId() : null;
        Placement placement = table.placement(request);
        if (placement == Placement.INLINE) {
            answerAndSend(ok, who, reply, start);
            return;
        }
        if (placement == Placement.WORKER) {
            key = null;
        }
        // a live session's own lane; an id no live session has still gets a lane of its own (its answer is an error);
        // work naming no session runs in the default image, one request at a time, the clients taking turns
        KeyedSerialExecutor.Lane lane =
                key != null ? sessionLanes.apply(key) : placement == Placement.WORKER ? null : imageLane;
        // the workers are shared by identity when the server checks one, else by connection
        Object peer = who.authenticated() ? who.name() : reply.peer();
        // in place: the lane's turn is held before the front may hand over, and the answer is given inside the
        // turn, so both the work and its answer keep the lane's order
        if (placement == Placement.IN_PLACE
                && here.allowed()
                && (lane != null
                        ? executor.runHere(lane, peer, new Answering(ok, who, reply, here, start))
                        : executor.runHere(key, new Answering(ok, who, reply, here, start)))) {
            return;
        }
        Answering onWorker = new Answering(ok, who, reply, null, start);
        if (lane != null ? executor.submit(lane, peer, onWorker) : executor.submit(key, peer, onWorker)) {
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
        private final Identity who;
        private final Front.Reply reply;
        private final Front.InPlace here;
        private final long start;

        Answering(Decoded.Ok ok, Identity who, Front.Reply reply, Front.InPlace here, long start) {
            this.ok = ok;
            this.who = who;
            this.reply = reply;
            this.here = here;
            this.start = start;
        }

        @Override
        public void run() {
            if (here != null) {
                here.starting();
            }
            answerAndSend(ok, who, reply, start);
        }
    }

    /** Sends an answer lent by the codec, before this thread encodes anything else. */
    private static void send(Front.Reply reply, EncodedAnswer answer) {
        reply.send(answer.array(), answer.length());
    }

    /**
     * Answers a request: the first answer again when it is a retry of one already answered (see {@link RetryCache}),
     * otherwise by running it, with the warnings owed to its session's client added.
     */
    private void answerAndSend(Decoded.Ok ok, Identity who, Front.Reply reply, long start) {
        Request request = ok.request();
        // the identity is looked up only for a request the cache may keep: the others pay nothing for it
        RetryCache.Claim claim = ok.meta().id() != null && RetryCache.COMMANDS.contains(request.command())
                ? rules.retries()
                        .claim(
                                who.authenticated()
                                        ? who.name()
                                        : rules.identity().apply(request),
                                ok.meta().id(),
                                request)
                : null;
        if (claim != null && claim.earlier() != null) {
            metrics.request(request.command().snakeName(), "retry_answered", System.nanoTime() - start);
            reply.send(claim.earlier(), claim.earlier().length);
            return;
        }
        boolean completed = false;
        try {
            EncodedAnswer lent = answer(ok, who, start);
            String session = AnswerRules.sessionOf(request);
            List<String> warnings =
                    session == null ? List.of() : rules.warnings().apply(session);
            byte[] array = lent.array();
            int length = lent.length();
            if (!warnings.isEmpty()) {
                array = AnswerSplice.withWarnings(array, length, warnings);
                length = array.length;
            }
            if (claim != null) {
                claim.complete(java.util.Arrays.copyOf(array, length));
                completed = true;
            }
            try {
                reply.send(array, length);
            } catch (OutOfMemoryError e) {
                // an answer that must wait is copied: the reserve pays for the copy, the client gets its answer
                reserve.release();
                reply.send(array, length);
                reserve.replenish();
            }
        } finally {
            if (claim != null && !completed) {
                claim.abandon();
            }
        }
    }

    /**
     * Runs a decoded request and encodes its answer (on whichever thread calls it), lent from the thread's
     * answer buffer: send it before this thread encodes another.
     */
    private EncodedAnswer answer(Decoded.Ok ok, Identity who, long start) {
        Request request = ok.request();
        CurrentRequest.set(ok.meta().id());
        // events are queued before the answer is sent (they travel on another socket, so may still arrive after it);
        // none for a request refused as another identity's
        String evaluationTopic = null;
        CommandResult result = null;
        String outcome = ErrorCode.INTERNAL_ERROR.wireName();
        try {
            if (ownership != null) {
                ownership.check(request, who);
            }
            evaluationTopic = events.started(request, ok.meta().idText());
            result = who.authenticated()
                    ? ScopedValue.where(Identity.CURRENT, who).call(() -> table.handle(request))
                    : table.handle(request);
            EncodedAnswer out = codec.encodeResultLent(ok.meta(), result);
            if (out.length() > rules.maxAnswerBytes()) {
                result = null;
                outcome = ErrorCode.RESPONSE_TOO_LARGE.wireName();
                return error(
                        ok.meta(),
                        new StuiException(
                                ErrorCode.RESPONSE_TOO_LARGE,
                                "The answer to " + request.command().snakeName() + " is " + out.length()
                                        + " bytes, over this server's limit of " + rules.maxAnswerBytes()
                                        + " (setting max-answer-bytes); ask for less, e.g. a part of the"
                                        + " text or the size of the collection."),
                        start);
            }
            metrics.request(request.command().snakeName(), "success", System.nanoTime() - start);
            outcome = "success";
            return out;
        } catch (StuiException e) {
            result = null;
            outcome = e.code().wireName();
            return error(ok.meta(), e, start);
        } catch (OutOfMemoryError e) {
            // the shared heap is short (often because of another session): the reserve pays for this answer
            reserve.release();
            result = null;
            log.error(
                    "event=request_failed command={} id={} error=\"{}\"",
                    request.command(),
                    ok.meta().idText(),
                    e.toString());
            EncodedAnswer out = error(
                    ok.meta(),
                    new StuiException(
                            ErrorCode.INTERNAL_ERROR,
                            "The server ran short of memory while running " + request.command()
                                    + "; the error is logged, try again later."),
                    start);
            reserve.replenish();
            return out;
        } catch (StoreFullException e) {
            result = null;
            outcome = ErrorCode.STORAGE_FULL.wireName();
            return error(
                    ok.meta(),
                    new StuiException(
                            ErrorCode.STORAGE_FULL,
                            "The server's store is full, so "
                                    + request.command().snakeName()
                                    + " could not be written; nothing was changed. Deleting still works"
                                    + " (close_session, clear_context); writes resume when space returns."),
                    start);
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
            CurrentRequest.clear();
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
