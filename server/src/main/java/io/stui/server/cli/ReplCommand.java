package io.stui.server.cli;

import io.stui.protocol.StuiException;
import io.stui.protocol.client.StuiClient;
import io.stui.protocol.result.EvaluateResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * {@code stui repl}: an interactive Smalltalk session on a server. Line editing and history with
 * JLine; input continues on the next line while a string, comment or bracket is open; Ctrl-D quits.
 * Without a terminal (piped input) it reads plain lines from stdin the same way.
 */
@Command(
        name = "repl",
        mixinStandardHelpOptions = true,
        description = {
            "Interactive Smalltalk on a server, in one session (variables persist).",
            "Multi-line input while brackets or quotes are open; Ctrl-D or :quit leaves."
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
        try (StuiClient c = StuiClient.connect(client.options())) {
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
            try {
                if (System.console() != null) {
                    interactive(c, sid);
                } else {
                    piped(c, sid);
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

    private void interactive(StuiClient c, String sid) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            DefaultParser parser = new DefaultParser() {
                @Override
                public ParsedLine parse(String line, int cursor, ParseContext context) {
                    if (context == ParseContext.ACCEPT_LINE && !InputCompleteness.isComplete(line)) {
                        throw new EOFError(-1, cursor, "open bracket or quote");
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
                    .variable(LineReader.HISTORY_FILE, history)
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P  > ")
                    .build();
            PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
            out.println("STUI REPL on " + client.endpoint + ", session " + sid + ". Ctrl-D or :quit to leave.");
            while (true) {
                String line;
                try {
                    line = reader.readLine("st> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return;
                }
                if (!handle(c, sid, line, out)) {
                    return;
                }
            }
        }
    }

    private void piped(StuiClient c, String sid) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder pending = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            pending.append(line);
            if (!InputCompleteness.isComplete(pending.toString())) {
                pending.append('\n');
                continue;
            }
            String code = pending.toString();
            pending.setLength(0);
            if (!handle(c, sid, code, System.out)) {
                return;
            }
        }
        if (!pending.isEmpty()) {
            handle(c, sid, pending.toString(), System.out);
        }
    }

    /** Evaluates one input; false when the user asked to leave. */
    private static boolean handle(StuiClient c, String sid, String code, PrintStream out) {
        String trimmed = code.strip();
        if (trimmed.isEmpty()) {
            return true;
        }
        if (trimmed.equals(":quit") || trimmed.equals(":q")) {
            return false;
        }
        try {
            EvaluateResult r = c.evaluate(code, sid);
            if (!r.transcript().isEmpty()) {
                out.print(r.transcript());
                if (!r.transcript().endsWith("\n")) {
                    out.println();
                }
            }
            out.println(r.result());
        } catch (StuiException e) {
            out.println(e.code().wireName() + ": " + e.getMessage());
        }
        return true;
    }
}
