package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live debugger through the workspace's public API: suspend, step, read locals, resume to the value. */
class DebuggerTest {
    private Workspace ws;
    private Debugger dbg;

    @BeforeEach
    void setUp() {
        ws = SmalltalkEngine.boot().newWorkspace();
        dbg = ws.debugger();
        ok(ws.evaluate("Object subclass: #Calc instanceVariableNames: 'total' classVariableNames: '' package: 'T'"));
        ok(
                ws.evaluate(
                        "Calc compile: 'add: n\n\t| doubled |\n\tdoubled := n * 2.\n\ttotal := (total ifNil: [0]) + doubled.\n\t^total'"));
        ok(ws.evaluate("Calc compile: 'sumTo: n\n\t1 to: n do: [:i | self add: i].\n\t^total'"));
        ok(ws.evaluate("Calc compile: 'stop\n\tself halt.\n\t^42'"));
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private static void ok(EvalResult r) {
        assertTrue(r.ok(), () -> r.failure().describe());
    }

    private static Object local(DebugState s, String name) {
        return s.locals().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow()
                .printString();
    }

    @Test
    void aBreakpointSuspendsThenStepsShowLocalsAndContinueAnswersTheValue() {
        Breakpoint b = dbg.setBreakpoint("Calc", "add:", false, 3);
        assertEquals(3, b.line());
        DebugState s = dbg.debug("Calc new add: 5", EvalLimits.defaults());
        assertTrue(s.suspended());
        assertEquals("breakpoint", s.reason());
        assertEquals("Calc>>add:", s.currentMethod());
        assertEquals(3, s.currentLine());
        DebugFrame top = s.frames().get(0);
        assertEquals(15, top.startColumn()); // the * in "<tab>doubled := n * 2."
        assertEquals(16, top.endColumn());
        assertEquals("UndefinedObject>>DoIt", s.frames().get(1).method());
        assertEquals("5", local(s, "n"));
        assertEquals("nil", local(s, "doubled"));

        s = dbg.stepOver(s.debugId());
        assertEquals(4, s.currentLine());
        assertEquals("10", local(s, "doubled"));
        String id = s.debugId();
        s = dbg.stepOver(id); // no send is left: the evaluation runs to its end
        assertEquals(DebugState.State.FINISHED, s.state());
        assertEquals("10", s.result().printString());
        assertThrows(IllegalArgumentException.class, () -> dbg.stepOver(id));
    }

    @Test
    void stepIntoEntersTheCalledMethodAndStepOutLeavesIt() {
        dbg.setBreakpoint("Calc", "sumTo:", false, 0);
        DebugState s = dbg.debug("Calc new sumTo: 3", EvalLimits.defaults());
        assertEquals("Calc>>sumTo:", s.currentMethod());
        s = dbg.stepInto(s.debugId());
        assertEquals("Calc>>add:", s.currentMethod());
        assertEquals("1", local(s, "n"));
        s = dbg.stepOut(s.debugId());
        assertEquals("Calc>>sumTo:", s.currentMethod()); // to:do: with a literal block runs inlined
        assertEquals("2", local(s, "i"));
        s = dbg.resume(s.debugId());
        assertEquals(DebugState.State.FINISHED, s.state());
        assertEquals("12", s.result().printString());
    }

    @Test
    void haltSuspendsInTheCallerAndContinueResumesIt() {
        DebugState s = dbg.debug("Calc new stop + 1", EvalLimits.defaults());
        assertEquals("halt", s.reason());
        assertEquals("Calc>>stop", s.currentMethod());
        assertEquals(2, s.currentLine());
        s = dbg.resume(s.debugId());
        assertEquals("43", s.result().printString());
    }

    @Test
    void anUnhandledErrorSuspendsAndResumingLetsItFail() {
        DebugState s = dbg.debug("| a | a := 7. a / 0", EvalLimits.defaults());
        assertEquals("exception", s.reason());
        assertTrue(s.exception().startsWith("ZeroDivide"), s.exception());
        assertEquals("ZeroDivide class>>signalWithDividend:", s.currentMethod());
        DebugFrame doit = s.frames().stream()
                .filter(f -> f.method().equals("UndefinedObject>>DoIt"))
                .findFirst()
                .orElseThrow();
        assertEquals("a / 0", doit.line() == 1 ? "a / 0" : "?");
        assertEquals(
                "7",
                dbg.localVariables(s.debugId(), doit.index()).stream()
                        .filter(v -> v.name().equals("a"))
                        .findFirst()
                        .orElseThrow()
                        .printString());
        EvalResult inFrame = dbg.evaluateInFrame(s.debugId(), doit.index(), "a * 6");
        assertEquals("42", inFrame.printString());
        s = dbg.resume(s.debugId());
        assertEquals(DebugState.State.FINISHED, s.state());
        assertEquals("ZeroDivide", s.result().failure().errorClass());
    }

    @Test
    void theWorkspaceKeepsWorkingWhileARunIsSuspended() {
        DebugState s = dbg.debug("x := 1. self halt. x + y", EvalLimits.defaults());
        assertTrue(s.suspended());
        ok(ws.evaluate("y := 41"));
        assertEquals("1", ws.evaluate("x").printString());
        assertTrue(ws.describeClass("Calc").isPresent());
        assertEquals(List.of(s.debugId()), dbg.suspended());
        s = dbg.resume(s.debugId());
        assertEquals("42", s.result().printString());
        assertEquals(List.of(), dbg.suspended());
    }

    @Test
    void evaluateInFrameAssignsTheFramesTemporaries() {
        ok(ws.evaluate("Calc compile: 'twice: n\n\t| k |\n\tk := n.\n\tk printString.\n\t^k * 2'"));
        dbg.setBreakpoint("Calc", "twice:", false, 3);
        DebugState s = dbg.debug("Calc new twice: 5", EvalLimits.defaults());
        assertEquals(4, s.currentLine());
        assertEquals("5", local(s, "k"));
        assertEquals("100", dbg.evaluateInFrame(s.debugId(), 0, "k := 100").printString());
        assertEquals("Calc", dbg.evaluateInFrame(s.debugId(), 0, "self class").printString());
        assertEquals("nil", dbg.evaluateInFrame(s.debugId(), 0, "total").printString());
        assertEquals("200", dbg.resume(s.debugId()).result().printString());
    }

    @Test
    void restartRunsAFrameAgainAfterItsMethodWasFixed() {
        DebugState s = dbg.debug("Calc new add: nil", EvalLimits.defaults());
        assertEquals("exception", s.reason());
        assertTrue(s.exception().contains("#*"), s.exception());
        int addFrame = s.frames().stream()
                .filter(f -> f.method().equals("Calc>>add:"))
                .findFirst()
                .orElseThrow()
                .index();
        ok(ws.evaluate("Calc compile: 'add: n\n\t^(n ifNil: [0]) + 1'"));
        assertThrows(IllegalArgumentException.class, () -> dbg.restart("d1", 99));
        s = dbg.restart(s.debugId(), addFrame);
        assertTrue(s.suspended());
        assertEquals("Calc>>add:", s.currentMethod());
        assertEquals(3, s.currentLine()); // the frame restarts with the code it was running
        s = dbg.terminate(s.debugId());
        assertEquals(DebugState.State.TERMINATED, s.state());
        assertEquals(EvalFailure.Kind.INTERRUPTED, s.result().failure().kind());
        assertEquals("3", ws.evaluate("Calc new add: 2").printString());
    }

    @Test
    void aSuspendedRunTimesOutAndIsTerminated() throws Exception {
        dbg.setSuspendTimeout(Duration.ofMillis(50));
        DebugState s = dbg.debug("self halt. 1", EvalLimits.defaults());
        assertTrue(s.suspended());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!dbg.suspended().isEmpty() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertEquals(List.of(), dbg.suspended());
        assertEquals("3", ws.evaluate("1 + 2").printString());
    }

    @Test
    void withoutDebugModeHaltIsAFailureWithEveryFrameAndItsLine() {
        EvalResult r = ws.evaluate("1 + 1.\nCalc new stop");
        assertFalse(r.ok());
        assertEquals("Halt", r.failure().errorClass());
        assertEquals(2, r.failure().line());
        assertTrue(
                r.failure().stackTrace().contains("Calc>>stop"),
                r.failure().stackTrace().toString());
        assertEquals(3, ws.lastFailure().orElseThrow().frames().get(1).line() + 1);
    }

    @Test
    void unknownBreakpointTargetsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> dbg.setBreakpoint("Nope", "x", false, 1));
        assertThrows(IllegalArgumentException.class, () -> dbg.setBreakpoint("Calc", "nope", false, 1));
        assertThrows(IllegalArgumentException.class, () -> dbg.setBreakpoint("Calc", "add:", false, 9));
        dbg.setBreakpoint("Calc", "add:", false, 1);
        assertEquals(List.of(new Breakpoint("Calc", "add:", false, 3)), dbg.breakpoints());
        assertTrue(dbg.removeBreakpoint("Calc", "add:", false, 3));
        assertEquals(List.of(), dbg.breakpoints());
    }

    @Test
    void theListenerHearsBusyIdleAndTranscriptAroundEachRunOfADebuggedEvaluation() {
        List<String> events = new java.util.ArrayList<>();
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
        DebugState s = dbg.debug("Transcript show: 'a'. self halt. Transcript show: 'b'. 1", EvalLimits.defaults());
        assertEquals(List.of("busy", "t:a", "idle"), events);
        dbg.resume(s.debugId());
        assertEquals(List.of("busy", "t:a", "idle", "busy", "t:b", "idle"), events);
    }
}
