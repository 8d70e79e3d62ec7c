package io.stui.smalltalk.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.smalltalk.Reflection;
import io.stui.smalltalk.SmalltalkEngine;
import io.stui.smalltalk.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compiling, defining and removing code; the changes show in browsing at once and survive a snapshot. */
class EditorTest {
    private final SmalltalkEngine engine = SmalltalkEngine.boot();

    @Test
    void aSyntaxErrorSaysWhereThenTheFixedMethodCompiles() {
        try (Workspace ws = engine.newWorkspace()) {
            Editor ed = ws.editor();
            ed.defineClass("Point3", "Object", "x y z", "", "", "Geometry");
            CompileOutcome bad = ed.compileMethod("Point3", "sum\n\t^x + y + )", "accessing", false);
            assertFalse(bad.ok());
            assertEquals(2, bad.line());
            assertEquals(11, bad.column());
            assertTrue(ws.method("Point3", "sum", false).isEmpty());
            CompileOutcome good = ed.compileMethod("Point3", "sum\n\t^x + y + z", "accessing", false);
            assertEquals("sum", good.selector());
            assertEquals(
                    "accessing", ws.method("Point3", "sum", false).orElseThrow().category());
            assertEquals(
                    "6",
                    ws.evaluate(
                                    "(Point3 new instVarAt: 1 put: 1; instVarAt: 2 put: 2; instVarAt: 3 put: 3; yourself) sum")
                            .printString());
            assertEquals(
                    "x:y:z:",
                    ed.compileMethod("Point3", "x: a y: b z: c\n\t^self new", null, true)
                            .selector());
            assertEquals(
                    List.of("x:y:z:"), ws.describeClass("Point3").orElseThrow().classMethods());
            assertThrows(IllegalArgumentException.class, () -> ed.compileMethod("Nope", "foo ^1", null, false));
            CompileOutcome undeclared = ed.compileMethod("Point3", "bad\n\tself := 3", null, false);
            assertFalse(undeclared.ok());
            assertEquals(2, undeclared.line());
        }
    }

    @Test
    void definitionsRemovalsAndASnapshotRoundTrip() {
        byte[] snap;
        try (Workspace ws = engine.newWorkspace()) {
            Editor ed = ws.editor();
            ed.defineClass("Account", "Object", "balance", "Rate", "count", "Bank");
            Reflection.ClassDescription d = ws.describeClass("Account").orElseThrow();
            assertEquals(List.of("balance"), d.instanceVariables());
            assertEquals(List.of("Rate"), d.classVariables());
            assertEquals(List.of("count"), d.classInstanceVariables());
            assertEquals("Bank", d.info().category());
            ed.compileMethod("Account", "balance\n\t^balance ifNil: [0]", "accessing", false);
            ed.compileMethod("Integer", "double\n\t^self * 2", "extensions", false);
            assertEquals("14", ws.evaluate("7 double").printString());
            Reflection.ClassDescription sub = ws.defineClass(
                    "Account subclass: #Savings instanceVariableNames: 'rate' classVariableNames: '' package: 'Bank'");
            assertEquals("Savings", sub.info().name());
            assertEquals("Account", sub.info().superclass());
            assertThrows(IllegalArgumentException.class, () -> ws.defineClass("3 + 4"));
            assertThrows(IllegalArgumentException.class, () -> ed.removeClass("Account"));
            assertThrows(IllegalArgumentException.class, () -> ed.defineClass("Integer", "Object", "", "", "", "x"));
            assertThrows(IllegalArgumentException.class, () -> ed.removeMethod("Integer", "factorial", false));
            assertTrue(ws.navigation().implementors("double", 0, 10).totalCount() == 1);
            snap = ws.snapshot();
            assertTrue(ed.removeMethod("Integer", "double", false));
            assertFalse(ed.removeMethod("Integer", "double", false));
            assertEquals(0, ws.navigation().implementors("double", 0, 10).totalCount());
            assertTrue(ed.removeClass("Savings"));
            assertTrue(ws.describeClass("Savings").isEmpty());
        }
        try (Workspace back = engine.restoreWorkspace(snap)) {
            assertEquals("14", back.evaluate("7 double").printString());
            assertEquals("0", back.evaluate("Savings new balance").printString());
            assertEquals(
                    List.of("balance"),
                    back.describeClass("Account").orElseThrow().instanceMethods());
        }
    }
}
