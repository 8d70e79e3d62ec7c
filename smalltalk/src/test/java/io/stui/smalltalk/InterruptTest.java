package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Workspace#interrupt()} from another thread stops a running evaluation and says where it stopped;
 * {@link Workspace#interruptNowOrAtStart()} also stops one that has not started yet.
 */
class InterruptTest {
    private final SmalltalkEngine engine = SmalltalkEngine.boot();

    /** Runs {@code code} on another thread and interrupts it until it answers (never sleeps). */
    private static EvalResult interrupted(Workspace ws, String code) throws Exception {
        CompletableFuture<EvalResult> f = CompletableFuture.supplyAsync(() -> ws.evaluate(code));
        while (!f.isDone()) {
            ws.interrupt();
            Thread.onSpinWait();
        }
        return f.get(1, TimeUnit.SECONDS);
    }

    @Test
    void anEndlessLoopIsInterruptedWithItsStack() throws Exception {
        try (Workspace ws = engine.newWorkspace()) {
            EvalResult r = interrupted(ws, "[true] whileTrue");
            assertFalse(r.ok());
            assertEquals(EvalFailure.Kind.INTERRUPTED, r.failure().kind());
            assertEquals("Interrupted", r.failure().errorClass());
            assertEquals("UndefinedObject>>DoIt", r.failure().stackTrace().getLast());
            assertEquals("3", ws.evaluate("1 + 2").printString());
        }
    }

    @Test
    void theStackNamesTheMethodThatWasRunningAndItsLine() throws Exception {
        try (Workspace ws = engine.newWorkspace()) {
            ws.evaluate("Object subclass: #Spin instanceVariableNames: '' classVariableNames: '' package: 'T'");
            ws.evaluate("Spin compile: 'spin\n\t| n |\n\tn := 0.\n\t[true] whileTrue: [n := n + 1]'");
            EvalResult r = interrupted(ws, "x := 1.\nSpin new spin");
            assertEquals(EvalFailure.Kind.INTERRUPTED, r.failure().kind());
            assertEquals("Spin>>spin", r.failure().stackTrace().get(0));
            assertEquals(2, r.failure().line()); // the line of the evaluated code that was running
            Reflection.FailureReport report = ws.lastFailure().orElseThrow();
            assertEquals(4, report.frames().get(0).line());
            assertTrue(report.frames().get(0).locals().containsKey("n"));
        }
    }

    /** No step budget, a long time limit: only an interrupt ends {@code [true] whileTrue} soon. */
    private static final EvalLimits NO_BUDGET = new EvalLimits(Duration.ofSeconds(30), 0, 0);

    @Test
    void anInterruptArmedBeforeTheEvaluationStartsStopsItAtItsFirstStep() {
        try (Workspace ws = engine.newWorkspace()) {
            // a server's front saw the evaluation under way before it reached the workspace: the start of the
            // evaluation must not undo the interrupt
            ws.interruptNowOrAtStart();
            EvalResult r = ws.evaluate("[true] whileTrue", NO_BUDGET);
            assertEquals(EvalFailure.Kind.INTERRUPTED, r.failure().kind());
            // taken by that evaluation: the next one runs
            assertEquals("3", ws.evaluate("1 + 2").printString());
        }
    }

    @Test
    void aForgottenInterruptDoesNotStopTheNextEvaluation() {
        try (Workspace ws = engine.newWorkspace()) {
            ws.interruptNowOrAtStart();
            ws.forgetInterrupt();
            assertEquals("3", ws.evaluate("1 + 2", NO_BUDGET).printString());
            // a plain interrupt with nothing running stops nothing later either
            ws.interrupt();
            assertEquals("7", ws.evaluate("3 + 4", NO_BUDGET).printString());
        }
    }
}
