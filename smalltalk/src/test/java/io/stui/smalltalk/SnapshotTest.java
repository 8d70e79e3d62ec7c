package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Snapshot → restore into a fresh workspace gives equal state. */
class SnapshotTest {
    private final SmalltalkEngine engine = SmalltalkEngine.boot();

    private Workspace roundTrip(Workspace ws) {
        byte[] bytes = ws.snapshot();
        return engine.restoreWorkspace(bytes);
    }

    @Test
    void variablesWithCyclesAndSharedReferences() {
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate(
                    "a := OrderedCollection new. a add: a; add: 'shared'. b := Array with: (a at: 2) with: (a at: 2). c := 100 factorial. d := 3/4. e := #sym -> $x. f := 2.5. g := #[1 2]. h := Set withAll: #(1 2 3)");
            try (Workspace r = roundTrip(ws)) {
                assertEquals("true", r.evaluate("(a at: 1) == a").printString());
                assertEquals("true", r.evaluate("(b at: 1) == (b at: 2)").printString());
                assertEquals("true", r.evaluate("(b at: 1) == (a at: 2)").printString());
                assertEquals(ws.evaluate("c").printString(), r.evaluate("c").printString());
                assertEquals("(3/4)", r.evaluate("d").printString());
                assertEquals("#sym->$x", r.evaluate("e").printString());
                assertEquals("2.5", r.evaluate("f").printString());
                assertEquals("#[1 2]", r.evaluate("g").printString());
                assertEquals(
                        "true", r.evaluate("(h includes: 2) and: [h size = 3]").printString());
                assertEquals(
                        ws.variables().stream()
                                .map(v -> v.name() + " " + v.className() + " " + v.printString())
                                .toList(),
                        r.variables().stream()
                                .map(v -> v.name() + " " + v.className() + " " + v.printString())
                                .toList());
            }
        }
    }

    @Test
    void aMethodMovedToAnotherProtocolStaysThere() {
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate("Object subclass: #Shelf instanceVariableNames: '' classVariableNames: '' package: 'P'."
                    + " Shelf compile: 'size ^0' classified: 'accessing'. Shelf classify: #size under: #measuring");
            try (Workspace r = roundTrip(ws)) {
                assertEquals(
                        "#measuring",
                        r.evaluate("Shelf protocolNameOfSelector: #size").printString());
                assertEquals("#(#measuring)", r.evaluate("Shelf protocolNames").printString());
            }
        }
    }

    @Test
    void userClassesMethodsExtensionsAndInstances() {
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate(
                    "Object subclass: #Node instanceVariableNames: 'value next' classVariableNames: 'Count' package: 'Lists'."
                            + " Node compile: 'value ^value'. Node compile: 'value: v value := v'. Node compile: 'next ^next'. Node compile: 'next: n next := n'."
                            + " Node class compile: 'count ^Count'. Node class compile: 'bump Count := (Count ifNil: [0]) + 1'."
                            + " Node subclass: #SpecialNode instanceVariableNames: 'tag' classVariableNames: '' package: 'Lists'."
                            + " Integer compile: 'triple ^self * 3'."
                            + " n1 := Node new value: 1. n2 := Node new value: 2. n1 next: n2. n2 next: n1. Node bump; bump."
                            + " s := SpecialNode new value: 9. Smalltalk at: #Answer put: 42");
            try (Workspace r = roundTrip(ws)) {
                assertEquals("2", r.evaluate("n1 next value").printString());
                assertEquals("true", r.evaluate("n1 next next == n1").printString());
                assertEquals("2", r.evaluate("Node count").printString());
                assertEquals("9", r.evaluate("s value").printString());
                assertEquals("SpecialNode", r.evaluate("s class").printString());
                assertEquals("12", r.evaluate("4 triple").printString());
                assertEquals("42", r.evaluate("Answer").printString());
                assertEquals(
                        "Lists", r.describeClass("Node").orElseThrow().info().category());
                assertEquals(ws.method("Node", "value:", false), r.method("Node", "value:", false));
                assertEquals(ws.describeClass("SpecialNode"), r.describeClass("SpecialNode"));
            }
            // the restored workspace is independent of the original
            try (Workspace other = engine.newWorkspace()) {
                assertEquals(
                        "MessageNotUnderstood",
                        other.evaluate("4 triple").failure().errorClass());
            }
        }
    }

    @Test
    void blocksHistoryAndRegistrySurvive() {
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate("k := 10. adder := [:x | x + k]. counter := 0. inc := [counter := counter + 1]");
            String id = ws.evaluate("pt := 5@6").objectId();
            try (Workspace r = roundTrip(ws)) {
                assertEquals(ws.history(), r.history());
                assertEquals("15", r.evaluate("adder value: 5").printString());
                r.evaluate("inc value. inc value");
                assertEquals("2", r.evaluate("counter").printString());
                assertEquals("(5@6)", r.inspect(id, true).orElseThrow().printString());
                assertEquals(id, r.evaluate("pt").objectId());
            }
        }
    }

    @Test
    void snapshotOfSnapshotIsStable() {
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate("x := Dictionary new. x at: #a put: (1 to: 5) asArray; at: #b put: 'text'");
            try (Workspace r1 = roundTrip(ws);
                    Workspace r2 = roundTrip(r1)) {
                assertEquals(ws.evaluate("x").printString(), r2.evaluate("x").printString());
            }
        }
    }

    @Test
    void contextsMethodsAndClassesAsValues() {
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate(
                    "ctx := thisContext. m := Point >> #x. mc := Point class. blk := [:a | | t | t := a * 2. [t + 1]]. inner := blk value: 5");
            try (Workspace r = roundTrip(ws)) {
                assertEquals(
                        "UndefinedObject>>DoIt",
                        r.evaluate("ctx printString").printString().replace("'", ""));
                assertEquals("Point>>#x", r.evaluate("m").printString());
                assertEquals("Point class", r.evaluate("mc").printString());
                assertEquals("11", r.evaluate("inner value").printString());
                assertEquals("7", r.evaluate("(blk value: 3) value").printString());
            }
        }
    }

    @Test
    void longLinkedStructure() {
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate("head := nil. 1 to: 100000 do: [:i | head := Array with: i with: head]");
            try (Workspace r = roundTrip(ws)) {
                assertEquals(
                        "100000",
                        r.evaluate("n := 0. p := head. [p notNil] whileTrue: [n := n + 1. p := p at: 2]. n")
                                .printString());
            }
        }
    }

    @Test
    void garbageIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> engine.restoreWorkspace(new byte[] {1, 2, 3}));
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate("x := 1");
            byte[] b = ws.snapshot();
            byte[] cut = java.util.Arrays.copyOf(b, b.length - 5);
            assertThrows(IllegalArgumentException.class, () -> engine.restoreWorkspace(cut));
            assertTrue(b.length > 8);
        }
    }
}
