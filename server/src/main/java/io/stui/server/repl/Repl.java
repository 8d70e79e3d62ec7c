package io.stui.server.repl;

import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.protocol.client.StuiClient;
import io.stui.protocol.request.DebugOperation;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.CompletionResult;
import io.stui.protocol.result.DebugInfo;
import io.stui.protocol.result.DebugResult;
import io.stui.protocol.result.DescribeResult;
import io.stui.protocol.result.EvaluateResult;
import io.stui.protocol.result.InterruptResult;
import io.stui.protocol.result.IsCompleteResult;
import io.stui.protocol.result.StackFrame;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * What {@code stui repl} does with each input, apart from the terminal: Smalltalk is evaluated in the REPL's
 * session; {@code :help}, {@code :quit} and {@code :debug EXPR} are the REPL's own, as are {@code s}, {@code n},
 * {@code o}, {@code c}, {@code bt} and {@code p EXPR} while an evaluation is suspended in the debugger. Completion
 * and the multi-line check ask the server ({@code complete}, {@code is_complete}); {@link #interrupt} (Ctrl-C) asks
 * it to stop the running evaluation over a second connection, since the first is waiting for that evaluation's
 * answer. Transcript output comes from the events socket as it is written, when the server has one.
 */
public final class Repl implements AutoCloseable {

    static final String HELP = """
            Smalltalk is evaluated in this REPL's session (variables persist). Input goes on while a bracket,
            string or comment is open. Tab completes, Ctrl-C stops a running evaluation, Ctrl-D leaves.
              :help           this text
              :quit           leave (also :q)
              :debug EXPR     evaluate EXPR in the debugger: it stops at `self halt`, a breakpoint or an error
            While suspended (prompt debug>):
              s / n / o       step into / over / out of the current send
              c               continue to the end (or the next halt)
              bt              the stack, innermost frame first
              p EXPR          evaluate EXPR in the current frame
              :abort          terminate the suspended evaluation""";

    /** How long an answer waits for the Transcript output before it (the events travel on another socket). */
    private static final Duration TRANSCRIPT_WAIT = Duration.ofSeconds(2);

    private final StuiClient client;
    private final StuiClient control;
    private final String sessionId;
    private final PrintStream out;
    private ReplEvents events;
    private volatile boolean evaluating;
    private String debugId;
    /** The live Transcript output shown last did not end its line (guarded by {@link #out}). */
    private boolean midLine;

    /**
     * @param client    runs evaluations (it waits for their answers)
     * @param control   sends {@code interrupt} while {@code client} waits
     * @param sessionId the session evaluations run in
     * @param out       where answers and Transcript output go
     */
    public Repl(StuiClient client, StuiClient control, String sessionId, PrintStream out) {
        this.client = client;
        this.control = control;
        this.sessionId = sessionId;
        this.out = out;
    }

    /** The events endpoint the server names in {@code describe}, or null when it has none. */
    public static String eventsEndpoint(StuiClient c) {
        try {
            Object e = ((DescribeResult) c.call(new Request.Describe()))
                    .capabilities()
                    .get("events_endpoint");
            return e == null ? null : e.toString();
        } catch (StuiException | ClassCastException e) {
            return null; // an older server: Transcript output then comes with each answer
        }
    }

    /**
     * Shows Transcript output live from the server's events socket; false when the subscription was not confirmed
     * in time (Transcript output then comes with each answer).
     */
    public boolean streamTranscript(String endpoint, Duration wait) {
        if (endpoint == null) {
            return false;
        }
        events = ReplEvents.subscribe(endpoint, sessionId, client.options().authToken(), this::transcriptLive, wait)
                .orElse(null);
        return events != null;
    }

    /** The prompt for the next input. */
    public String prompt() {
        return debugId == null ? "st> " : "debug> ";
    }

    /** True while an evaluation (or a debugger step) runs. */
    public boolean evaluating() {
        return evaluating;
    }

    /**
     * Whether {@code code} is a whole input ({@code complete}), needs more lines ({@code incomplete}) or cannot be
     * completed ({@code invalid}, evaluated as is so the error shows). The REPL's own commands are complete.
     */
    public IsCompleteResult check(String code) {
        String t = code.strip();
        if (t.startsWith(":") || (debugId != null && isDebugCommand(t))) {
            return new IsCompleteResult("complete", "");
        }
        try {
            return (IsCompleteResult) client.call(new Request.IsComplete(code));
        } catch (StuiException e) {
            return new IsCompleteResult("complete", ""); // let the evaluation say what is wrong
        }
    }

    /** Completion candidates for {@code code} at {@code cursor}, from the server; empty on error. */
    public CompletionResult complete(String code, int cursor) {
        try {
            return (CompletionResult) client.call(new Request.CodeCompletion(code, cursor, sessionId));
        } catch (StuiException e) {
            return new CompletionResult(List.of(), cursor, cursor);
        }
    }

    /** Asks the server to stop the running evaluation (Ctrl-C); true when one was stopped. */
    public boolean interrupt() {
        try {
            return ((InterruptResult) control.call(new Request.Interrupt(sessionId, null))).interrupted();
        } catch (StuiException e) {
            print("interrupt failed: " + e.code().wireName() + ": " + e.getMessage() + "\n");
            return false;
        }
    }

    /** Handles one whole input; false when the user asked to leave. */
    public boolean handle(String input) {
        String t = input.strip();
        if (t.isEmpty()) {
            return true;
        }
        if (t.equals(":quit") || t.equals(":q")) {
            return false;
        }
        if (t.equals(":help") || t.equals(":h")) {
            print(HELP + "\n");
        } else if (t.startsWith(":debug ")) {
            debugEvaluate(t.substring(":debug ".length()));
        } else if (debugId != null && isDebugCommand(t)) {
            debugCommand(t);
        } else if (t.startsWith(":")) {
            print("Unknown REPL command " + t.split("\\s", 2)[0] + "; :help lists them.\n");
        } else {
            evaluate(input);
        }
        return true;
    }

    private static boolean isDebugCommand(String t) {
        return List.of("s", "n", "o", "c", "bt", ":abort").contains(t) || t.startsWith("p ");
    }

    private void evaluate(String code) {
        run(true, () -> {
            EvaluateResult r = client.evaluate(code, sessionId);
            return () -> {
                if (events == null) {
                    transcript(r.transcript());
                }
                print(r.result() + "\n");
            };
        });
    }

    private void debugEvaluate(String code) {
        run(true, () -> {
            EvaluateResult r = (EvaluateResult)
                    client.call(new Request.Evaluate(code, sessionId, true, "Debug", null, null, false));
            if (Boolean.TRUE.equals(r.suspended())) {
                debugId = r.debugId();
                DebugResult where = debug(DebugOperation.Kind.GET_STACK_TRACE, null);
                return () -> print(where.result() + "\n");
            }
            return () -> {
                if (events == null) {
                    transcript(r.transcript());
                }
                print(r.result() + "\n");
            };
        });
    }

    private void debugCommand(String t) {
        if (t.equals("bt")) {
            run(false, () -> {
                DebugResult d = debug(DebugOperation.Kind.GET_STACK_TRACE, null);
                return () -> backtrace(d.debugInfo());
            });
            return;
        }
        if (t.startsWith("p ")) {
            run(false, () -> {
                DebugResult d = debug(DebugOperation.Kind.EVALUATE_IN_FRAME, t.substring(2));
                return () -> print(d.result() + "\n");
            });
            return;
        }
        DebugOperation.Kind kind = switch (t) {
            case "s" -> DebugOperation.Kind.STEP_INTO;
            case "n" -> DebugOperation.Kind.STEP_OVER;
            case "o" -> DebugOperation.Kind.STEP_OUT;
            case "c" -> DebugOperation.Kind.CONTINUE;
            default -> DebugOperation.Kind.TERMINATE;
        };
        run(true, () -> {
            DebugResult d = debug(kind, null);
            if (!"suspended".equals(d.debugInfo().state())) {
                debugId = null;
            }
            return () -> print(d.result() + "\n");
        });
    }

    private DebugResult debug(DebugOperation.Kind kind, String code) {
        return (DebugResult) client.call(
                new Request.Debug(DebugOperation.of(kind), sessionId, debugId, null, null, null, null, code));
    }

    private void backtrace(DebugInfo info) {
        StringBuilder b = new StringBuilder();
        if (info.frames() != null) {
            for (StackFrame f : info.frames()) {
                b.append(String.format("  #%d %s  line %d%n", f.index(), f.method(), f.line()));
            }
        } else if (info.stackTrace() != null) {
            info.stackTrace().forEach(s -> b.append("  ").append(s).append('\n'));
        }
        print(b.toString());
    }

    /** A request whose answer is shown after the Transcript output it caused. */
    private interface Call {
        Runnable answer();
    }

    /**
     * Runs a call and shows its answer; {@code runsCode}: the call runs Smalltalk, so the answer waits (bounded) for
     * the server's idle event, after which all the Transcript output it wrote has been shown.
     */
    private void run(boolean runsCode, Call call) {
        long idles = events == null ? 0 : events.idles();
        boolean ran = runsCode;
        evaluating = true;
        Runnable show;
        try {
            show = call.answer();
        } catch (StuiException e) {
            // these answers come from code that ran; the others (no session, a bad request) ran nothing
            ran &= e.code() == ErrorCode.EVALUATION_ERROR
                    || e.code() == ErrorCode.COMPILATION_ERROR
                    || e.code() == ErrorCode.TIMEOUT
                    || e.code() == ErrorCode.INTERRUPTED;
            show = () -> print(e.code().wireName() + ": " + e.getMessage() + "\n");
        } finally {
            evaluating = false;
        }
        if (events != null && ran) {
            events.awaitIdle(idles, TRANSCRIPT_WAIT);
        }
        synchronized (out) {
            if (midLine) { // the answer starts on a line of its own
                print("\n");
                midLine = false;
            }
        }
        show.run();
    }

    /** Transcript output from the events socket, as written: it may stop in the middle of a line. */
    private void transcriptLive(String text) {
        synchronized (out) {
            print(text);
            midLine = !text.isEmpty() && !text.endsWith("\n") || (text.isEmpty() && midLine);
        }
    }

    private void transcript(String text) {
        if (text != null && !text.isEmpty()) {
            print(text.endsWith("\n") ? text : text + "\n");
        }
    }

    private void print(String s) {
        synchronized (out) {
            out.print(s);
            out.flush();
        }
    }

    @Override
    public void close() {
        if (events != null) {
            events.close();
        }
    }
}
