package io.stui.smalltalk.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.smalltalk.Reflection;
import io.stui.smalltalk.SmalltalkEngine;
import io.stui.smalltalk.Workspace;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Senders, implementors, references, hierarchy and search over kernel and workspace code. */
class NavigationTest {
    private final Workspace ws = SmalltalkEngine.boot().newWorkspace();

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void sendersOfPrintOnIncludeKernelAndWorkspaceMethodsWithTheirLines() {
        Navigation nav = ws.navigation();
        Page<MethodRef> before = nav.senders("printOn:", 0, 1000);
        assertTrue(before.totalCount() > 3, before.toString());
        assertTrue(before.items().stream()
                .anyMatch(r -> r.className().equals("Object") && r.selector().equals("printString")));
        ws.evaluate("Object subclass: #Shape instanceVariableNames: '' classVariableNames: '' package: 'T'");
        ws.evaluate(
                "Shape compile: 'describe\n\t| s |\n\ts := WriteStream on: String new.\n\tself printOn: s.\n\t^s contents'");
        Page<MethodRef> after = nav.senders("printOn:", 0, 1000);
        assertEquals(before.totalCount() + 1, after.totalCount());
        MethodRef mine = after.items().stream()
                .filter(r -> r.className().equals("Shape"))
                .findFirst()
                .orElseThrow();
        assertEquals(new MethodRef("Shape", "describe", false, 4), mine);
    }

    @Test
    void pagesCoverTheWholeAnswer() {
        Navigation nav = ws.navigation();
        Page<MethodRef> all = nav.senders("printOn:", 0, 1000);
        Page<MethodRef> second = nav.senders("printOn:", 2, 2);
        assertEquals(all.totalCount(), second.totalCount());
        assertEquals(all.items().subList(2, 4), second.items());
        assertEquals(List.of(), nav.senders("printOn:", 10_000, 5).items());
        assertThrows(IllegalArgumentException.class, () -> nav.senders("x", -1, 5));
    }

    @Test
    void implementorsAndTheInheritedMethodsDefiningClass() {
        Navigation nav = ws.navigation();
        List<MethodRef> impl = nav.implementors("factorial", 0, 100).items();
        assertEquals(List.of(new MethodRef("Integer", "factorial", false, 1)), impl);
        Reflection.MethodInfo at = ws.lookupMethod("Array", "at:", false).orElseThrow();
        assertEquals("Object", at.className());
        assertTrue(at.source().startsWith("at:"));
        assertTrue(ws.lookupMethod("Array", "noSuchSelectorAnywhere", false).isEmpty());
        Reflection.MethodInfo basicNew =
                ws.lookupMethod("Array", "basicNew", true).orElseThrow();
        assertEquals("Behavior", basicNew.className()); // Array class inherits it through Class
        assertFalse(basicNew.classSide());
    }

    @Test
    void referencesToAClassOrAGlobal() {
        ws.evaluate("Object subclass: #Shape instanceVariableNames: '' classVariableNames: '' package: 'T'");
        ws.evaluate("Shape class compile: 'unit ^Shape new'");
        List<MethodRef> refs = ws.navigation().references("Shape", 0, 10).items();
        assertEquals(List.of(new MethodRef("Shape", "unit", true, 1)), refs);
        assertTrue(ws.navigation().references("Transcript", 0, 10).totalCount() >= 0);
        assertTrue(ws.navigation().references("OrderedCollection", 0, 100).totalCount() > 0);
    }

    @Test
    void classHierarchyWithDepth() {
        Hierarchy h = ws.navigation().hierarchy("Integer", -1).orElseThrow();
        assertEquals(List.of("Number", "Magnitude", "Object"), h.superclasses().subList(0, 3));
        List<String> subs =
                h.subclasses().subclasses().stream().map(ClassTree::name).toList();
        assertTrue(subs.containsAll(List.of("LargePositiveInteger", "SmallInteger")), subs.toString());
        Hierarchy top = ws.navigation().hierarchy("Object", 1).orElseThrow();
        assertTrue(top.subclasses().subclasses().stream()
                .allMatch(t -> t.subclasses().isEmpty()));
        assertTrue(top.subclasses().subclasses().stream().anyMatch(ClassTree::truncated));
        assertTrue(ws.navigation().hierarchy("Nope", 1).isEmpty());
    }

    @Test
    void searchBySelectorGlobAndSourceText() {
        Navigation nav = ws.navigation();
        List<MethodRef> fact = nav.searchMethods("fact*", null, 0, 100).items();
        assertTrue(fact.contains(new MethodRef("Integer", "factorial", false, 1)), fact.toString());
        Page<MethodRef> text = nav.searchMethods(null, "ZeroDivide", 0, 1000);
        assertTrue(text.totalCount() > 0);
        assertTrue(text.items().stream().allMatch(r -> r.line() >= 1));
        assertFalse(nav.searchMethods("fact*", "noSuchTextAnywhere", 0, 10).totalCount() > 0);
    }

    @Test
    void sendersOverTheWholeImageAreFastOnceIndexed() {
        Navigation nav = ws.navigation();
        nav.senders("printOn:", 0, 50); // builds the index
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) nav.senders("printOn:", 0, 50);
        long perQueryMicros = (System.nanoTime() - t0) / 20 / 1000;
        assertTrue(perQueryMicros < 50_000, perQueryMicros + " µs per query");
    }
}
