package io.stui.protocol.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.protocol.Answer;
import io.stui.protocol.ClientCodec;
import io.stui.protocol.Command;
import io.stui.protocol.StuiException;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.CommandResult;
import io.stui.protocol.result.EvaluateResult;
import io.stui.protocol.result.PingResult;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZMessage;
import io.stui.zmq.ZPoller;
import io.stui.zmq.ZSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipelining STUI client over a DEALER socket: any number of requests in flight, answers matched
 * to requests by id ({@code id} / {@code correlation_id}) whatever order they come back in.
 *
 * <p>Thread-safe: any thread may submit. One I/O thread owns the DEALER socket; submitters hand
 * it encoded requests through an in-process pipe. Each request's future completes with the
 * server's answer, or fails with {@link ServerUnavailableException} after the timeout (requests are
 * not resent: a pipelined request may have side effects), or with {@link IllegalStateException}
 * when the client is closed first. Futures complete on the I/O thread: chain heavy work with
 * {@code ...Async} methods.
 *
 * <p>Requests carry an empty delimiter frame, as a REQ socket's do, so any REQ-compatible server
 * answers them.
 */
public final class StuiAsyncClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StuiAsyncClient.class);
    private static final byte[] EMPTY = new byte[0];
    private static final AtomicLong INSTANCES = new AtomicLong();

    private final ClientOptions options;
    private final ZContext context;
    private final boolean ownsContext;
    private final ClientCodec codec = ClientCodec.INSTANCE;
    private final RequestIds ids = new RequestIds();
    private final Map<String, CompletableFuture<Answer>> pending = new ConcurrentHashMap<>();
    private final Object pipeLock = new Object();
    private final ZSocket pipeIn;
    private final String pipeEndpoint;
    private final Thread io;
    private final CountDownLatch ioStarted = new CountDownLatch(1);
    private volatile boolean closed;

    /** A client on a context the caller owns (and closes after this client). */
    public StuiAsyncClient(ZContext context, ClientOptions options) {
        this(context, options, false);
    }

    private StuiAsyncClient(ZContext context, ClientOptions options, boolean ownsContext) {
        this.context = Objects.requireNonNull(context, "context");
        this.options = Objects.requireNonNull(options, "options");
        this.ownsContext = ownsContext;
        this.pipeEndpoint =
                "inproc://stui-async-client-" + INSTANCES.incrementAndGet() + "-" + System.identityHashCode(this);
        ZSocket pull = context.createSocket(SocketType.PULL);
        pull.bind(pipeEndpoint); // inproc: bind before the PUSH side connects
        ZSocket dealer = context.createSocket(SocketType.DEALER);
        dealer.setLinger(0);
        dealer.setReconnectIvl(StuiClient.RECONNECT_MILLIS);
        if (options.curve() != null) {
            options.curve().apply(dealer);
        }
        dealer.connect(options.endpoint());
        this.pipeIn = context.createSocket(SocketType.PUSH);
        pipeIn.setLinger(0);
        pipeIn.connect(pipeEndpoint);
        this.io = Thread.ofPlatform().daemon().name("stui-async-client-io").unstarted(() -> run(pull, dealer));
        io.start();
        try {
            ioStarted.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A client with its own context (closed with the client). */
    public static StuiAsyncClient connect(ClientOptions options) {
        return new StuiAsyncClient(new ZContext(), options, true);
    }

    /** A client with its own context and default options. */
    public static StuiAsyncClient connect(String endpoint) {
        return connect(ClientOptions.defaults(endpoint));
    }

    /** The options this client uses. */
    public ClientOptions options() {
        return options;
    }

    /** Number of requests sent and not yet answered or timed out. */
    public int inFlight() {
        return pending.size();
    }

    /** Sends a request; the future completes with the answer, success or error. */
    public CompletableFuture<Answer> submit(Request request) {
        String id = ids.next(options.encoding());
        return submitFrame(id, codec.encode(options.encoding(), id, request, options.authToken()));
    }

    /** Sends a command with parameters (a map or any value Jackson writes as an object). */
    public CompletableFuture<Answer> submit(Command command, Object params) {
        String id = ids.next(options.encoding());
        return submitFrame(id, codec.encode(options.encoding(), id, command, params, options.authToken()));
    }

    /** Sends a request; the future completes with its typed result or fails with the error answer. */
    public CompletableFuture<CommandResult> call(Request request) {
        Class<? extends CommandResult> type = ResultTypes.of(request.command());
        return submit(request).thenApply(a -> a.resultAs(type));
    }

    /** Sends a command; the future completes with the result object or fails with the error answer. */
    public CompletableFuture<JsonNode> call(Command command, Object params) {
        return submit(command, params).thenApply(Answer::resultOrThrow);
    }

    /** {@code ping}. */
    public CompletableFuture<PingResult> ping(String message) {
        return submit(new Request.Ping(message)).thenApply(a -> a.resultAs(PingResult.class));
    }

    /** {@code evaluate} in a session (null: none). */
    public CompletableFuture<EvaluateResult> evaluate(String code, String sessionId) {
        return submit(new Request.Evaluate(code, sessionId, true)).thenApply(a -> a.resultAs(EvaluateResult.class));
    }

    private CompletableFuture<Answer> submitFrame(String id, byte[] frame) {
        CompletableFuture<Answer> future = new CompletableFuture<>();
        pending.put(id, future);
        synchronized (pipeLock) { // one PUSH socket, used by one thread at a time
            if (closed) {
                pending.remove(id);
                future.completeExceptionally(new IllegalStateException("this StuiAsyncClient is closed"));
                return future;
            }
            pipeIn.send(id.getBytes(StandardCharsets.UTF_8), ZSocket.SNDMORE);
            pipeIn.send(frame, 0);
        }
        return future;
    }

    // ------------------------------------------------------------------ I/O thread

    private record Deadline(String id, long nanos) {}

    private void run(ZSocket pull, ZSocket dealer) {
        long timeoutNanos = options.timeout().toNanos();
        ArrayDeque<byte[]> outbound = new ArrayDeque<>();
        ArrayDeque<Deadline> deadlines = new ArrayDeque<>(); // same timeout for all: FIFO is deadline order
        try (ZPoller poller = new ZPoller(context)) {
            poller.register(pull, ZPoller.POLLIN);
            poller.register(dealer, ZPoller.POLLIN);
            ioStarted.countDown();
            boolean running = true;
            while (running) {
                poller.register(dealer, outbound.isEmpty() ? ZPoller.POLLIN : ZPoller.POLLIN | ZPoller.POLLOUT);
                long wait = deadlines.isEmpty()
                        ? -1
                        : Math.max(
                                0, TimeUnit.NANOSECONDS.toMillis(deadlines.peekFirst().nanos - System.nanoTime()) + 1);
                poller.poll(wait);
                if (poller.isReadable(pull)) {
                    running = takeRequests(pull, outbound, deadlines, timeoutNanos);
                }
                flush(dealer, outbound);
                if (poller.isReadable(dealer)) {
                    takeAnswers(dealer);
                }
                expire(deadlines);
            }
        } catch (RuntimeException e) {
            if (!closed) {
                log.error(
                        "The I/O thread of the STUI async client to {} failed; failing pending requests",
                        options.endpoint(),
                        e);
            }
        } finally {
            ioStarted.countDown();
            closed = true;
            pull.close();
            dealer.close();
            failAll(new IllegalStateException("StuiAsyncClient closed before the answer arrived"));
        }
    }

    /**
     * Moves queued requests ([id, frame] messages) to the outbound queue; false when the stop
     * signal (a single empty frame) came.
     */
    private boolean takeRequests(
            ZSocket pull, ArrayDeque<byte[]> outbound, ArrayDeque<Deadline> deadlines, long timeoutNanos) {
        Optional<ZMessage> next;
        while ((next = pull.receiveMessage(ZSocket.DONTWAIT)).isPresent()) {
            ZMessage msg = next.get();
            if (msg.size() < 2) {
                return false;
            }
            outbound.addLast(msg.frame(1));
            deadlines.addLast(new Deadline(msg.frameString(0), System.nanoTime() + timeoutNanos));
        }
        return true;
    }

    private void flush(ZSocket dealer, ArrayDeque<byte[]> outbound) {
        while (!outbound.isEmpty()) {
            if (!dealer.send(EMPTY, ZSocket.DONTWAIT | ZSocket.SNDMORE)) {
                return; // high-water mark: wait for POLLOUT
            }
            dealer.send(outbound.pollFirst(), 0); // the rest of a multipart message never blocks
        }
    }

    private void takeAnswers(ZSocket dealer) {
        Optional<ZMessage> next;
        while ((next = dealer.receiveMessage(ZSocket.DONTWAIT)).isPresent()) {
            ZMessage msg = next.get();
            byte[] body = msg.frame(msg.size() - 1);
            Answer answer;
            try {
                answer = codec.decode(body);
            } catch (StuiException e) {
                log.warn("Dropped a malformed answer from {}: {}", options.endpoint(), e.getMessage());
                continue;
            }
            CompletableFuture<Answer> future =
                    answer.requestId() == null ? null : pending.remove(answer.requestIdText());
            if (future == null) {
                log.warn(
                        "Dropped an answer for no pending request (id {}): {}",
                        answer.requestIdText(),
                        answer.isSuccess() ? "success" : answer.error().toString());
            } else {
                future.complete(answer);
            }
        }
    }

    private void expire(ArrayDeque<Deadline> deadlines) {
        long now = System.nanoTime();
        while (!deadlines.isEmpty() && deadlines.peekFirst().nanos - now <= 0) {
            Deadline d = deadlines.pollFirst();
            CompletableFuture<Answer> future = pending.remove(d.id());
            if (future != null) {
                future.completeExceptionally(new ServerUnavailableException("No answer from " + options.endpoint()
                        + " to request " + d.id() + " within " + options.timeoutMillis()
                        + " ms; check that the server is running and reachable."));
            }
        }
    }

    private void failAll(RuntimeException cause) {
        for (String id : pending.keySet()) {
            CompletableFuture<Answer> f = pending.remove(id);
            if (f != null) {
                f.completeExceptionally(cause);
            }
        }
    }

    /**
     * Stops the I/O thread, fails requests still in flight with {@link IllegalStateException},
     * closes the sockets and, if the client made it, the context.
     */
    @Override
    public void close() {
        synchronized (pipeLock) {
            if (closed) {
                return;
            }
            closed = true;
            pipeIn.send(EMPTY); // stop signal
        }
        try {
            io.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (pipeLock) {
            pipeIn.close();
        }
        failAll(new IllegalStateException("StuiAsyncClient closed before the answer arrived"));
        if (ownsContext) {
            context.close();
        }
    }
}
