package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.smalltalk.tools.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Evaluation modes, per-tool scopes, evaluation with a receiver, inspector paging, history paging, the listener. */
class WorkspaceToolsTest {
    private final Workspace ws = SmalltalkEngine.boot().newWorkspace();

    @AfterEach
    void close() {
        ws.close();
    }

    private EvalResult eval(String code, EvalMode mode, String toolId, String receiverId) {
        return ws.evaluate(code, EvalLimits.defaults(), mode, toolId, receiverId);
    }

    @Test
    void executeBuildsNoPrintStringButKeepsTheValue() {
        ws.evaluate("Object subclass: #Loud instanceVariableNames: '' classVariableNames: '' package: 'T'");
        ws.evaluate("Loud compile: 'printOn: s Smalltalk at: #Printed put: true. s nextPutAll: ''loud'''");
        EvalResult r = eval("Loud new", EvalMode.EXECUTE, null, null);
        assertTrue(r.ok());
        assertNull(r.printString());
        assertEquals("Loud", r.className());
        assertNotNull(r.objectId());
        assertEquals(
                "false", ws.evaluate("Smalltalk at: #Printed ifAbsent: [false]").printString());
        EvalResult d = eval("Loud new", EvalMode.DISPLAY, null, null);
        assertEquals("loud", d.printString());
        assertEquals(
                "true", ws.evaluate("Smalltalk at: #Printed ifAbsent: [false]").printString());
    }

    @Test
    void eachToolHasItsOwnVariables() {
        ws.evaluate("x := 1");
        eval("x := 2", EvalMode.DISPLAY, "inspector-1", null);
        eval("y := x + 40", EvalMode.DISPLAY, "inspector-1", null);
        assertEquals("1", ws.evaluate("x").printString());
        assertEquals("nil", ws.evaluate("y").printString());
        assertEquals("42", eval("y", EvalMode.DISPLAY, "inspector-1", null).printString());
        assertEquals("nil", eval("y", EvalMode.DISPLAY, "other", null).printString());
        assertEquals(
                List.of("x", "y"),
                ws.variables("inspector-1").stream()
                        .map(Reflection.VariableInfo::name)
                        .toList());
    }

    @Test
    void selfCanBeAnInspectedObjectWhoseVariablesCanBeSet() {
        ws.evaluate("Object subclass: #Box instanceVariableNames: 'content' classVariableNames: '' package: 'T'");
        String id = ws.evaluate("Box new").objectId();
        assertEquals("nil", eval("content", EvalMode.DISPLAY, null, id).printString());
        assertEquals("Box", eval("self class", EvalMode.DISPLAY, null, id).printString());
        assertEquals(
                "7",
                ws.setVariable(id, "content", "3 + 4", EvalLimits.defaults()).printString());
        assertEquals("7", eval("content", EvalMode.DISPLAY, null, id).printString());
        String arr = ws.evaluate("Array new: 3").objectId();
        ws.setVariable(arr, "2", "#two", EvalLimits.defaults());
        assertEquals(
                "#(nil #two nil)", eval("self", EvalMode.DISPLAY, null, arr).printString());
        assertThrows(IllegalArgumentException.class, () -> ws.setVariable(id, "nope", "1", EvalLimits.defaults()));
        assertThrows(IllegalArgumentException.class, () -> eval("1", EvalMode.DISPLAY, null, "o999999"));
    }

    @Test
    void everyElementOfALargeCollectionHasAnIdPageByPage() {
        String id = ws.evaluate("(1 to: 5000) asOrderedCollection").objectId();
        Page<Reflection.Element> page = ws.elements(id, 4000, 3);
        assertEquals(5000, page.totalCount());
        assertEquals(
                List.of(4001, 4002, 4003),
                page.items().stream().map(Reflection.Element::index).toList());
        assertEquals("4001", page.items().get(0).value().printString());
        String elementId = page.items().get(0).value().objectId();
        assertEquals("4002", eval("self + 1", EvalMode.DISPLAY, null, elementId).printString());
        assertEquals(List.of(), ws.elements(id, 5000, 10).items());
    }

    @Test
    void dictionaryKeysAndValuesEachHaveAnId() {
        String id = ws.evaluate("Dictionary new at: #a put: 1; at: #b put: 2; yourself")
                .objectId();
        Page<Reflection.Element> page = ws.elements(id, 0, 10);
        assertEquals(2, page.totalCount());
        List<String> pairs = new ArrayList<>();
        for (Reflection.Element e : page.items()) {
            pairs.add(e.key().printString() + "->" + e.value().printString());
            assertNotNull(e.key().objectId());
            assertNotNull(e.value().objectId());
        }
        pairs.sort(null);
        assertEquals(List.of("#a->1", "#b->2"), pairs);
        String s = ws.evaluate("'hey'").objectId();
        assertEquals("$e", ws.elements(s, 1, 1).items().get(0).value().printString());
        assertEquals(3, ws.elements(s, 1, 1).totalCount());
    }

    @Test
    void historyPages() {
        for (int i = 0; i < 5; i++) ws.evaluate(i + " + 1");
        Page<Reflection.HistoryEntry> p = ws.history(1, 2);
        assertEquals(5, p.totalCount());
        assertEquals(
                List.of("1 + 1", "2 + 1"),
                p.items().stream().map(Reflection.HistoryEntry::code).toList());
    }

    @Test
    void theListenerHearsTranscriptOutputAsItIsWrittenAndBusyIdle() {
        List<String> events = new ArrayList<>();
        ws.setListener(new WorkspaceListener() {
            @Override
            public void transcript(String text) {
                events.add("t:" + text);
            }

            @Override
            public void busy() {
                events.add("busy");
            }

            @Override
            public void idle() {
                events.add("idle");
            }
        });
        // the second show: happens after the first was heard: the listener saw it before the evaluation ended
        EvalResult r = ws.evaluate("Transcript show: 'one'. Transcript show: 'two'. 5");
        assertEquals(List.of("busy", "t:one", "t:two", "idle"), events);
        assertEquals("onetwo", r.transcript());
        ws.setListener(null);
        ws.evaluate("Transcript show: 'three'");
        assertEquals(4, events.size());
    }
}
