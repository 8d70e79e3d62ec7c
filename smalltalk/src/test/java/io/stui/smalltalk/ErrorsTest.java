package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failures a user meets: syntax errors with positions, unhandled exceptions with stack traces, dead-context returns. */
class ErrorsTest {
    private final Workspace ws = SmalltalkEngine.boot().newWorkspace();

    @AfterEach
    void close() {
        ws.close();
    }

    private EvalFailure fail(String code) {
        EvalResult r = ws.evaluate(code);
        assertFalse(r.ok(), () -> "expected a failure, got " + r.printString());
        return r.failure();
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        EvalFailure f = fail("x := 3.\ny := (4 + .");
        assertEquals(EvalFailure.Kind.SYNTAX, f.kind());
        assertEquals("SyntaxError", f.errorClass());
        assertEquals(2, f.line());
        assertEquals(11, f.column());
    }

    @Test
    void nestingIsBoundedWithASyntaxErrorNotAStackOverflow() {
        int max = io.stui.smalltalk.syntax.Parser.MAX_NESTING;
        assertEquals(
                "3",
                ws.evaluate("(".repeat(max - 1) + "3" + ")".repeat(max - 1)).printString());
        EvalFailure parens = fail("(".repeat(max + 1) + "3" + ")".repeat(max + 1));
        assertEquals(EvalFailure.Kind.SYNTAX, parens.kind());
        assertTrue(parens.messageText().contains("Nested more than " + max), parens.messageText());
        assertEquals(EvalFailure.Kind.SYNTAX, fail("[".repeat(100_000)).kind());
        assertEquals(EvalFailure.Kind.SYNTAX, fail("#(".repeat(100_000)).kind());
        assertEquals(EvalFailure.Kind.SYNTAX, fail("x := ".repeat(10_000) + "3").kind());
    }

    @Test
    void leftNestedSendChainsAreBoundedWithASyntaxErrorNotADeepStack() {
        int max = io.stui.smalltalk.syntax.Parser.MAX_DEPTH;
        int fits = max - 10;
        assertEquals(
                String.valueOf(fits + 1), ws.evaluate("1" + " + 1".repeat(fits)).printString());
        EvalFailure chain = fail("1" + " + 1".repeat(100_000));
        assertEquals(EvalFailure.Kind.SYNTAX, chain.kind());
        assertTrue(chain.messageText().contains("more than " + max + " sends deep"), chain.messageText());
        assertEquals(EvalFailure.Kind.SYNTAX, fail("3" + " abs".repeat(100_000)).kind());
        assertEquals(
                EvalFailure.Kind.SYNTAX,
                fail("3 yourself; yourself" + " abs".repeat(100_000)).kind());
        // parentheses add to a chain's depth: each level's chain counts
        String nested = ("(".repeat(200)) + "1" + (" + 1)".repeat(200));
        assertEquals("201", ws.evaluate(nested).printString());
    }

    @Test
    void numberLiteralsAreBoundedWithASyntaxError() {
        assertEquals(EvalFailure.Kind.SYNTAX, fail("99999999999r1").kind());
        assertEquals(EvalFailure.Kind.SYNTAX, fail("37r1").kind());
        assertTrue(fail("1e99999999999").messageText().contains("Exponent too large"));
        assertTrue(fail("1e-200000").messageText().contains("Exponent too large"));
        assertTrue(fail("1s99999999999").messageText().contains("Scale too large"));
        assertTrue(fail("7".repeat(10_001)).messageText().contains("longer than 10000 digits"));
        assertEquals("true", ws.evaluate("7".repeat(10_000) + " > 0").printString());
        assertEquals("(1/1000)", ws.evaluate("1e-3").printString());
        assertEquals("0.0", ws.evaluate("1.0e-400").printString());
    }

    @Test
    void unmatchedBracketsAndQuotes() {
        assertEquals(EvalFailure.Kind.SYNTAX, fail("[:x | x + 1").kind());
        EvalFailure q = fail("'abc");
        assertEquals(1, q.line());
        assertEquals(1, q.column());
        assertTrue(q.messageText().contains("string"), q.messageText());
        assertEquals(EvalFailure.Kind.SYNTAX, fail("3 + )").kind());
        assertEquals(EvalFailure.Kind.SYNTAX, fail("#(1 2").kind());
        assertEquals(EvalFailure.Kind.SYNTAX, fail("\"open comment").kind());
    }

