package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Sessions as private layers over the image: a layer sees its base's classes, globals and methods plus its own;
 * what it defines stays in it; its snapshot holds its own layer only; it sees the base as the base last published
 * it, whole, however the base changes meanwhile.
 */
class LayersTest {
    private final SmalltalkEngine engine = SmalltalkEngine.boot();

    private static String eval(Workspace ws, String code) {
        EvalResult r = ws.evaluate(code);
        if (!r.ok()) throw new AssertionError(code + " failed: " + r.failure().describe());
        return r.printString();
    }

    /** An image with a class, a global and a kernel extension, published as the server's image does after a use. */
    private Workspace image() {
        Workspace image = engine.newWorkspace();
        eval(
                image,
                "Object subclass: #Shape instanceVariableNames: 'side' classVariableNames: 'Made' package: 'Shapes'."
                        + " Shape compile: 'side: n side := n'. Shape compile: 'area ^side * side'."
                        + " Shape class compile: 'unit ^self new side: 1'."
                        + " Integer compile: 'double ^self * 2'. Smalltalk at: #Answer put: 42");
        image.publish();
        return image;
    }

    @Test
    void aLayerSeesTheImageClassesGlobalsAndExtensions() {
        try (Workspace image = image();
                Workspace session = engine.newLayer(image)) {
            assertTrue(session.isLayer());
            assertEquals("9", eval(session, "(Shape new side: 3) area"));
            assertEquals("1", eval(session, "Shape unit area"));
            assertEquals("42", eval(session, "Answer"));
            assertEquals("8", eval(session, "4 double"));
            assertTrue(session.describeClass("Shape").isPresent());
            assertTrue(session.listClasses("Sha*", false).stream()
                    .anyMatch(c -> c.name().equals("Shape")));
            assertTrue(session.navigation().implementors("area", 0, 10).items().stream()
                    .anyMatch(r -> r.className().equals("Shape")));
            assertTrue(session.complete("Sha", 3).candidates().stream()
                    .anyMatch(c -> c.text().equals("Shape")));
        }
    }

    @Test
    void whatALayerDefinesStaysInIt() {
        try (Workspace image = image();
                Workspace session = engine.newLayer(image);
                Workspace other = engine.newLayer(image)) {
            eval(
                    session,
                    "Shape compile: 'perimeter ^side * 4'. Integer compile: 'double ^self * 20'."
                            + " Shape subclass: #Cube instanceVariableNames: '' classVariableNames: '' package: 'Mine'."
                            + " Cube compile: 'volume ^self area * side'. Smalltalk at: #Mine put: 7");
            assertEquals("12", eval(session, "(Shape new side: 3) perimeter"));
            assertEquals("27", eval(session, "(Cube new side: 3) volume"));
            assertEquals("80", eval(session, "4 double"), "the session's own method wins over the image's");
            for (Workspace ws : new Workspace[] {image, other}) {
                assertEquals("false", eval(ws, "(Shape new respondsTo: #perimeter)"));
                assertEquals("false", eval(ws, "Smalltalk includesKey: #Cube"));
                assertEquals("false", eval(ws, "Smalltalk includesKey: #Mine"));
                assertEquals("8", eval(ws, "4 double"));
                assertTrue(ws.describeClass("Cube").isEmpty());
            }
            // redefining an image class: copy on write, the session's class keeps the image's methods
            eval(
                    session,
                    "Object subclass: #Shape instanceVariableNames: 'side colour' classVariableNames: 'Made'"
                            + " package: 'Shapes'. Shape compile: 'colour ^colour ifNil: [#red]'");
            assertEquals("#red", eval(session, "Shape new colour"));
            assertEquals("16", eval(session, "(Shape new side: 4) area"));
            assertEquals("#(#side)", eval(image, "Shape instVarNames"), "the image's class is unchanged");
            assertEquals("false", eval(image, "Shape new respondsTo: #colour"));
            // the image's own classes cannot be removed or changed in place from a session
            assertThrows(IllegalArgumentException.class, () -> other.editor().removeClass("Shape"));
            assertThrows(IllegalArgumentException.class, () -> other.editor().removeMethod("Shape", "area", false));
            assertFalse(other.evaluate("Shape comment: 'mine'").ok());
        }
    }

