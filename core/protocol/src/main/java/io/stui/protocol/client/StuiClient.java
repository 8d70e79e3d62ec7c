package io.stui.protocol.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.Answer;
import io.stui.protocol.ClientCodec;
import io.stui.protocol.Command;
import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.protocol.request.DebugOperation;
import io.stui.protocol.request.InfoType;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.BrowseClassResult;
import io.stui.protocol.result.ClearContextResult;
import io.stui.protocol.result.CloseSessionResult;
import io.stui.protocol.result.CommandResult;
import io.stui.protocol.result.ContextSummaryResult;
import io.stui.protocol.result.CreateSessionResult;
import io.stui.protocol.result.DebugResult;
import io.stui.protocol.result.EvaluateResult;
import io.stui.protocol.result.GetMethodResult;
import io.stui.protocol.result.InspectResult;
import io.stui.protocol.result.ListClassesResult;
import io.stui.protocol.result.ListClientSessionsResult;
import io.stui.protocol.result.LoadContextResult;
import io.stui.protocol.result.PingResult;
import io.stui.protocol.result.RestoreSessionResult;
import io.stui.protocol.result.SaveContextResult;
import io.stui.protocol.result.SessionInfoResult;
import io.stui.protocol.result.SessionStatisticsResult;
import io.stui.protocol.result.SystemInfoResult;
import io.stui.protocol.result.UpdateSessionStateResult;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * A blocking STUI client over a REQ socket with the ZeroMQ guide's Lazy Pirate pattern: send,
 * wait up to the timeout, and on silence close the socket, open a new one and send again; give up
 * after the configured number of tries with {@link ServerUnavailableException}. A request queued
 * while the server is down goes out as soon as it is back (reconnect interval 100 ms).
 *
 * <p>Error answers are thrown as {@link StuiException} by the typed methods; {@link #send(Request)}
 * returns them as {@link Answer}s. Calls are serialised (one request in flight, as REQ requires),
 * so an instance may be shared by threads, which then take turns; for many requests in flight use
 * {@link StuiAsyncClient}.
 *
 * <pre>{@code
 * try (StuiClient client = StuiClient.connect("tcp://127.0.0.1:5555")) {
 *     String session = client.createSession("me").sessionId();
 *     client.evaluate("x := 3", session);
 *     System.out.println(client.evaluate("x + 4", session).result()); // 7
 * }
 * }</pre>
 */
public final class StuiClient implements AutoCloseable {
    /** Reconnect interval of the sockets: a server that is back is found within this. */
    static final int RECONNECT_MILLIS = 100;

    private final ClientOptions options;
    private final ZContext context;
    private final boolean ownsContext;
    private final ClientCodec codec = ClientCodec.INSTANCE;
    private final RequestIds ids = new RequestIds();
    private volatile RetryListener retryListener = (attempt, tries, endpoint) -> {};
    private ZSocket socket;
    private boolean closed;

    /** Told each time a blocking call got no answer in time and is about to try again (or give up). */
    @FunctionalInterface
    public interface RetryListener {
        /**
         * @param failedAttempt the try that got no answer (1-based)
         * @param tries         the number of tries allowed
         * @param endpoint      the server's endpoint
         */
        void noAnswer(int failedAttempt, int tries, String endpoint);
    }

    /**
     * A client on a context the caller owns (and closes after this client).
     */
    public StuiClient(ZContext context, ClientOptions options) {
        this(context, options, false);
    }

    private StuiClient(ZContext context, ClientOptions options, boolean ownsContext) {
        this.context = Objects.requireNonNull(context, "context");
        this.options = Objects.requireNonNull(options, "options");
        this.ownsContext = ownsContext;
    }

    /** A client with its own context (closed with the client) and the given options. */
    public static StuiClient connect(ClientOptions options) {
        return new StuiClient(new ZContext(), options, true);
    }

    /** A client with its own context and default options (command encoding, 2.5 s, 3 tries). */
    public static StuiClient connect(String endpoint) {
        return connect(ClientOptions.defaults(endpoint));
    }

    /** The options this client uses. */
    public ClientOptions options() {
        return options;
    }

    /** Sets who is told about tries without an answer (e.g. to print "reconnecting..."); returns this. */
    public StuiClient onRetry(RetryListener listener) {
        this.retryListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    // ------------------------------------------------------------------ generic calls

    /**
     * Sends a request and returns the server's answer, success or error.
     *
     * @throws ServerUnavailableException if no answer came after every try
     */
    public Answer send(Request request) {
        String id = ids.next(options.encoding());
        return exchange(codec.encode(options.encoding(), id, request, options.authToken()), id, request.command());
    }

    /**
     * Sends a command with parameters given as a map (or any value Jackson writes as an object) and
     * returns the server's answer, success or error.
     *
     * @throws ServerUnavailableException if no answer came after every try
     */
    public Answer send(Command command, Object params) {
        String id = ids.next(options.encoding());
        return exchange(codec.encode(options.encoding(), id, command, params, options.authToken()), id, command);
    }

    /**
     * Sends one frame exactly as given (any bytes, valid or not) with the same retries, and returns
     * the answer frame as received. For tools that print the wire text and tests of bad input.
     *
     * @throws ServerUnavailableException if no answer came after every try
     */
    public byte[] sendFrame(byte[] frame) {
        return exchangeFrame(frame, "a raw frame");
    }

    /**
     * Sends a command with parameters given as a map (or any value Jackson writes as an object) and
     * returns the result object.
     *
     * @throws StuiException the server's error answer, or {@link ServerUnavailableException}
     */
    public JsonNode call(Command command, Object params) {
        return send(command, params).resultOrThrow();
    }

    /** Sends a request and returns its typed result, e.g. {@code EvaluateResult} for {@code Evaluate}. */
    public CommandResult call(Request request) {
        return send(request).resultAs(ResultTypes.of(request.command()));
    }

    /** Sends a request and binds its result to {@code type}. */
    public <T> T call(Request request, Class<T> type) {
        return send(request).resultAs(type);
    }

    // ------------------------------------------------------------------ core commands

    /** {@code ping}. */
    public PingResult ping() {
        return call(new Request.Ping(null), PingResult.class);
    }

    /** {@code ping} with a message to echo. */
    public PingResult ping(String message) {
        return call(new Request.Ping(message), PingResult.class);
    }

    /** Evaluates Smalltalk outside any session. */
    public EvaluateResult evaluate(String code) {
        return call(new Request.Evaluate(code), EvaluateResult.class);
    }

    /** Evaluates Smalltalk in a session's workspace (null: no session). */
    public EvaluateResult evaluate(String code, String sessionId) {
        return call(new Request.Evaluate(code, sessionId, true), EvaluateResult.class);
    }

    /** Inspects the value of an expression (depth 1). */
    public InspectResult inspect(String expression, String sessionId) {
        return call(new Request.Inspect(expression, null, sessionId, 1, false, false), InspectResult.class);
    }

    /** Inspects a registered object of a session by its id (depth 1). */
    public InspectResult inspectObject(String objectId, String sessionId) {
        return call(new Request.Inspect(null, objectId, sessionId, 1, false, false), InspectResult.class);
    }

    /** Browses a class with methods and variables. */
    public BrowseClassResult browseClass(String className) {
        return browseClass(className, null);
    }

    /** Browses a class with methods and variables, finding classes defined in a session too (null: no session). */
    public BrowseClassResult browseClass(String className, String sessionId) {
        return call(new Request.BrowseClass(className, true, true, true, sessionId), BrowseClassResult.class);
    }

    /** Lists classes matching a glob (null: all), at most {@code limit} (null: no limit). */
    public ListClassesResult listClasses(String pattern, Integer limit) {
        return listClasses(pattern, limit, null);
    }

    /** As {@link #listClasses(String, Integer)}, including the classes defined in a session (null: no session). */
    public ListClassesResult listClasses(String pattern, Integer limit, String sessionId) {
        return call(new Request.ListClasses(pattern, true, limit, sessionId), ListClassesResult.class);
    }

    /** A method's source and description. */
    public GetMethodResult getMethod(String className, String selector, boolean classSide) {
        return getMethod(className, selector, classSide, null);
    }

    /** A method's source and description, finding classes defined in a session too (null: no session). */
    public GetMethodResult getMethod(String className, String selector, boolean classSide, String sessionId) {
        return call(new Request.GetMethod(className, selector, classSide, sessionId), GetMethodResult.class);
    }

    /** {@code system_info}. */
    public SystemInfoResult systemInfo(InfoType type) {
        return call(new Request.SystemInfo(type), SystemInfoResult.class);
    }

    /** One debug operation in a session. */
    public DebugResult debug(String sessionId, DebugOperation operation) {
        return call(new Request.Debug(operation, sessionId), DebugResult.class);
    }

    // ------------------------------------------------------------------ sessions

    /** {@code create_session}. */
    public CreateSessionResult createSession(String clientId) {
        return call(new Request.CreateSession(clientId), CreateSessionResult.class);
    }

    /** {@code restore_session}. */
    public RestoreSessionResult restoreSession(String sessionId) {
        return call(new Request.RestoreSession(sessionId), RestoreSessionResult.class);
    }

    /** {@code update_session_state}. */
    public UpdateSessionStateResult updateSessionState(String sessionId, ObjectNode state) {
        return call(new Request.UpdateSessionState(sessionId, state), UpdateSessionStateResult.class);
    }

    /** {@code close_session}. */
    public CloseSessionResult closeSession(String sessionId) {
        return call(new Request.CloseSession(sessionId), CloseSessionResult.class);
    }

    /** {@code get_session_info}. */
    public SessionInfoResult sessionInfo(String sessionId) {
        return call(new Request.GetSessionInfo(sessionId), SessionInfoResult.class);
    }

    /** {@code list_client_sessions}. */
    public ListClientSessionsResult listClientSessions(String clientId) {
        return call(new Request.ListClientSessions(clientId), ListClientSessionsResult.class);
    }

    /** {@code get_session_statistics}. */
    public SessionStatisticsResult sessionStatistics() {
        return call(new Request.GetSessionStatistics(), SessionStatisticsResult.class);
    }

    // ------------------------------------------------------------------ contexts

    /** {@code save_context}: durable when it returns. */
    public SaveContextResult saveContext(String sessionId) {
        return call(new Request.SaveContext(sessionId), SaveContextResult.class);
    }

    /** {@code load_context}. */
    public LoadContextResult loadContext(String sessionId) {
        return call(new Request.LoadContext(sessionId), LoadContextResult.class);
    }

    /** {@code get_context_summary}. */
    public ContextSummaryResult contextSummary(String sessionId) {
        return call(new Request.GetContextSummary(sessionId), ContextSummaryResult.class);
    }

    /** {@code clear_context}. */
    public ClearContextResult clearContext(String sessionId) {
        return call(new Request.ClearContext(sessionId), ClearContextResult.class);
    }

    /** {@code load_code}: files by contents, into the session's workspace, or the default image when null. */
    public io.stui.protocol.result.LoadCodeResult loadCode(
            java.util.List<io.stui.protocol.request.CodeFile> files, String sessionId) {
        return call(new Request.LoadCode(files, sessionId), io.stui.protocol.result.LoadCodeResult.class);
    }

    /** {@code run_tests}: class and package globs (null: all), in the session, or the default image when null. */
    public io.stui.protocol.result.RunTestsResult runTests(String classes, String packages, String sessionId) {
        return call(new Request.RunTests(classes, packages, sessionId), io.stui.protocol.result.RunTestsResult.class);
    }

    // ------------------------------------------------------------------ Lazy Pirate

    private Answer exchange(byte[] frame, String id, Command command) {
        Answer answer = codec.decode(exchangeFrame(frame, command + " " + id));
        if (answer.requestId() != null && !id.equals(answer.requestIdText())) {
            // REQ cannot receive a stale answer; a different id is a server bug.
            throw new StuiException(
                    ErrorCode.INTERNAL_ERROR,
                    "The server answered request " + answer.requestIdText() + " instead of " + id + ".");
        }
        return answer;
    }

    private synchronized byte[] exchangeFrame(byte[] frame, String what) {
        if (closed) {
            throw new IllegalStateException("this StuiClient is closed");
        }
        int tries = options.tries();
        for (int attempt = 1; attempt <= tries; attempt++) {
            ZSocket s = socket();
            Optional<byte[]> reply = s.send(frame) ? s.receive() : Optional.empty();
            if (reply.isPresent()) {
                return reply.get();
            }
            // No answer: the REQ socket is stuck mid-exchange; drop it and start over on a new one.
            // The logger is looked up here, not in a static field: starting the logging framework costs a
            // short-lived client (stui eval) about 20 ms, and a client that gets its answer never logs.
            LoggerFactory.getLogger(StuiClient.class)
                    .warn(
                            "No answer to {} from {} within {} ms (try {} of {}){}",
                            what,
                            options.endpoint(),
                            options.timeoutMillis(),
                            attempt,
                            tries,
                            attempt < tries ? "; reconnecting and resending" : "");
            discardSocket();
            retryListener.noAnswer(attempt, tries, options.endpoint());
        }
        throw new ServerUnavailableException("No answer from " + options.endpoint() + " to " + what + " after "
                + tries + (tries == 1 ? " try" : " tries") + " of " + options.timeoutMillis()
                + " ms; check that the server is running and reachable.");
    }

    private ZSocket socket() {
        if (socket == null) {
            ZSocket s = context.createSocket(SocketType.REQ);
            s.setLinger(0);
            s.setRcvTimeout(options.timeoutMillis());
            s.setSndTimeout(options.timeoutMillis());
            s.setReconnectIvl(RECONNECT_MILLIS);
            if (options.curve() != null) {
                options.curve().apply(s);
            }
            s.connect(options.endpoint());
            socket = s;
        }
        return socket;
    }

    private void discardSocket() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    /** Closes the socket (dropping anything unsent) and, if the client made it, the context. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        discardSocket();
        if (ownsContext) {
            context.close();
        }
    }

    /** For the generic {@link #call(Command, Object)} with no parameters. */
    public JsonNode call(Command command) {
        return call(command, Map.of());
    }
}