    @Test
    void assignmentToArgumentOrReservedNameIsRefused() {
        EvalFailure f = fail("[:a | a := 3] value: 1");
        assertEquals(EvalFailure.Kind.SYNTAX, f.kind());
        assertTrue(f.messageText().contains("argument"), f.messageText());
        assertEquals(EvalFailure.Kind.SYNTAX, fail("self := 3").kind());
        assertEquals(EvalFailure.Kind.SYNTAX, fail("Object := 3").kind());
    }

    @Test
    void doesNotUnderstand() {
        EvalFailure f = fail("3 zork");
        assertEquals(EvalFailure.Kind.ERROR, f.kind());
        assertEquals("MessageNotUnderstood", f.errorClass());
        assertEquals("Message not understood: SmallInteger >> #zork", f.messageText());
        assertEquals("UndefinedObject>>DoIt", f.stackTrace().get(f.stackTrace().size() - 1));
        assertEquals(
                "SmallInteger(Object)>>doesNotUnderstand: #zork", f.stackTrace().get(0));
    }

    @Test
    void zeroDivideWithStack() {
        ws.evaluate("Object subclass: #Calc instanceVariableNames: '' classVariableNames: '' package: 'T'."
                + " Calc compile: 'divide: n ^10 / n'");
        EvalFailure f = fail("Calc new divide: 0");
        assertEquals("ZeroDivide", f.errorClass());
        assertTrue(f.stackTrace().contains("Calc>>divide:"), f.stackTrace().toString());
        assertTrue(
                f.stackTrace().contains("SmallInteger(Integer)>>/"),
                f.stackTrace().toString());
    }

    @Test
    void subscriptOutOfBounds() {
        EvalFailure f = fail("#(1 2 3) at: 10");
        assertEquals("SubscriptOutOfBounds", f.errorClass());
        assertEquals("10 is not between 1 and 3", f.messageText());
        assertEquals("SubscriptOutOfBounds", fail("'abc' at: 0").errorClass());
        assertEquals("SubscriptOutOfBounds", fail("OrderedCollection new at: 1").errorClass());
    }

    @Test
    void keyNotFoundAndEmptyCollection() {
        assertEquals("KeyNotFound", fail("Dictionary new at: #nope").errorClass());
        assertEquals(
                "CollectionIsEmpty", fail("OrderedCollection new removeFirst").errorClass());
    }

    @Test
    void nonLocalReturnFromDeadMethodContext() {
        ws.evaluate("Object subclass: #Maker instanceVariableNames: '' classVariableNames: '' package: 'T'."
                + " Maker compile: 'block ^[:x | ^x]'");
        EvalFailure f = fail("(Maker new block) value: 3");
        assertEquals("BlockCannotReturn", f.errorClass());
        assertEquals(EvalFailure.Kind.ERROR, f.kind());
    }

    @Test
    void nonLocalReturnFromLiveMethodWorks() {
        ws.evaluate("Object subclass: #Finder instanceVariableNames: '' classVariableNames: '' package: 'T'."
                + " Finder compile: 'first: coll ^coll do: [:e | e > 2 ifTrue: [^e]]'."
                + " Finder compile: 'viaHelper ^self helper: [:v | ^v * 10]'."
                + " Finder compile: 'helper: aBlock #(1 2 3) do: [:e | aBlock value: e]. ^0'");
        assertEquals("3", ws.evaluate("Finder new first: #(1 2 3 4)").printString());
        assertEquals("10", ws.evaluate("Finder new viaHelper").printString());
    }

    @Test
    void stackShowsIterationAndEnsureFrames() {
        EvalFailure f = fail("#(1 2) do: [:x | [(1 to: 2) do: [:y | y / 0]] ensure: [nil]]");
        assertEquals(
                List.of(
                        "SmallInteger(Integer)>>/",
                        "[] in [] in [] in UndefinedObject>>DoIt",
                        "Interval>>do:",
                        "[] in [] in UndefinedObject>>DoIt",
                        "BlockClosure>>ensure:",
                        "[] in UndefinedObject>>DoIt",
                        "Array>>do:",
                        "UndefinedObject>>DoIt"),
                f.stackTrace().subList(1, f.stackTrace().size()));
    }

