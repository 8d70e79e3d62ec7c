package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data-driven printString checks: each line of expressions.txt is {@code expression ⇒ expected printString}
 * (or {@code ⇒ ERROR ClassName} for an unhandled error), evaluated in a fresh workspace.
 */
class ExpressionTableTest {
    private static SmalltalkEngine engine;

    @BeforeAll
    static void boot() {
        engine = SmalltalkEngine.boot();
    }

    @AfterAll
    static void done() {
        engine = null;
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = ExpressionTableTest.class.getResourceAsStream("expressions.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String pending = null;
            int lineNo = 0;
            for (String line : text.split("\n", -1)) {
                lineNo++;
                if (pending == null && (line.isBlank() || line.startsWith("# "))) continue;
                String full = pending == null ? line : pending + "\n" + line;
                int arrow = full.lastIndexOf(" ⇒ ");
                if (arrow < 0) {
                    pending = full;
                    continue;
                }
                pending = null;
                out.add(Arguments.of(lineNo, full.substring(0, arrow), full.substring(arrow + 3)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{index}: line {0}: {1}")
    @MethodSource("cases")
    void printString(int line, String expression, String expected) {
        try (Workspace ws = engine.newWorkspace()) {
            EvalResult r = ws.evaluate(expression);
            if (expected.startsWith("ERROR ")) {
                assertFalse(r.ok(), () -> "expected an error but got " + r.printString());
                assertEquals(
                        expected.substring(6),
                        r.failure().errorClass(),
                        () -> r.failure().describe());
            } else {
                assertTrue(
                        r.ok(),
                        () -> "line " + line + " failed: " + r.failure().describe() + " "
                                + r.failure().stackTrace());
                assertEquals(expected, r.printString(), () -> "line " + line + ": " + expression);
            }
        }
    }
}
