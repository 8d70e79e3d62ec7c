package io.stui.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.smalltalk.EvalFailure;
import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.EvalResult;
import io.stui.smalltalk.SmalltalkEngine;
import io.stui.smalltalk.Workspace;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The order of {@code interrupt} (front thread) against the lane's evaluations, played step by step on one thread:
 * each step is a point where the other thread could have been, so every interleaving is reproduced exactly.
 */
class SessionInterruptsTest {
    /** No step budget, a long time limit: only an interrupt ends {@code [true] whileTrue} soon. */
    private static final EvalLimits NO_BUDGET = new EvalLimits(Duration.ofSeconds(30), 0, 0);

    private static final String LOOP = "[true] whileTrue";

    private final Workspace ws = SmalltalkEngine.boot().newWorkspace();
    private final SessionInterrupts interrupts = new SessionInterrupts();

    @AfterEach
    void close() {
        ws.close();
    }

    /** Runs {@code code} as request {@code id}, the way the session's lane does. */
    private EvalResult evaluate(String id, String code) {
        interrupts.started(id, ws);
        try {
            return ws.evaluate(code, NO_BUDGET);
        } finally {
            interrupts.ended();
        }
    }

    private static void assertInterrupted(EvalResult r) {
        assertFalse(r.ok(), "the loop ended by itself");
        assertEquals(
                EvalFailure.Kind.INTERRUPTED, r.failure().kind(), r.failure().messageText());
    }

    @Test
    void anInterruptBetweenTheLaneStartingAnEvaluationAndItsFirstStepStopsIt() {
        interrupts.started("r-1", ws);
        assertTrue(interrupts.interrupt("r-1"));
        try {
            assertInterrupted(ws.evaluate(LOOP, NO_BUDGET));
        } finally {
            interrupts.ended();
        }
        assertEquals("7", evaluate("r-2", "3 + 4").printString());
    }

    @Test
    void anInterruptForARequestNotStartedStopsItWhenItStarts() {
        assertFalse(interrupts.interrupt("r-1"), "nothing runs yet");
        assertEquals("7", evaluate("r-0", "3 + 4").printString()); // another request is not touched
        assertInterrupted(evaluate("r-1", LOOP));
        assertEquals("7", evaluate("r-2", "3 + 4").printString()); // taken once
    }

    @Test
    void anInterruptWithoutARequestIdStopsOnlyWhatRuns() {
        assertFalse(interrupts.interrupt(null));
        assertEquals("7", evaluate("r-1", "3 + 4").printString());
        interrupts.started(null, ws);
        assertTrue(interrupts.interrupt(null));
        try {
            assertInterrupted(ws.evaluate(LOOP, NO_BUDGET));
        } finally {
            interrupts.ended();
        }
    }

    @Test
    void anInterruptNamingAnotherRequestLeavesTheRunningOneAlone() {
        interrupts.started("r-1", ws);
        try {
            assertFalse(interrupts.interrupt("r-2"));
            assertEquals("7", ws.evaluate("3 + 4", NO_BUDGET).printString());
        } finally {
            interrupts.ended();
        }
    }

    @Test
    void anInterruptForAFinishedEvaluationDoesNotHitTheNextOne() {
        // arrives after the evaluation's last step, before the lane says it is over
        interrupts.started("r-1", ws);
        try {
            assertEquals("7", ws.evaluate("3 + 4", NO_BUDGET).printString());
            assertTrue(interrupts.interrupt("r-1"));
        } finally {
            interrupts.ended();
        }
        assertEquals("7", evaluate("r-2", "3 + 4").printString());
        // arrives after the lane said so: not kept, even for a request that reuses the id
        assertFalse(interrupts.interrupt("r-1"));
        assertEquals("7", evaluate("r-1", "3 + 4").printString());
    }

    @Test
    void interruptsForRequestsThatNeverComeAreBounded() {
        for (int i = 0; i <= SessionInterrupts.MAX_PENDING; i++) {
            assertFalse(interrupts.interrupt("never-" + i));
        }
        // the oldest was dropped, the newest is kept
        assertEquals("7", evaluate("never-0", "3 + 4").printString());
        assertInterrupted(evaluate("never-" + SessionInterrupts.MAX_PENDING, LOOP));
    }
}
