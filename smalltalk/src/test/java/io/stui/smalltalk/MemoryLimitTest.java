package io.stui.smalltalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A workspace's memory limit: what it keeps alive bounds what its evaluations may allocate, and freeing counts. */
class MemoryLimitTest {
    private static final long MIB = 1L << 20;
    private static final SmalltalkEngine ENGINE = SmalltalkEngine.boot();
    private static final EvalLimits LIMITS = new EvalLimits(Duration.ofSeconds(60), 0, 256 * MIB);
    private final Workspace ws = ENGINE.newWorkspace();

    @AfterEach
    void close() {
        ws.close();
    }

    private EvalResult eval(String code) {
        return ws.evaluate(code, LIMITS);
    }

    private void ok(String code) {
        EvalResult r = eval(code);
        assertTrue(r.ok(), () -> code + " failed: " + r.failure().describe());
    }

    @Test
    void aHoarderFailsOnceItHoldsItsLimitAndFreeingLetsItAllocateAgain() {
        ws.setMemoryLimit(24 * MIB, "this session", "session-memory-limit");
        ok("h1 := ByteArray new: 10000000");
        ok("h2 := ByteArray new: 10000000");
        EvalResult third = eval("h3 := ByteArray new: 10000000");
        assertFalse(third.ok());
        EvalFailure f = third.failure();
        assertEquals(EvalFailure.Kind.ALLOCATION, f.kind());
        assertEquals(MemoryAccount.ERROR_CLASS, f.errorClass());
        assertTrue(
                f.messageText()
                        .startsWith("this session holds about 19.1 MiB of objects and may hold 24.0 MiB"
                                + " (setting session-memory-limit)"),
                f.messageText());
        assertEquals("nil", eval("h3").printString(), "the refused evaluation assigned nothing");
        // small work still runs near the limit
        assertEquals("7", eval("3 + 4").printString());

        ok("h1 := nil");
        ok("h3 := ByteArray new: 10000000");
        assertTrue(ws.retainedBytes() >= 20_000_000 && ws.retainedBytes() < 20_100_000, () -> "" + ws.retainedBytes());
    }

    @Test
    void garbageIsNotHeldAgainstTheWorkspace() {
        ws.setMemoryLimit(24 * MIB, "this session", "");
        // each allocates 10 MB that is garbage right after: only what is kept counts
        for (int i = 0; i < 6; i++) ok("(ByteArray new: 10000000) size");
        assertTrue(ws.retainedBytes() < MIB, () -> "" + ws.retainedBytes());
    }

    @Test
    void manySmallObjectsAreCountedAsWellAsBigOnes() {
        ws.setMemoryLimit(16 * MIB, "this session", "");
        // about 200,000 arrays of 8 slots plus the collection: 16 + 64 bytes each, past the limit in a few steps
        EvalResult r = null;
        for (int i = 0; i < 6; i++) {
            r = eval("parts" + i + " := (1 to: 50000) collect: [:k | Array new: 8]. parts" + i + " size");
            if (!r.ok()) break;
        }
        assertFalse(r.ok(), "a hoard of small objects must reach the limit too");
        assertEquals(MemoryAccount.ERROR_CLASS, r.failure().errorClass());
    }

    @Test
    void aRestoredWorkspaceIsAccountedFromItsFirstEvaluation() {
        ok("big := ByteArray new: 20000000");
        byte[] snapshot = ws.snapshot();
        Workspace restored = ENGINE.restoreWorkspace(snapshot);
        try {
            restored.setMemoryLimit(24 * MIB, "this session", "");
            EvalResult r = restored.evaluate("more := ByteArray new: 10000000", LIMITS);
            assertFalse(r.ok());
            assertEquals(MemoryAccount.ERROR_CLASS, r.failure().errorClass());
            assertTrue(restored.retainedBytes() >= 19 * MIB, () -> "" + restored.retainedBytes());
        } finally {
            restored.close();
        }
    }

    @Test
    void objectsHeldOnlyByTheInspectorRegistryCount() {
        ws.setMemoryLimit(24 * MIB, "this session", "");
        // the value is registered (the client got an object id) though no variable holds it
        EvalResult kept = eval("ByteArray new: 8000000");
        assertTrue(kept.ok() && kept.objectId() != null);
        EvalResult r = eval("x := ByteArray new: 18000000");
        assertFalse(r.ok(), "8 MB held by the registry plus 18 MB is past 24 MiB");
        assertEquals(MemoryAccount.ERROR_CLASS, r.failure().errorClass());
        assertTrue(ws.inspect(kept.objectId(), false).isPresent());
    }

    @Test
    void pastHalfTheLimitBigObjectsOnlyTheRegistryHoldsAreForgotten() {
        ws.setMemoryLimit(24 * MIB, "this session", "");
        EvalResult kept = eval("ByteArray new: 14000000");
        assertTrue(kept.ok());
        assertTrue(ws.inspect(kept.objectId(), false).isEmpty(), "its id is given up rather than its 14 MB held");
        ok("x := ByteArray new: 20000000");
        assertTrue(ws.inspect(eval("x").objectId(), false).isPresent(), "what a variable holds keeps its id");
    }

    @Test
    void clearingTheWorkspaceGivesItsRoomBack() {
        ws.setMemoryLimit(24 * MIB, "this session", "");
        ok("h1 := ByteArray new: 10000000");
        ws.clear();
        ok("h2 := ByteArray new: 20000000");
    }

    @Test
    void cyclesAndSharedObjectsAreCountedOnce() {
        ok("a := Array new: 2. b := Array new: 2. a at: 1 put: b. b at: 1 put: a. s := String new: 1000000."
                + " a at: 2 put: s. b at: 2 put: s. c := s");
        long held = ws.measureRetained();
        assertTrue(held > 2_000_000 && held < 2_001_000, () -> "" + held);
    }

    @Test
    void withoutALimitNothingIsRefused() {
        assertEquals(0, ws.memoryLimit());
        for (int i = 0; i < 3; i++) ok("h" + i + " := ByteArray new: 10000000");
        assertTrue(ws.measureRetained() >= 30_000_000);
    }
}
