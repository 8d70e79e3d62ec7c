package io.stui.server.cli;

import io.stui.protocol.result.CompletionCandidate;
import io.stui.protocol.result.CompletionResult;
import io.stui.server.repl.Repl;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab in {@code stui repl}: the server's {@code complete} for the whole input so far, at the cursor. */
final class ReplCompleter implements Completer {

    private final Repl repl;

    ReplCompleter(Repl repl) {
        this.repl = repl;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String buffer = reader.getBuffer().toString();
        int cursor = reader.getBuffer().cursor();
        CompletionResult r = repl.complete(buffer, cursor);
        // JLine replaces the word it parsed; the server names its own range, which for Smalltalk ends the same
        // way (the identifier or keyword part at the cursor), so the candidate text is what replaces that word
        for (CompletionCandidate c : r.candidates()) {
            candidates.add(new Candidate(c.text(), c.text(), c.kind(), c.detail(), null, null, true));
        }
    }
}
