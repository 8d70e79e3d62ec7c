package io.stui.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store facing a wrong file and a full disk: refused with a clear message, nothing taken over or lost. */
class StoreFaultsTest {

    @TempDir
    Path dir;

    @Test
    void aZeroLengthFileIsRefusedAndLeftAsItWas() throws Exception {
        Path db = Files.createFile(dir.resolve("empty.db"));
        StoreException e = assertThrows(StoreException.class, () -> SessionStore.open(db));
        assertTrue(e.getMessage().contains("is empty (0 bytes)"), e.getMessage());
        assertEquals(0, Files.size(db));
    }

    @Test
    void aFileThatIsNotSqliteIsRefused() throws Exception {
        Path db = Files.writeString(dir.resolve("notes.db"), "these are my notes, not a database\n");
        StoreException e = assertThrows(StoreException.class, () -> SessionStore.open(db));
        assertTrue(e.getMessage().contains("not a SQLite database"), e.getMessage());
        assertEquals("these are my notes, not a database\n", Files.readString(db));
    }

    @Test
    void anotherProgramsSqliteDatabaseIsRefusedUntouched() throws Exception {
        Path db = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE invoices (n INTEGER)");
        }
        StoreException e = assertThrows(StoreException.class, () -> SessionStore.open(db));
        assertTrue(e.getMessage().contains("another program"), e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name='sessions'")) {
            assertEquals(0, rs.getInt(1), "no STUI table was added to it");
        }
        // and a store of ours opens again as before
        try (SessionStore s = SessionStore.open(dir.resolve("ours.db"))) {
            s.insertSession(new StoredSession("s1", "c", 1, 1, 1, 60, "{}"));
        }
        try (SessionStore s = SessionStore.open(dir.resolve("ours.db"))) {
            assertEquals(1, s.loadSessions().size());
        }
    }

    @Test
    void aFullDiskRefusesWritesClearlyStillDeletesAndWritesAgainWhenSpaceReturns() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir, 2)) {
            Path db = disk.dir().resolve("stui.db");
            try (SessionStore s = SessionStore.open(db)) {
                s.insertSession(new StoredSession("keep", "c", 1, 1, 1, 60, "{}"));
                s.insertSession(new StoredSession("drop", "c", 1, 1, 1, 60, "{}"));
                s.saveContext(context("drop", 100_000));
                disk.fill();

                StoreFullException full =
                        assertThrows(StoreFullException.class, () -> s.saveContext(context("keep", 600_000)));
                assertTrue(full.getMessage().contains("Cannot save context of session keep"), full.getMessage());
                assertTrue(s.loadContext("keep", ContextKind.SAVED).isEmpty(), "nothing half-written");

                assertTrue(s.deleteSession("drop"), "a delete frees space even on a full disk");
                assertTrue(s.loadSession("drop").isEmpty());

                disk.free();
                s.saveContext(context("keep", 600_000));
                assertEquals(
                        600_000,
                        s.loadContext("keep", ContextKind.SAVED).orElseThrow().snapshot().length);
            }
            try (SessionStore s = SessionStore.open(db)) {
                assertEquals(
                        List.of("keep"),
                        s.loadSessions().stream().map(StoredSession::sessionId).toList());
            }
        }
    }

    private static StoredContext context(String session, int bytes) {
        byte[] snapshot = new byte[bytes];
        new java.util.Random(bytes).nextBytes(snapshot); // incompressible, as real snapshots nearly are
        return new StoredContext(session, ContextKind.SAVED, 2, snapshot, List.of("x"), 1, "{}");
    }
}
