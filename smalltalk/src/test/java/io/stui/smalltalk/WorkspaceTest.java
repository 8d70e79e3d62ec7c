package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Persistence of workspace state, isolation between workspaces, the registry, reflection and history. */
class WorkspaceTest {
    private final SmalltalkEngine engine = SmalltalkEngine.boot();

    @Test
    void topLevelAssignmentsStayBound() {
        try (Workspace ws = engine.newWorkspace()) {
            assertEquals("3", ws.evaluate("x := 3").printString());
            assertEquals("7", ws.evaluate("x + 4").printString());
            ws.evaluate("list := OrderedCollection new");
            ws.evaluate("list add: x; add: x * 2");
            assertEquals("an OrderedCollection(3 6)", ws.evaluate("list").printString());
            assertEquals("nil", ws.evaluate("neverAssigned").printString());
            List<Reflection.VariableInfo> vars = ws.variables();
            assertEquals(
                    List.of("x", "list", "neverAssigned"),
                    vars.stream().map(Reflection.VariableInfo::name).toList());
            assertEquals("OrderedCollection", vars.get(1).className());
            assertEquals("an OrderedCollection(3 6)", vars.get(1).printString());
        }
    }

    @Test
    void aOneShotEvaluationLeavesNoIdAndNoHistory() {
        try (Workspace ws = engine.newWorkspace()) {
            EvalResult kept = ws.evaluate("3 + 4");
            EvalResult once = ws.evaluateOnce("OrderedCollection new add: 5; yourself", EvalLimits.defaults());
            assertEquals("an OrderedCollection(5)", once.printString());
            assertEquals("OrderedCollection", once.className());
            assertEquals(null, once.objectId());
            assertEquals(
                    List.of("3 + 4"),
                    ws.history().stream().map(Reflection.HistoryEntry::code).toList());
            assertTrue(ws.inspect(kept.objectId(), false).isPresent());
            assertEquals(
                    "ZeroDivide",
                    ws.evaluateOnce("1 / 0", EvalLimits.defaults()).failure().errorClass(),
                    "failures are still reported");
            assertEquals("8", ws.evaluateOnce("x := 8", EvalLimits.defaults()).printString());
            assertEquals("8", ws.evaluate("x").printString(), "its side effects on the workspace stay");
        }
    }

