package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runaway evaluations end in clean, typed failures within their limits, and the workspace stays usable. */
class LimitsTest {
    private final Workspace ws = SmalltalkEngine.boot().newWorkspace();
    private static final EvalLimits SHORT = new EvalLimits(Duration.ofMillis(500), 0, 64L << 20);

    @AfterEach
    void close() {
        ws.close();
    }

    private EvalFailure fail(String code, EvalLimits limits) {
        EvalResult r = ws.evaluate(code, limits);
        assertTrue(!r.ok(), () -> "expected a failure, got " + r.printString());
        return r.failure();
    }

    @Test
    void infiniteLoopHitsTheTimeLimit() {
        long t0 = System.nanoTime();
        EvalFailure f = fail("[true] whileTrue", SHORT);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(EvalFailure.Kind.TIMEOUT, f.kind());
        assertEquals("Timeout", f.errorClass());
        assertTrue(ms < 2000, "took " + ms + " ms");
        assertEquals("7", ws.evaluate("3 + 4").printString());
    }

    @Test
    void otherLoopFormsAreInterruptibleToo() {
        assertEquals(
                EvalFailure.Kind.TIMEOUT,
                fail("[:x | x] value: ([true] whileTrue: [3 + 4])", SHORT).kind());
        assertEquals(
                EvalFailure.Kind.TIMEOUT,
                fail("1 to: 1000000000000 do: [:i | i]", SHORT).kind());
        assertEquals(EvalFailure.Kind.TIMEOUT, fail("[nil] repeat", SHORT).kind());
        assertEquals(
                EvalFailure.Kind.TIMEOUT,
                fail("[:n | n timesRepeat: [n printString]] value: 1000000000000", SHORT)
                        .kind());
    }

    @Test
    void retryLoopInHandlerIsStoppedByTheBudget() {
        EvalFailure f =
                fail("[1/0] on: ZeroDivide do: [:e | e retry]", new EvalLimits(Duration.ofSeconds(20), 200_000, 0));
        assertEquals(EvalFailure.Kind.BUDGET, f.kind());
    }

    @Test
    void instructionBudget() {
        EvalFailure f = fail(
                "| n | n := 0. [true] whileTrue: [n := n + 1]", new EvalLimits(Duration.ofSeconds(20), 1_000_000, 0));
        assertEquals(EvalFailure.Kind.BUDGET, f.kind());
        assertEquals("InstructionBudgetExceeded", f.errorClass());
        assertTrue(ws.evaluate(
                        "(1 to: 1000) inject: 0 into: [:a :b | a + b]",
                        new EvalLimits(Duration.ofSeconds(20), 1_000_000, 0))
                .ok());
    }

    @Test
    void infiniteRecursionInMethodAndBlock() {
        ws.evaluate(
                "Object subclass: #Deep instanceVariableNames: '' classVariableNames: '' package: 'T'. Deep compile: 'down: n ^self down: n + 1'");
        EvalFailure f = fail("Deep new down: 1", EvalLimits.defaults());
        assertEquals(EvalFailure.Kind.RECURSION, f.kind());
        assertEquals("RecursionDepthExceeded", f.errorClass());
        assertTrue(f.stackTrace().get(0).contains("Deep>>down:"), f.stackTrace().toString());
        EvalFailure g = fail("f := nil. f := [:n | f value: n + 1]. f value: 0", EvalLimits.defaults());
        assertEquals(EvalFailure.Kind.RECURSION, g.kind());
        assertEquals("7", ws.evaluate("3 + 4").printString());
    }

    @Test
    void deepButFiniteRecursionWorks() {
        ws.evaluate(
                "Object subclass: #Deep instanceVariableNames: '' classVariableNames: '' package: 'T'. Deep compile: 'sum: n n = 0 ifTrue: [^0]. ^n + (self sum: n - 1)'");
        assertEquals("12502500", ws.evaluate("Deep new sum: 5000").printString());
        EvalResult r = ws.evaluate("Deep new sum: 50000", EvalLimits.defaults().withMaxDepth(60_000));
        assertTrue(r.ok(), () -> r.failure().describe());
        assertEquals("1250025000", r.printString());
    }

