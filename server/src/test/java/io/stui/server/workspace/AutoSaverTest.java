package io.stui.server.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.server.exec.KeyedSerialExecutor;
import io.stui.server.store.ContextKind;
import io.stui.server.store.SessionStore;
import io.stui.server.store.StoredContext;
import io.stui.server.store.StoredSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoSaverTest {

    @TempDir
    Path dir;

    @Test
    void aBurstOfChangesIsSavedOnceInTheSessionsLaneAfterItsWork() throws Exception {
        try (SessionStore store = SessionStore.open(dir.resolve("s.db"));
                KeyedSerialExecutor lanes = new KeyedSerialExecutor(2, 100, 100, 1 << 20)) {
            store.insertSession(new StoredSession("s1", "c", 1, 1, 1, 3600, "{}"));
            AtomicInteger snapshots = new AtomicInteger();
            AtomicInteger workDone = new AtomicInteger();
            CountDownLatch written = new CountDownLatch(1);
            KeyedSerialExecutor.Lane lane = new KeyedSerialExecutor.Lane("s1");
            SessionWorkspace sw = new SessionWorkspace(null); // the snapshots below never read the engine's workspace
            AutoSaver saver = new AutoSaver(
                    Duration.ofMillis(200),
                    lanes,
                    store,
                    (id, workspace) -> {
                        snapshots.incrementAndGet();
                        // runs in the lane: every request queued before it has finished
                        return Optional.of(new StoredContext(
                                id, ContextKind.AUTO, 10, new byte[] {(byte) workDone.get()}, List.of("x"), 1, null));
                    },
                    written::countDown);
            for (int i = 0; i < 50; i++) {
                lanes.submit(lane, workDone::incrementAndGet);
                saver.changed(lane, "s1", sw);
            }
            assertTrue(saver.isPending(sw));
            assertTrue(written.await(10, TimeUnit.SECONDS));
            saver.close();
            assertEquals(1, snapshots.get(), "50 changes within the delay are one save");
            assertArrayEquals(
                    new byte[] {50},
                    store.loadContext("s1", ContextKind.AUTO).orElseThrow().snapshot());
        }
    }
}
