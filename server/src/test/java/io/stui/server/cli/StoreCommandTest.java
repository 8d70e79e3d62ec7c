package io.stui.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.server.store.SessionStore;
import io.stui.server.store.StoredSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stui store check|backup|restore} through the launcher: exit codes an operator's script can use. */
class StoreCommandTest {

    @TempDir
    Path dir;

    @Test
    void checkBackupAndRestoreAnswerWithExitCodes() throws Exception {
        Path db = dir.resolve("stui.db");
        try (SessionStore s = SessionStore.open(db)) {
            s.insertSession(new StoredSession("a", "alice", 1, 1, 1, 60, "{}"));
            assertEquals(0, StuiMain.run("store", "check", db.toString()));
            assertEquals(
                    0,
                    StuiMain.run(
                            "store",
                            "backup",
                            db.toString(),
                            "--to",
                            dir.resolve("b.db").toString()));
            assertEquals(
                    2,
                    StuiMain.run("store", "restore", dir.resolve("b.db").toString(), "--to", db.toString()),
                    "refused while the store is open");
        }
        assertEquals(0, StuiMain.run("store", "restore", dir.resolve("b.db").toString(), "--to", db.toString()));
        Files.writeString(dir.resolve("junk.db"), "junk");
        assertEquals(1, StuiMain.run("store", "check", dir.resolve("junk.db").toString()));
        try (SessionStore s = SessionStore.open(db)) {
            assertTrue(s.loadSession("a").isPresent());
        }
    }
}