    @Test
    void globalsDefinedEarlierAreReadAsGlobals() {
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate("Smalltalk at: #lowerGlobal put: 5");
            assertEquals("6", ws.evaluate("lowerGlobal + 1").printString());
            assertTrue(ws.variables().isEmpty());
        }
    }

    @Test
    void declaredTemporariesAreLocalToOneEvaluation() {
        try (Workspace ws = engine.newWorkspace()) {
            assertEquals("5", ws.evaluate("| t | t := 5. t").printString());
            assertTrue(ws.variables().isEmpty());
        }
    }

    @Test
    void classesAndExtensionsDoNotLeakBetweenWorkspaces() {
        try (Workspace a = engine.newWorkspace();
                Workspace b = engine.newWorkspace()) {
            assertTrue(
                    a.evaluate("Object subclass: #Secret instanceVariableNames: '' classVariableNames: '' package: 'A'")
                            .ok());
            assertTrue(a.evaluate("Integer compile: 'double ^self * 2'. Object compile: 'hello ^#hi'")
                    .ok());
            assertTrue(a.evaluate("Smalltalk at: #Shared put: 42").ok());
            assertEquals("42", a.evaluate("21 double").printString());
            assertEquals("#hi", a.evaluate("3 hello").printString());
            assertEquals("42", a.evaluate("Shared").printString());

            assertEquals(
                    "UndeclaredVariableRead", b.evaluate("Secret new").failure().errorClass());
            assertEquals(
                    "MessageNotUnderstood", b.evaluate("21 double").failure().errorClass());
            assertEquals("MessageNotUnderstood", b.evaluate("3 hello").failure().errorClass());
            assertEquals("false", b.evaluate("Smalltalk includesKey: #Shared").printString());
            assertTrue(b.listClasses("Secret", true).isEmpty());
            assertEquals(1, a.listClasses("Secret", false).size());
            // a fresh workspace sees a pristine kernel
            try (Workspace c = engine.newWorkspace()) {
                assertEquals(
                        "false", c.evaluate("Integer includesSelector: #double").printString());
            }
        }
    }

    @Test
    void redefiningKernelClassNameShadowsOnlyLocally() {
        try (Workspace a = engine.newWorkspace();
                Workspace b = engine.newWorkspace()) {
            a.evaluate("Object subclass: #Point instanceVariableNames: 'q' classVariableNames: '' package: 'Mine'");
            assertEquals("a Point", a.evaluate("Point new").printString());
            assertEquals("(3@4)", b.evaluate("3@4").printString());
            assertEquals("(3@4)", a.evaluate("3@4").printString());
        }
    }

    @Test
    void shadowingAnExceptionClassDoesNotChangeKernelSignals() {
        try (Workspace a = engine.newWorkspace()) {
            a.evaluate("Object subclass: #ZeroDivide instanceVariableNames: '' classVariableNames: '' package: 'Mine'");
            assertEquals("ZeroDivide", a.evaluate("1/0").failure().errorClass());
            assertEquals(
                    "#kernel",
                    a.evaluate("[#() at: 1] on: Error do: [:e | #kernel]").printString());
        }
    }

    @Test
    void kernelClassStateCannotBeChangedFromAWorkspace() {
        try (Workspace a = engine.newWorkspace()) {
            EvalResult r = a.evaluate("Object comment: 'hacked'");
            assertEquals("ModificationForbidden", r.failure().errorClass());
            assertFalse(engine.newWorkspace()
                    .evaluate("Object comment")
                    .printString()
                    .contains("hacked"));
            assertEquals(
                    "ModificationForbidden",
                    a.evaluate("#foo at: 1 put: $x").failure().errorClass());
        }
    }

    @Test
    void literalsAreNotSharedAcrossEvaluations() {
        try (Workspace a = engine.newWorkspace()) {
            a.evaluate(
                    "Object subclass: #Lit instanceVariableNames: '' classVariableNames: '' package: 'T'. Lit compile: 'lit ^#(1 2 3)'");
            a.evaluate("Lit new lit at: 1 put: 99");
            assertEquals("#(1 2 3)", a.evaluate("Lit new lit").printString());
            a.evaluate("(1 to: 3) asArray printString at: 1 put: $X");
            assertEquals("'(1 to: 5)'", a.evaluate("(1 to: 5) printString").printString());
        }
    }

    @Test
    void transcriptIsCapturedPerEvaluation() {
        try (Workspace ws = engine.newWorkspace()) {
            EvalResult r = ws.evaluate(
                    "Transcript show: 'hello'; cr; show: 'world'. 1 to: 3 do: [:i | Transcript print: i]. nil");
            assertEquals("hello\nworld123", r.transcript());
            assertEquals("", ws.evaluate("3").transcript());
        }
    }

    @Test
    void theRegistryForgetsItsOldestObjectsBeyondItsCapacity() {
        try (Workspace ws = engine.newWorkspace()) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i <= io.stui.smalltalk.image.ObjectRegistry.CAPACITY; i++) {
                ids.add(ws.evaluate("Array new: 3").objectId()); // a new object each time, so a new id
            }
            assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "distinct ids");
            List<String> known =
                    ids.stream().filter(id -> ws.inspect(id, false).isPresent()).toList();
            assertEquals(ids.subList(1, ids.size()), known, "only the oldest is forgotten");
        }
    }

    @Test
    void registryAndInspection() {
        try (Workspace ws = engine.newWorkspace()) {
            EvalResult r = ws.evaluate("p := 3 @ 4");
            String id = r.objectId();
            assertEquals(id, ws.evaluate("p").objectId());
            Reflection.Inspection ins = ws.inspect(id, true).orElseThrow();
            assertEquals("Point", ins.className());
            assertEquals("(3@4)", ins.printString());
            assertEquals(
                    List.of("x", "y"),
                    ins.namedVariables().stream().map(Reflection.Slot::name).toList());
            assertEquals("4", ins.namedVariables().get(1).printString());

            Reflection.Inspection oc = ws.inspect(
                            ws.evaluate("OrderedCollection withAll: (1 to: 150)")
                                    .objectId(),
                            false,
                            true)
                    .orElseThrow();
            assertEquals(150, oc.size());
            assertEquals(100, oc.indexedElements().size());
            assertEquals("1", oc.indexedElements().get(0).printString());
            assertTrue(oc.namedVariables().isEmpty());
            assertTrue(oc.selectors().contains("addFirst:"));
            assertTrue(oc.selectors().contains("printString"));

            Reflection.Inspection arr =
                    ws.inspect(ws.evaluate("#(1 $a 'x')").objectId(), true).orElseThrow();
            assertEquals(3, arr.size());
            assertEquals("$a", arr.indexedElements().get(1).printString());
            assertTrue(ws.inspect("o999999", true).isEmpty());

            Reflection.Inspection dict = ws.inspect(
                            ws.evaluate("Dictionary new at: #k put: 1; yourself")
                                    .objectId(),
                            false)
                    .orElseThrow();
            assertEquals(1, dict.size());
            assertEquals("#k->1", dict.indexedElements().get(0).printString());
        }
    }

    @Test
    void reflectionOnKernelAndUserClasses() {
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate(
                    "Object subclass: #Account instanceVariableNames: 'balance owner' classVariableNames: 'Rate' package: 'Bank'."
                            + " Account comment: 'A bank account'."
                            + " Account compile: 'deposit: amount \"Add money\" balance := (balance ifNil: [0]) + amount' classified: 'ops'."
                            + " Account class compile: 'named: aString ^self new'");
            Reflection.ClassDescription d = ws.describeClass("Account").orElseThrow();
            assertEquals("Object", d.info().superclass());
            assertEquals("Bank", d.info().category());
            assertEquals("A bank account", d.info().comment());
            assertFalse(d.info().isSystem());
            assertEquals(List.of("balance", "owner"), d.instanceVariables());
            assertEquals(List.of("Rate"), d.classVariables());
            assertEquals(List.of("deposit:"), d.instanceMethods());
            assertEquals(List.of("named:"), d.classMethods());
            Reflection.MethodInfo m = ws.method("Account", "deposit:", false).orElseThrow();
            assertEquals("ops", m.category());
            assertEquals(List.of("amount"), m.argumentNames());
            assertEquals("Add money", m.comment());
            assertTrue(m.source().startsWith("deposit: amount"));
            assertTrue(ws.method("Account", "named:", true).isPresent());

            Reflection.MethodInfo k =
                    ws.method("OrderedCollection", "addFirst:", false).orElseThrow();
            assertTrue(k.source().contains("firstIndex"), k.source());
            assertTrue(ws.method("Object", "nonexistent", false).isEmpty());
            List<Reflection.ClassInfo> cols = ws.listClasses("*Collection", true);
            assertTrue(cols.stream().anyMatch(c -> c.name().equals("OrderedCollection") && c.isSystem()));
            assertTrue(ws.listClasses("?oint", true).stream()
                    .anyMatch(c -> c.name().equals("Point")));
            assertEquals(
                    List.of("Account"),
                    ws.listClasses("*", false).stream()
                            .map(Reflection.ClassInfo::name)
                            .toList());
        }
    }

    @Test
    void historyAndClear() {
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate("a := 1");
            ws.evaluate("1/0");
            List<Reflection.HistoryEntry> h = ws.history();
            assertEquals(2, h.size());
            assertEquals("a := 1", h.get(0).code());
            assertEquals("1", h.get(0).result());
            assertFalse(h.get(1).ok());
            ws.evaluate("Object subclass: #Temp instanceVariableNames: '' classVariableNames: '' package: 'T'");
            ws.clear();
            assertTrue(ws.history().isEmpty());
            assertTrue(ws.variables().isEmpty());
            assertTrue(ws.listClasses("*", false).isEmpty());
            assertTrue(ws.lastFailure().isEmpty());
            assertEquals("nil", ws.evaluate("a").printString());
        }
    }

    @Test
    void inspectingAnUnknownOrMissingIdAnswersEmpty() {
        try (Workspace ws = SmalltalkEngine.boot().newWorkspace()) {
            assertTrue(ws.inspect("o424242", true).isEmpty());
            assertTrue(ws.inspect("no such id", false, true).isEmpty());
            assertTrue(ws.inspect(null, true).isEmpty());
            String nilId = ws.evaluate("nil").objectId();
            assertEquals(
                    "UndefinedObject", ws.inspect(nilId, true).orElseThrow().className());
        }
    }

    @Test
    void integerResultsPrintAsSmalltalkPrintsThem() {
        try (Workspace ws = engine.newWorkspace()) {
            for (String n : new String[] {
                "0", "7", "-12345", "1073741823", "(2 raisedTo: 62) - 1", "(2 raisedTo: 62) negated", "3 + 4"
            }) {
                EvalResult direct = ws.evaluate(n);
                EvalResult viaSmalltalk = ws.evaluate("(" + n + ") printString");
                assertEquals(viaSmalltalk.printString(), "'" + direct.printString() + "'", n);
            }
        }
    }

    @Test
    void aRedefinedIntegerPrintStringIsHonouredAndForgottenOnClear() {
        try (Workspace ws = engine.newWorkspace()) {
            assertEquals("7", ws.evaluate("3 + 4").printString());
            assertTrue(ws.evaluate("Integer compile: 'printString ^''int'''").ok());
            assertEquals("int", ws.evaluate("3 + 4").printString());
            ws.clear();
            assertEquals("7", ws.evaluate("3 + 4").printString());
        }
    }

    @Test
    void variablesPrintWithARedefinedIntegerPrintStringToo() {
        try (Workspace ws = engine.newWorkspace()) {
            assertTrue(ws.evaluate("x := 3").ok());
            assertEquals("3", ws.variables().get(0).printString());
            assertTrue(ws.evaluate("Integer compile: 'printString ^''int'''").ok());
            assertEquals("int", ws.variables().get(0).printString());
        }
    }

    @Test
    void methodsAddedBeforeAClearAreNotFoundAfterIt() {
        try (Workspace ws = engine.newWorkspace()) {
            for (int round = 0; round < 3; round++) {
                assertFalse(ws.evaluate("3 twice").ok(), "round " + round);
                ws.clear();
                assertFalse(ws.evaluate("3 twice").ok(), "round " + round + " after an empty clear");
                assertTrue(ws.evaluate("Integer compile: 'twice ^self * 2'").ok());
                assertEquals("6", ws.evaluate("3 twice").printString());
                ws.clear();
            }
        }
    }
}
