package io.stui.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {

    @TempDir
    Path dir;

    private static StoredSession session(String id, String client, long t) {
        return new StoredSession(id, client, t, t, t, 3600, "{}");
    }

    @Test
    void sessionsStateAndContextsSurviveReopen() {
        Path db = dir.resolve("s.db");
        try (SessionStore s = SessionStore.open(db)) {
            s.insertSession(session("a1", "alice", 1000));
            s.insertSession(session("b1", "bob", 2000));
            assertTrue(s.updateState("a1", "{\"tab\":3}", 1500));
            s.saveContext(new StoredContext(
                    "a1",
                    ContextKind.SAVED,
                    1600,
                    new byte[] {1, 2, 3},
                    List.of("x", "y"),
                    4,
                    "{\"selected_object\":\"o1\"}"));
            s.saveContext(new StoredContext("a1", ContextKind.AUTO, 1700, new byte[] {9}, List.of("x"), 5, null));
        }
        try (SessionStore s = SessionStore.open(db)) {
            List<StoredSession> all = s.loadSessions();
            assertEquals(2, all.size());
            StoredSession a = all.get(0);
            assertEquals("a1", a.sessionId());
            assertEquals("alice", a.clientId());
            assertEquals("{\"tab\":3}", a.stateJson());
            assertEquals(1500, a.lastModified());
            StoredContext saved = s.loadContext("a1", ContextKind.SAVED).orElseThrow();
            assertArrayEquals(new byte[] {1, 2, 3}, saved.snapshot());
            assertEquals(List.of("x", "y"), saved.variables());
            assertEquals(4, saved.historySize());
            assertEquals("{\"selected_object\":\"o1\"}", saved.meta());
            assertEquals(ContextKind.AUTO, s.latestContext("a1").orElseThrow().kind());
            assertTrue(s.latestContext("b1").isEmpty());
        }
    }

    @Test
    void savingAContextReplacesTheSlotAndDeletingASessionDropsItsContexts() {
        try (SessionStore s = SessionStore.open(dir.resolve("s.db"))) {
            s.insertSession(session("a1", "alice", 1000));
            s.saveContext(new StoredContext("a1", ContextKind.SAVED, 1, new byte[] {1}, List.of("x"), 1, null));
            s.saveContext(new StoredContext("a1", ContextKind.SAVED, 2, new byte[] {2}, List.of("y"), 2, null));
            assertArrayEquals(
                    new byte[] {2},
                    s.loadContext("a1", ContextKind.SAVED).orElseThrow().snapshot());
            assertTrue(s.deleteSession("a1"));
            assertFalse(s.deleteSession("a1"));
            assertTrue(s.loadContext("a1", ContextKind.SAVED).isEmpty());
            assertFalse(s.updateState("a1", "{}", 5));
        }
    }

    @Test
    void touchNeverMovesAccessTimeBackwards() {
        try (SessionStore s = SessionStore.open(dir.resolve("s.db"))) {
            s.insertSession(session("a1", "alice", 1000));
            s.touch(Map.of("a1", 5000L));
            s.touch(Map.of("a1", 3000L));
            assertEquals(5000, s.loadSessions().getFirst().lastAccess());
        }
    }

    @Test
    void databaseIsInWalModeWithCurrentSchema() throws Exception {
        Path db = dir.resolve("s.db");
        try (SessionStore s = SessionStore.open(db)) {
            assertEquals(SessionStore.SCHEMA_VERSION, s.schemaVersion());
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
    }

    @Test
    void migratesAVersionOneStoreKeepingItsRows() throws Exception {
        Path db = dir.resolve("v1.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            st.execute(
                    "CREATE TABLE sessions (session_id TEXT PRIMARY KEY, client_id TEXT NOT NULL, created_at INTEGER NOT NULL,"
                            + " last_modified INTEGER NOT NULL, last_access INTEGER NOT NULL, timeout_s INTEGER NOT NULL,"
                            + " state_json TEXT NOT NULL DEFAULT '{}')");
            st.execute("CREATE INDEX sessions_by_client ON sessions(client_id)");
            st.execute(
                    "CREATE TABLE contexts (session_id TEXT NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,"
                            + " kind TEXT NOT NULL, saved_at INTEGER NOT NULL, snapshot BLOB NOT NULL, variables TEXT NOT NULL,"
                            + " history_size INTEGER NOT NULL, PRIMARY KEY (session_id, kind))");
            st.execute("INSERT INTO sessions VALUES ('a1', 'alice', 1, 1, 1, 3600, '{}')");
            st.execute("INSERT INTO contexts VALUES ('a1', 'SAVED', 5, x'0102', '[\"x\"]', 3)");
            st.execute("PRAGMA user_version=1");
        }
        try (SessionStore s = SessionStore.open(db)) {
            assertEquals(SessionStore.SCHEMA_VERSION, s.schemaVersion());
            StoredContext c = s.loadContext("a1", ContextKind.SAVED).orElseThrow();
            assertArrayEquals(new byte[] {1, 2}, c.snapshot());
            assertEquals("{}", c.meta());
        }
    }

    @Test
    void refusesANewerSchema() throws Exception {
        Path db = dir.resolve("s.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version=" + (SessionStore.SCHEMA_VERSION + 1));
        }
        StoreException e = assertThrows(StoreException.class, () -> SessionStore.open(db));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void oneServerPerStore() {
        Path db = dir.resolve("s.db");
        try (SessionStore first = SessionStore.open(db)) {
            StoreException e = assertThrows(StoreException.class, () -> SessionStore.open(db));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
        SessionStore.open(db).close();
    }
}
