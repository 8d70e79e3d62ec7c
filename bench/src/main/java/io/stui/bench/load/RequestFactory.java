package io.stui.bench.load;

import io.stui.protocol.ClientCodec;
import io.stui.protocol.Encoding;
import io.stui.protocol.request.CodeFile;
import io.stui.protocol.request.DebugOperation;
import io.stui.protocol.request.Request;
import java.util.List;

/**
 * Encodes the requests of a load with core's protocol codec: one request per {@link CommandKind},
 * scoped to the client's session when it has one.
 */
final class RequestFactory {
    /** The class whose method the debug_step requests step through. */
    static final String STEP_CLASS = "BenchStepper";
    /** A loop that never ends: stepping over it stays suspended however many steps a load sends. */
    static final String STEP_METHOD = "spin\n\t| n |\n\tn := 0.\n\t[true] whileTrue: [n := n + 1].\n\t^n";
    /** The line of {@link #STEP_METHOD} that holds the breakpoint (the loop). */
    static final int STEP_LINE = 4;

    /** What load_code loads: a class and two methods, in the chunk format of a Pharo file-out. */
    static final CodeFile LOADED_FILE = new CodeFile("BenchLoaded.st", """
            Object subclass: #BenchLoaded
            \tinstanceVariableNames: 'count'
            \tclassVariableNames: ''
            \tpackage: 'Bench-Load'!

            !BenchLoaded methodsFor: 'counting'!
            increment
            \tcount := (count ifNil: [0]) + 1.
            \t^count
            !
            count
            \t^count ifNil: [0]
            ! !
            """);

    private final Encoding encoding;
    private final String code;

    RequestFactory(Encoding encoding, String code) {
        this.encoding = encoding;
        this.code = code;
    }

    /** The frame of a request of the given kind; {@code sessionId} may be null for ping and evaluate. */
    byte[] encode(CommandKind kind, String id, String sessionId) {
        return encode(kind, id, sessionId, null);
    }

    /** As {@link #encode(CommandKind, String, String)}; {@code debugId} names the evaluation debug_step steps. */
    byte[] encode(CommandKind kind, String id, String sessionId, String debugId) {
        return encode(id, request(kind, sessionId, debugId));
    }

    byte[] encode(String id, Request request) {
        return ClientCodec.INSTANCE.encode(encoding, id, request);
    }

    Request request(CommandKind kind, String sessionId, String debugId) {
        return switch (kind) {
            case PING -> new Request.Ping(null);
            case EVALUATE -> new Request.Evaluate(code, sessionId, true);
            case INSPECT -> new Request.Inspect(code, null, sessionId, 1, false, false);
            case SESSION -> new Request.GetSessionInfo(sessionId);
            case COMPLETE -> new Request.CodeCompletion("3 fact", null, null);
            case SENDERS -> new Request.Senders("printOn:", null, 0, 100);
            case DEBUG_STEP ->
                new Request.Debug(
                        DebugOperation.of(DebugOperation.Kind.STEP_OVER),
                        sessionId,
                        debugId,
                        null,
                        null,
                        null,
                        null,
                        null);
            case LOAD_CODE -> new Request.LoadCode(List.of(LOADED_FILE), sessionId);
        };
    }

    /**
     * What a client sends once, before a load with debug_step: its class and looping method, a breakpoint in the
     * loop, then the debug-mode evaluation that stops there (its answer names the debug id the steps use).
     */
    static List<Request> debugSetup(String sessionId) {
        return List.of(
                new Request.DefineClass(null, STEP_CLASS, "Object", null, null, null, "Bench", null, sessionId),
                new Request.CompileMethod(STEP_CLASS, STEP_METHOD, "bench", false, sessionId),
                new Request.Debug(
                        DebugOperation.setBreakpoint(STEP_LINE, null),
                        sessionId,
                        null,
                        STEP_CLASS,
                        "spin",
                        false,
                        null,
                        null),
                new Request.Evaluate(STEP_CLASS + " new spin", sessionId, true, "Debug", null, null, false));
    }

    /** Ends a client's suspended evaluation after the load (its thread is released at once, not at the time-out). */
    static Request.Debug debugTeardown(String sessionId, String debugId) {
        return new Request.Debug(
                DebugOperation.of(DebugOperation.Kind.TERMINATE), sessionId, debugId, null, null, null, null, null);
    }

    byte[] createSession(String id, String clientId) {
        return ClientCodec.INSTANCE.encode(encoding, id, new Request.CreateSession(clientId));
    }

    byte[] closeSession(String id, String sessionId) {
        return ClientCodec.INSTANCE.encode(encoding, id, new Request.CloseSession(sessionId));
    }
}