    @Test
    void aLayerSeesWhatTheImagePublishesAtItsNextEvaluation() {
        try (Workspace image = image();
                Workspace session = engine.newLayer(image)) {
            assertEquals("9", eval(session, "(Shape new side: 3) area"));
            eval(image, "Shape compile: 'area ^side * side * 10'. Shape compile: 'name ^#square'");
            assertEquals("9", eval(session, "(Shape new side: 3) area"), "nothing shows before the image publishes");
            image.publish();
            assertEquals("90", eval(session, "(Shape new side: 3) area"));
            assertEquals("#square", eval(session, "Shape new name"));
            assertTrue(session.method("Shape", "name", false).isPresent(), "browsing sees it too");
        }
    }

    @Test
    void aLayersSnapshotHoldsItsOwnLayerAndReadsTheImageAsItIsNow() {
        byte[] bytes;
        try (Workspace image = image();
                Workspace session = engine.newLayer(image)) {
            eval(session, "Shape compile: 'perimeter ^side * 4'. s := Shape new side: 2. mine := 5 double");
            bytes = session.snapshot();
        }
        // a later image, where Shape's area changed: the restored session sees the image as it is now
        try (Workspace later = image()) {
            eval(later, "Shape compile: 'area ^side * side + 1000'");
            later.publish();
            try (Workspace restored = engine.restoreLayer(later, bytes)) {
                assertEquals("8", eval(restored, "s perimeter"), "the session's own method came back");
                assertEquals("1004", eval(restored, "s area"), "the image's method is the image's of now");
                assertEquals("10", eval(restored, "mine"));
                assertEquals("true", eval(restored, "s class == Shape"));
            }
            assertEquals("false", eval(later, "Shape new respondsTo: #perimeter"));
        }
        // an image without Shape: the layer cannot be read, and says why
        try (Workspace empty = engine.newWorkspace()) {
            empty.publish();
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> engine.restoreLayer(empty, bytes));
            assertTrue(e.getMessage().contains("Shape"), e.getMessage());
        }
    }

    /** A snapshot written by main's code (version 1, before layers; see the resource's commit) is still read. */
    @Test
    void aVersionOneSnapshotIsStillRead() throws Exception {
        byte[] v1;
        try (InputStream in = LayersTest.class.getResourceAsStream("snapshot-v1-main-b0b8e8a.bin")) {
            v1 = in.readAllBytes();
        }
        try (Workspace image = image();
                Workspace plain = engine.restoreWorkspace(v1);
                Workspace layer = engine.restoreLayer(image, v1)) {
            for (Workspace ws : new Workspace[] {plain, layer}) {
                assertEquals("2", eval(ws, "n1 next value"));
                assertEquals("true", eval(ws, "n1 next next == n1"));
                assertEquals("2", eval(ws, "Node count"));
                assertEquals("12", eval(ws, "4 triple"));
                assertEquals("42", eval(ws, "Answer"));
                assertEquals("an OrderedCollection('alpha' #beta)", eval(ws, "words"));
                assertEquals("8", eval(ws, "adder value: 7"));
            }
            assertEquals("9", eval(layer, "(Shape new side: 3) area"), "the layer sees the image too");
        }
    }

    /**
     * The image changes two methods together, again and again, publishing after each change, while a session
     * evaluates both: every evaluation sees the two from the same change (one state of the image, never half of
     * one), and the session sees changes as they come.
     */
    @Test
    void aSessionEvaluationSeesOneStateOfTheImageWhileTheImageChanges() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Workspace image = image();
                Workspace session = engine.newLayer(image)) {
            eval(image, "Shape compile: 'a ^0'. Shape compile: 'b ^0'");
            image.publish();
            AtomicBoolean done = new AtomicBoolean();
            int changes = 300;
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 1; i <= changes; i++) {
                        eval(image, "Shape compile: 'a ^" + i + "'. Shape compile: 'b ^" + i + "'");
                        image.publish();
                    }
                } finally {
                    done.set(true);
                }
            });
            Future<Integer> reader = pool.submit(() -> {
                int seen = 0;
                long last = -1;
                boolean finalRound = false;
                while (!finalRound) {
                    finalRound = done.get(); // one more evaluation after the last change
                    String pair = eval(session, "| s | s := Shape new. s a printString , ' ' , s b printString");
                    String[] ab = pair.replace("'", "").split(" ");
                    assertEquals(ab[0], ab[1], "torn view of the image: " + pair);
                    long now = Long.parseLong(ab[0]);
                    assertTrue(now >= last, "the image went back in time: " + last + " then " + now);
                    if (now != last) seen++;
                    last = now;
                }
                return seen;
            });
            writer.get();
            assertTrue(reader.get() >= 1);
            assertEquals(
                    changes + " " + changes,
                    eval(session, "Shape new a printString , ' ' , Shape new b printString")
                            .replace("'", ""));
        } finally {
            pool.shutdownNow();
        }
    }
}
