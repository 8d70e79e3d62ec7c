package io.stui.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stui store check|backup|restore} on real store files, backups taken while the store is open. */
class StoreToolsTest {

    @TempDir
    Path dir;

    private static StoredContext context(String session) {
        byte[] snap = "STUISNAP\0\0\0\2 workspace bytes".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return new StoredContext(session, ContextKind.SAVED, 5, snap, List.of("x"), 1, "{}");
    }

    @Test
    void anOnlineBackupIsConsistentCheckedAndRestoresWhatWasCommitted() {
        Path db = dir.resolve("stui.db");
        Path backup = dir.resolve("backup.db");
        try (SessionStore s = SessionStore.open(db)) {
            s.insertSession(new StoredSession("a", "alice", 1, 1, 1, 60, "{}"));
            s.saveContext(context("a"));
            StoreTools.Report made = StoreTools.backup(db, backup); // the server's store is open and in WAL mode
            assertTrue(made.ok(), made.toString());
            assertTrue(made.facts().contains("1 sessions, 1 contexts"), made.toString());
            s.insertSession(new StoredSession("b", "bob", 2, 2, 2, 60, "{}")); // after the backup

            StoreException inUse = assertThrows(StoreException.class, () -> StoreTools.restore(backup, db));
            assertTrue(inUse.getMessage().contains("in use by a server"), inUse.getMessage());
        }
        StoreException exists = assertThrows(StoreException.class, () -> StoreTools.backup(db, backup));
        assertTrue(exists.getMessage().contains("never overwrites"), exists.getMessage());

        Path kept = StoreTools.restore(backup, db);
        assertTrue(Files.exists(kept), "the replaced store is kept");
        try (SessionStore s = SessionStore.open(db)) {
            assertEquals(
                    List.of("a"),
                    s.loadSessions().stream().map(StoredSession::sessionId).toList());
            assertTrue(s.loadContext("a", ContextKind.SAVED).isPresent());
        }
        try (SessionStore old = SessionStore.open(kept)) {
            assertEquals(2, old.loadSessions().size(), "nothing of the replaced store was lost");
        }
    }

    @Test
    void checkFindsDamageAndWrongFiles() throws Exception {
        Path db = dir.resolve("stui.db");
        try (SessionStore s = SessionStore.open(db)) {
            for (int i = 0; i < 200; i++) {
                s.insertSession(new StoredSession("s" + i, "c", i, i, i, 60, "{\"pad\":\"" + "p".repeat(200) + "\"}"));
            }
        }
        assertTrue(StoreTools.check(db).ok(), StoreTools.check(db).toString());
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            byte[] garbage = new byte[(int) f.length() - 4096];
            java.util.Arrays.fill(garbage, (byte) 0x5A);
            f.seek(4096); // every page after the first (which holds the schema): the tables' b-trees
            f.write(garbage);
        }
        assertFalse(StoreTools.check(db).ok(), "a damaged page is found");

        Path empty = Files.createFile(dir.resolve("empty.db"));
        StoreTools.Report r = StoreTools.check(empty);
        assertFalse(r.ok());
        assertTrue(r.problems().getFirst().contains("0 bytes"), r.toString());
        assertFalse(StoreTools.check(dir.resolve("missing.db")).ok());
    }
}
