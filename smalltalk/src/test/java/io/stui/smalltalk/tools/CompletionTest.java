package io.stui.smalltalk.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.smalltalk.SmalltalkEngine;
import io.stui.smalltalk.Workspace;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Completion at a cursor and the is-complete check, through the workspace. */
class CompletionTest {
    private final Workspace ws = SmalltalkEngine.boot().newWorkspace();

    @AfterEach
    void close() {
        ws.close();
    }

    private List<String> texts(String source) {
        return texts(ws.complete(source, source.length()));
    }

    private static List<String> texts(Completions c) {
        return c.candidates().stream().map(Candidate::text).toList();
    }

    @Test
    void aLiteralsClassGivesItsSelectors() {
        Completions c = ws.complete("3 fact", 6);
        assertEquals(2, c.replaceStart());
        assertEquals(6, c.replaceEnd());
        assertEquals("factorial", c.candidates().get(0).text());
        assertEquals("selector", c.candidates().get(0).kind());
        assertEquals("Integer>>factorial", c.candidates().get(0).detail());
        assertTrue(texts("'abc' asUpp").contains("asUppercase"));
        assertFalse(texts("'abc' asUpp").contains("factorial"));
    }

    @Test
    void theCursorMayBeInsideAWord() {
        Completions c = ws.complete("3 factXX + 1", 6);
        assertEquals(2, c.replaceStart());
        assertEquals(8, c.replaceEnd());
        assertEquals("factorial", c.candidates().get(0).text());
    }

    @Test
    void aWorkspaceVariablesLiveValueAndAClassNameGiveTheirSelectors() {
        ws.evaluate("coll := OrderedCollection new");
        assertTrue(texts("coll addF").contains("addFirst:"));
        assertTrue(texts("OrderedCollection wit").contains("with:"));
        assertFalse(texts("OrderedCollection wit").contains("withIndexDo:"));
    }

    @Test
    void variablesClassesAndTemporariesAtTheStartOfAnExpression() {
        ws.evaluate("counter := 0");
        List<String> t = texts("| count | count := 1. cou");
        assertTrue(t.containsAll(List.of("count", "counter")), t.toString());
        Completions c = ws.complete("OrderedC", 8);
        assertEquals("OrderedCollection", c.candidates().get(0).text());
        assertEquals("class", c.candidates().get(0).kind());
        assertTrue(texts("x := Tran").contains("Transcript"));
        assertEquals(
                "global",
                ws.complete("Tran", 4).candidates().stream()
                        .filter(x -> x.text().equals("Transcript"))
                        .findFirst()
                        .orElseThrow()
                        .kind());
    }

    @Test
    void keywordMessagesContinueWithTheirNextPart() {
        ws.evaluate("arr := Array new: 3");
        Completions c = ws.complete("arr at: 1 pu", 12);
        assertEquals("put:", c.candidates().get(0).text());
        assertEquals("keyword", c.candidates().get(0).kind());
        assertTrue(texts("3 between: 1 a").contains("and:"));
    }

    @Test
    void selfInAMethodBeingEditedIsItsClass() {
        ws.evaluate("Object subclass: #Acc instanceVariableNames: 'balance' classVariableNames: '' package: 'T'");
        ws.evaluate("Acc compile: 'deposit: amount balance := balance + amount'");
        String src = "withdraw: amount\n\tself depo";
        Completions c = ws.complete(src, src.length(), "Acc", false);
        assertEquals("deposit:", c.candidates().get(0).text());
        String src2 = "withdraw: amount\n\tbal";
        assertEquals(
                "balance",
                ws.complete(src2, src2.length(), "Acc", false)
                        .candidates()
                        .get(0)
                        .text());
        String src3 = "withdraw: amount\n\tam";
        assertEquals(
                "amount",
                ws.complete(src3, src3.length(), "Acc", false)
                        .candidates()
                        .get(0)
                        .text());
    }

    @Test
    void exactPrefixFirstThenFrequency() {
        List<String> t = texts("3 print");
        assertEquals("printString", t.get(0)); // sent by more methods than printOn: or printString:
        assertTrue(t.indexOf("printOn:") > 0);
        assertTrue(texts("3 Print").contains("printString")); // the prefix matches whatever its case
        ws.evaluate("counter := 2. Smalltalk at: #Counter put: 1");
        assertEquals(List.of("Counter", "counter"), texts("Cou").subList(0, 2));
        assertEquals(List.of("counter", "Counter"), texts("cou").subList(0, 2));
    }

    @Test
    void nothingInsideAStringOrAComment() {
        assertEquals(List.of(), texts("'abc fact"));
        assertEquals(List.of(), texts("\"3 fact"));
    }

    @Test
    void isCompleteAsJupyterAsksIt() {
        assertEquals(InputStatus.Status.COMPLETE, Workspace.isComplete("3 + 4").status());
        assertEquals(
                InputStatus.Status.COMPLETE, Workspace.isComplete("x := 3.").status());
        assertEquals(InputStatus.Status.COMPLETE, Workspace.isComplete("").status());
        InputStatus open = Workspace.isComplete("#(1 2) do: [:x |\n\tTranscript show: (x printString");
        assertEquals(InputStatus.Status.INCOMPLETE, open.status());
        assertEquals("\t\t", open.indent());
        assertEquals(
                InputStatus.Status.INCOMPLETE, Workspace.isComplete("x := 'abc").status());
        assertEquals(
                InputStatus.Status.INCOMPLETE,
                Workspace.isComplete("3 between: 1 and:").status());
        assertEquals(
                InputStatus.Status.INCOMPLETE, Workspace.isComplete("x :=  ").status());
        assertEquals(InputStatus.Status.INVALID, Workspace.isComplete("3 + )").status());
        assertEquals(
                InputStatus.Status.INVALID, Workspace.isComplete("x := := 3").status());
    }
}
