package io.stui.server.cli;

import io.stui.protocol.StuiException;
import io.stui.protocol.client.StuiClient;
import io.stui.server.repl.Repl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stui repl}: an interactive Smalltalk session on a server, the terminal around {@link Repl} (which does the
 * work and is tested without one). Line editing and history with JLine; Tab completes from the server; input
 * continues on the next line while the server's {@code is_complete} says it is incomplete; Ctrl-C during an
 * evaluation interrupts it; Ctrl-D quits. Without a terminal (piped input) it reads plain lines from stdin the same
 * way.
 */
@Command(
        name = "repl",
        mixinStandardHelpOptions = true,
        description = {
            "Interactive Smalltalk on a server, in one session (variables persist).",
            "Multi-line input while brackets or quotes are open; Tab completes; Ctrl-C interrupts;",
            ":debug EXPR steps through an evaluation; :help lists the REPL's commands; Ctrl-D or :quit leaves."
        })
final class ReplCommand implements Callable<Integer> {

    @Mixin
    ClientOptionsMixin client;

    @Option(
            names = {"-s", "--session"},
            description = "Join this session instead of creating one.")
    String session;

    @Option(
            names = "--client-id",
            defaultValue = "stui-repl",
            description = "Client id for a new session (default ${DEFAULT-VALUE}).")
    String clientId;

    @Override
    public Integer call() throws Exception {
        try (StuiClient c = StuiClient.connect(client.options());
                StuiClient control = StuiClient.connect(client.options())) {
            boolean own = session == null;
            String sid;
            try {
                sid = own
                        ? c.createSession(clientId).sessionId()
                        : c.restoreSession(session).sessionId();
            } catch (StuiException e) {
                System.err.println("stui repl: " + e.code().wireName() + ": " + e.getMessage());
                return 1;
            }
            boolean console = System.console() != null;
            try (Terminal terminal =
                            console ? TerminalBuilder.builder().system(true).build() : null;
                    Repl repl = new Repl(
                            c,
                            control,
                            sid,
                            console ? new PrintStream(terminal.output(), true, StandardCharsets.UTF_8) : System.out)) {
                boolean live = repl.streamTranscript(Repl.eventsEndpoint(c), Duration.ofSeconds(2));
                if (console) {
                    interactive(terminal, repl, sid, live);
                } else {
                    piped(repl);
                }
            } finally {
                if (own) {
                    try {
                        c.closeSession(sid);
                    } catch (StuiException ignored) {
                        // the server may be gone; the session then expires by itself
                    }
                }
            }
            return 0;
        }
    }

    private void interactive(Terminal terminal, Repl repl, String sid, boolean live) throws IOException {
        // Ctrl-C outside readLine (an evaluation runs): ask the server to stop it
        terminal.handle(Terminal.Signal.INT, sig -> {
            if (repl.evaluating()) {
                repl.interrupt();
            }
        });
        DefaultParser parser = new DefaultParser() {
            @Override
            public ParsedLine parse(String line, int cursor, ParseContext context) {
                if (context == ParseContext.ACCEPT_LINE
                        && "incomplete".equals(repl.check(line).status())) {
                    throw new EOFError(-1, cursor, "incomplete input");
                }
                return super.parse(line, cursor, context);
            }
        };
        parser.setEscapeChars(new char[0]);
        parser.setQuoteChars(new char[0]);
        Path history = Path.of(System.getProperty("user.home"), ".stui", "history");
        try {
            java.nio.file.Files.createDirectories(history.getParent());
        } catch (IOException e) {
            System.err.println("stui repl: history will not be kept (" + e.getMessage() + ")");
        }
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .parser(parser)
                .completer(new ReplCompleter(repl))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P  > ")
                .build();
        terminal.writer()
                .println("STUI REPL on " + client.endpoint + ", session " + sid + (live ? " (Transcript live)" : "")
                        + ". :help for help, Ctrl-D or :quit to leave.");
        terminal.writer().flush();
        while (true) {
            String line;
            try {
                line = reader.readLine(repl.prompt());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            if (!repl.handle(line)) {
                return;
            }
        }
    }

    /** Without a terminal: lines from stdin, joined while the server says the input is incomplete. */
    private static void piped(Repl repl) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder pending = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            pending.append(line);
            if ("incomplete".equals(repl.check(pending.toString()).status())) {
                pending.append('\n');
                continue;
            }
            String code = pending.toString();
            pending.setLength(0);
            if (!repl.handle(code)) {
                return;
            }
        }
        if (!pending.isEmpty()) {
            repl.handle(pending.toString());
        }
    }
}