    @Test
    void nonBooleanReceiver() {
        assertEquals("NonBooleanReceiver", fail("3 ifTrue: [4]").errorClass());
        assertEquals("NonBooleanReceiver", fail("nil and: [true]").errorClass());
    }

    @Test
    void undeclaredGlobal() {
        EvalFailure f = fail("NoSuchClass new");
        assertEquals("UndeclaredVariableRead", f.errorClass());
        assertTrue(f.messageText().contains("NoSuchClass"));
    }

    @Test
    void errorInsideHandlerBlockPropagates() {
        assertEquals(
                "ZeroDivide",
                fail("[nil foo] on: MessageNotUnderstood do: [:e | 1/0]").errorClass());
    }

    @Test
    void userErrorMessageAndSignalInMethod() {
        EvalFailure f = fail("self error: 'custom failure'");
        assertEquals("Error", f.errorClass());
        assertEquals("custom failure", f.messageText());
    }

    @Test
    void lastFailureKeepsFramesAndLocals() {
        ws.evaluate("Object subclass: #Acct instanceVariableNames: 'balance' classVariableNames: '' package: 'T'."
                + " Acct compile: 'withdraw: amount | left | left := 100 - amount. ^left / 0'");
        fail("Acct new withdraw: 30");
        Reflection.FailureReport report = ws.lastFailure().orElseThrow();
        assertEquals("ZeroDivide", report.failure().errorClass());
        Reflection.Frame frame = report.frames().stream()
                .filter(fr -> fr.description().equals("Acct>>withdraw:"))
                .findFirst()
                .orElseThrow();
        assertEquals("30", frame.locals().get("amount"));
        assertEquals(1, frame.line());
        assertEquals("70", frame.locals().get("left"));
        assertEquals("an Acct", frame.receiverPrintString());
        assertTrue(ws.inspect(frame.localIds().get("left"), false).isPresent());
    }

    @Test
    void frameLinesPointAtTheFailingSend() {
        ws.evaluate("Object subclass: #Lines instanceVariableNames: '' classVariableNames: '' package: 'T'."
                + " Lines compile: 'run\n\t| a |\n\ta := 1.\n\t^a foo'");
        fail("x := 1.\nLines new run");
        Reflection.FailureReport report = ws.lastFailure().orElseThrow();
        assertEquals(
                4,
                report.frames().stream()
                        .filter(f -> f.description().equals("Lines>>run"))
                        .findFirst()
                        .orElseThrow()
                        .line());
        assertEquals(
                2,
                report.frames().stream()
                        .filter(f -> f.description().equals("UndefinedObject>>DoIt"))
                        .findFirst()
                        .orElseThrow()
                        .line());
    }

    @Test
    void ensureRunsWhenANonLocalReturnUnwinds() {
        ws.evaluate(
                "Object subclass: #Unwinder instanceVariableNames: 'log' classVariableNames: '' package: 'T'."
                        + " Unwinder compile: 'log ^log'."
                        + " Unwinder compile: 'run log := OrderedCollection new. #(1 2 3) do: [:e | [e = 2 ifTrue: [^e]] ensure: [log add: e]]. ^0'");
        assertEquals(
                "an OrderedCollection(1 2)",
                ws.evaluate("u := Unwinder new. u run. u log").printString());
        assertEquals("2", ws.evaluate("Unwinder new run").printString());
    }

    @Test
    void brokenPrintOnDoesNotLoseTheValue() {
        ws.evaluate(
                "Object subclass: #Ugly instanceVariableNames: '' classVariableNames: '' package: 'T'. Ugly compile: 'printOn: aStream 1/0'");
        EvalResult r = ws.evaluate("u := Ugly new");
        assertTrue(r.ok());
        assertEquals("<error while printing Ugly: ZeroDivide: ZeroDivide>", r.printString());
        assertEquals("Ugly", r.className());
        assertEquals("Ugly", ws.evaluate("u class").printString());
    }

    @Test
    void workspaceStaysUsableAfterFailures() {
        fail("1/0");
        fail("3 +");
        assertEquals("7", ws.evaluate("3 + 4").printString());
    }
}
