package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The snapshot format: texts of any length, and the snapshots of earlier versions still read. {@code
 * snapshots/version1.snap} was written by the version 1 codec (names in {@code writeUTF}) before version 2.
 */
class SnapshotFormatTest {
    private final SmalltalkEngine engine = SmalltalkEngine.boot();

    @Test
    void aVersionOneSnapshotIsReadWithEverythingInIt() throws IOException {
        byte[] v1;
        try (InputStream in = getClass().getResourceAsStream("snapshots/version1.snap")) {
            v1 = in.readAllBytes();
        }
        assertEquals(1, ByteBuffer.wrap(v1).getInt(8), "the resource is a version 1 snapshot");
        try (Workspace r = engine.restoreWorkspace(v1)) {
            assertEquals("2", r.evaluate("n1 next value").printString());
            assertEquals("true", r.evaluate("n1 next next == n1").printString());
            assertEquals("2", r.evaluate("Node count").printString());
            assertEquals("12", r.evaluate("4 triple").printString());
            assertEquals("42", r.evaluate("Answer").printString());
            assertEquals("'caf\u00e9'", r.evaluate("word").printString());
            assertEquals("6", r.evaluate("adder value: 5").printString());
            assertEquals("265252859812191058636308480000000", r.evaluate("big").printString());
            assertEquals(
                    "'A linked node, written by the version 1 codec'",
                    r.evaluate("Node comment").printString());
            assertEquals("Lists", r.describeClass("Node").orElseThrow().info().category());
            // written again, it is a version 2 snapshot that reads back the same
            byte[] v2 = r.snapshot();
            assertEquals(2, ByteBuffer.wrap(v2).getInt(8));
            try (Workspace again = engine.restoreWorkspace(v2)) {
                assertEquals("2", again.evaluate("Node count").printString());
            }
        }
    }

    @Test
    void namesAndCommentsLongerThanSixtyFourKibibytesSurvive() {
        String longName = "v" + "x".repeat(70_000);
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate(longName + " := 7");
            ws.evaluate("Object subclass: #Big instanceVariableNames: '' classVariableNames: '' package: '"
                    + "p".repeat(70_000) + "'. Big comment: (String new: 100000 withAll: $c)");
            try (Workspace r = engine.restoreWorkspace(ws.snapshot())) {
                assertEquals("7", r.evaluate(longName).printString());
                assertEquals("100000", r.evaluate("Big comment size").printString());
                assertEquals(
                        70_000,
                        r.describeClass("Big").orElseThrow().info().category().length());
            }
        }
    }

    @Test
    void anUnknownVersionIsRefusedByNumber() {
        byte[] bytes;
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate("a := 1");
            bytes = ws.snapshot();
        }
        ByteBuffer.wrap(bytes).putInt(8, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.restoreWorkspace(bytes));
        assertTrue(e.getMessage().contains("unsupported snapshot version 3"), e.getMessage());
    }
}
