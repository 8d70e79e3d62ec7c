package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A workspace used from an evaluation thread runs Smalltalk right there, with every limit still enforced. */
class EvaluationThreadsTest {
    private final ExecutorService pool = Executors.newSingleThreadExecutor(EvaluationThreads.factory("test-eval"));
    private final Workspace ws = SmalltalkEngine.boot().newWorkspace();
    private static final EvalLimits SHORT = new EvalLimits(Duration.ofMillis(300), 0, 64L << 20);
    /**
     * The allocation limit alone: under SHORT's 300 ms a thread kept off the CPU that long (a loaded machine) made the
     * huge allocation answer TIMEOUT before the allocation check was reached.
     */
    private static final EvalLimits ALLOCATION_ONLY = new EvalLimits(Duration.ofSeconds(30), 0, 64L << 20);

    @AfterEach
    void close() {
        ws.close();
        pool.shutdownNow();
    }

    private <T> T onEvaluationThread(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, pool).join();
    }

    private static Set<String> workspaceThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(n -> n.startsWith("smalltalk-eval-"))
                .collect(Collectors.toSet());
    }

    @Test
    void onlyFactoryThreadsAreEvaluationThreads() {
        assertFalse(EvaluationThreads.isCurrent());
        assertTrue(onEvaluationThread(EvaluationThreads::isCurrent));
        assertTrue(onEvaluationThread(() -> Thread.currentThread().getName()).startsWith("test-eval-"));
    }

    @Test
    void evaluatesOnTheCallingThreadWithoutStartingOneOfItsOwn() {
        Set<String> before = workspaceThreads();
        assertEquals("7", onEvaluationThread(() -> ws.evaluate("x := 3. x + 4")).printString());
        assertEquals("8", onEvaluationThread(() -> ws.evaluate("x + 5")).printString());
        assertEquals(1, onEvaluationThread(ws::variables).size());
        Set<String> after = workspaceThreads();
        after.removeAll(before);
        assertEquals(Set.of(), after, "no workspace thread was started");
    }

    @Test
    void limitsStillHold() {
        EvalResult loop = onEvaluationThread(() -> ws.evaluate("[true] whileTrue", SHORT));
        assertEquals(EvalFailure.Kind.TIMEOUT, loop.failure().kind());
        EvalResult budget = onEvaluationThread(
                () -> ws.evaluate("[true] whileTrue", new EvalLimits(Duration.ofSeconds(30), 100_000, 0)));
        assertEquals(EvalFailure.Kind.BUDGET, budget.failure().kind());
        EvalResult big = onEvaluationThread(() -> ws.evaluate("Array new: 1000000000", ALLOCATION_ONLY));
        assertEquals(EvalFailure.Kind.ALLOCATION, big.failure().kind());
        assertEquals("7", onEvaluationThread(() -> ws.evaluate("3 + 4")).printString());
    }

    @Test
    void deepRecursionWorksAndInfiniteRecursionFailsCleanly() {
        onEvaluationThread(
                () -> ws.evaluate(
                        "Object subclass: #Deep instanceVariableNames: '' classVariableNames: '' package: 'T'."
                                + " Deep compile: 'sum: n n = 0 ifTrue: [^0]. ^n + (self sum: n - 1)'. Deep compile: 'down: n ^self down: n + 1'"));
        assertEquals(
                "1250025000",
                onEvaluationThread(() -> ws.evaluate(
                                "Deep new sum: 50000", EvalLimits.defaults().withMaxDepth(60_000)))
                        .printString());
        assertEquals(
                EvalFailure.Kind.RECURSION,
                onEvaluationThread(() -> ws.evaluate("Deep new down: 1"))
                        .failure()
                        .kind());
    }

    @Test
    void interruptFromAnotherThreadStopsIt() {
        CompletableFuture<EvalResult> running = CompletableFuture.supplyAsync(
                () -> ws.evaluate("[true] whileTrue", EvalLimits.defaults().withTimeout(Duration.ofSeconds(30))), pool);
        while (!running.isDone()) {
            ws.interrupt();
            Thread.onSpinWait();
        }
        assertEquals(EvalFailure.Kind.INTERRUPTED, running.join().failure().kind());
        assertEquals("7", onEvaluationThread(() -> ws.evaluate("3 + 4")).printString());
    }

    @Test
    void aPrimitiveThatCarriesAnEvaluationPastItsLimitStillEndsInATimeout() {
        // a few sends only (no deadline check between them), but printing a 600 000-bit integer takes
        // far longer than a millisecond
        EvalLimits oneMilli = EvalLimits.defaults().withTimeout(Duration.ofMillis(1));
        EvalResult direct = onEvaluationThread(() -> ws.evaluate("(3 raisedTo: 400000) printString size", oneMilli));
        assertEquals(EvalFailure.Kind.TIMEOUT, direct.failure().kind());
        EvalResult ownThread = ws.evaluate("(3 raisedTo: 400000) printString size", oneMilli);
        assertEquals(EvalFailure.Kind.TIMEOUT, ownThread.failure().kind());
        // recorded as the failure it is, not as a success in history
        assertEquals(
                EvalFailure.Kind.TIMEOUT,
                ws.lastFailure().orElseThrow().failure().kind());
        assertFalse(ws.history().getLast().ok());
        assertEquals(
                "190849", ws.evaluate("(3 raisedTo: 400000) printString size").printString());
    }
}