    @Test
    void aRefusedMemoryBombKeepsNoObjectIdsThatWouldHoldWhatItAllocated() {
        EvalFailure f = fail(
                "| o | o := OrderedCollection new. [true] whileTrue: [o add: (Array new: 100000)]",
                EvalLimits.defaults().withMaxAllocationBytes(64L << 20));
        assertEquals(EvalFailure.Kind.ALLOCATION, f.kind());
        Reflection.FailureReport report = ws.lastFailure().orElseThrow();
        assertTrue(!report.frames().isEmpty());
        for (Reflection.Frame frame : report.frames()) {
            assertTrue(frame.localIds().isEmpty(), frame.toString());
            assertEquals(null, frame.receiverId(), frame.toString());
        }
        // other failures keep their ids for the debugger
        fail("| x | x := 3. x foo", EvalLimits.defaults());
        assertTrue(ws.lastFailure().orElseThrow().frames().stream()
                .anyMatch(fr -> !fr.localIds().isEmpty()));
    }

    @Test
    void hugeAllocationsAreRefused() {
        assertEquals(
                EvalFailure.Kind.ALLOCATION,
                fail("Array new: 1000000000", EvalLimits.defaults()).kind());
        assertEquals(
                EvalFailure.Kind.ALLOCATION,
                fail("String new: 2000000000", EvalLimits.defaults()).kind());
        assertEquals(
                EvalFailure.Kind.ALLOCATION,
                fail("s := 'ab'. [true] whileTrue: [s := s , s]", EvalLimits.defaults())
                        .kind());
        assertEquals(
                EvalFailure.Kind.ALLOCATION,
                fail("(1 to: 200000000) asArray", EvalLimits.defaults()).kind());
        assertEquals(
                EvalFailure.Kind.ALLOCATION,
                fail("2 raisedTo: 10000000000", EvalLimits.defaults()).kind());
        assertEquals(
                EvalFailure.Kind.ALLOCATION,
                fail(
                                "oc := OrderedCollection new. [true] whileTrue: [oc add: (Array new: 1000)]",
                                EvalLimits.defaults())
                        .kind());
        assertEquals(
                "AllocationLimitExceeded",
                fail("Array new: 1000000000", EvalLimits.defaults()).errorClass());
        assertEquals("7", ws.evaluate("3 + 4").printString());
        assertTrue(ws.evaluate("(Array new: 1000000) size").ok());
    }

    @Test
    void interruptFromAnotherThread() {
        CompletableFuture<EvalResult> running = CompletableFuture.supplyAsync(
                () -> ws.evaluate("[true] whileTrue", EvalLimits.defaults().withTimeout(Duration.ofSeconds(30))));
        long t0 = System.nanoTime();
        while (!running.isDone()) {
            ws.interrupt();
            Thread.onSpinWait();
        }
        EvalResult r = running.join();
        assertEquals(EvalFailure.Kind.INTERRUPTED, r.failure().kind());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 10_000);
        assertEquals("7", ws.evaluate("3 + 4").printString());
    }

    @Test
    void ensureBlocksDoNotRunAfterALimit() {
        EvalFailure f = fail("[[true] whileTrue] ensure: [[true] whileTrue]", SHORT);
        assertEquals(EvalFailure.Kind.TIMEOUT, f.kind());
    }

    @Test
    void hugePrintStringIsCut() {
        EvalResult r = ws.evaluate("(1 to: 300000) asArray");
        assertTrue(r.ok());
        assertTrue(r.printString().endsWith("...etc..."));
        assertTrue(r.printString().length() < 200_000);
        EvalResult cyc = ws.evaluate("a := OrderedCollection new. a add: a. a");
        assertTrue(cyc.ok(), () -> cyc.failure().describe());
        assertTrue(cyc.printString().startsWith("an OrderedCollection(an OrderedCollection("));
    }

    @Test
    void deeplyNestedSourceIsASyntaxFailureNotACrash() {
        String code = "(".repeat(200_000) + "1" + ")".repeat(200_000);
        EvalResult r = ws.evaluate(code);
        assertTrue(r.ok() || r.failure().kind() == EvalFailure.Kind.SYNTAX);
    }
}
