package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stui.smalltalk.syntax.Parser;
import io.stui.smalltalk.syntax.SyntaxError;
import java.nio.charset.StandardCharsets;

/**
 * The two readers of untrusted bytes in the engine, against arbitrary input (Jazzer): Smalltalk source (every
 * evaluate, every compiled method) and workspace snapshots (read back from the store). Source parses or fails with a
 * {@link SyntaxError} that points inside it; a snapshot restores or is refused with an
 * {@link IllegalArgumentException}; nothing else escapes, whatever the bytes. In the normal test run only the committed
 * inputs under {@code SourceAndSnapshotFuzzTestInputs/} are replayed; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SourceAndSnapshotFuzzTest {

    private static final SmalltalkEngine ENGINE = SmalltalkEngine.boot();

    @FuzzTest(maxDuration = "5s")
    void sourceParsesOrNamesWhereItIsWrong(byte[] bytes) {
        String source = new String(bytes, StandardCharsets.UTF_8);
        for (boolean method : new boolean[] {false, true}) {
            try {
                if (method) Parser.parseMethod(source);
                else Parser.parseDoit(source);
            } catch (SyntaxError e) {
                assertTrue(
                        e.offset() >= 0 && e.offset() <= source.length(),
                        () -> "offset " + e.offset() + " outside a source of " + source.length());
                assertTrue(e.line() >= 1 && e.column() >= 1, e::getMessage);
            }
        }
    }

    @FuzzTest(maxDuration = "5s")
    void snapshotRestoresOrIsRefused(byte[] snapshot) {
        try (Workspace restored = ENGINE.restoreWorkspace(snapshot)) {
            restored.variables(); // a restored workspace answers what it holds
        } catch (IllegalArgumentException refused) {
            assertTrue(refused.getMessage() != null && refused.getMessage().length() < 2048);
        }
    }
}
