package io.stui.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner column (schema v4): a store of the schema before identities keeps its sessions, owned by client id. */
class SessionOwnerMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aVersionThreeStoreGetsOwnersFromItsClientIds() throws Exception {
        Path db = dir.resolve("v3.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            // the schema as version 3 left it
            st.execute("CREATE TABLE sessions (session_id TEXT PRIMARY KEY, client_id TEXT NOT NULL,"
                    + " created_at INTEGER NOT NULL, last_modified INTEGER NOT NULL, last_access INTEGER NOT NULL,"
                    + " timeout_s INTEGER NOT NULL, state_json TEXT NOT NULL DEFAULT '{}')");
            st.execute("CREATE INDEX sessions_by_client ON sessions(client_id)");
            st.execute("CREATE TABLE contexts (session_id TEXT NOT NULL REFERENCES sessions(session_id)"
                    + " ON DELETE CASCADE, kind TEXT NOT NULL, saved_at INTEGER NOT NULL, snapshot BLOB NOT NULL,"
                    + " variables TEXT NOT NULL, history_size INTEGER NOT NULL, meta TEXT NOT NULL DEFAULT '{}',"
                    + " PRIMARY KEY (session_id, kind))");
            st.execute("CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            st.execute("CREATE TABLE image (name TEXT PRIMARY KEY, saved_at INTEGER NOT NULL, snapshot BLOB NOT NULL)");
            st.execute("INSERT INTO sessions VALUES ('a1', 'alice', 1, 2, 3, 3600, '{\"k\":1}')");
            st.execute("INSERT INTO sessions VALUES ('b1', 'bob', 4, 5, 6, 60, '{}')");
            st.execute("PRAGMA user_version=3");
        }
        try (SessionStore s = SessionStore.open(db)) {
            assertEquals(SessionStore.SCHEMA_VERSION, s.schemaVersion());
            assertEquals(
                    new StoredSession("a1", "alice", 1, 2, 3, 3600, "{\"k\":1}", "alice"),
                    s.loadSession("a1").orElseThrow());
            assertEquals(
                    List.of("alice", "bob"),
                    s.loadSessions().stream().map(StoredSession::owner).toList());
            // a session made by an authenticated identity keeps that owner, whatever client id it claimed
            s.insertSession(new StoredSession("m1", "alice", 7, 7, 7, 60, "{}", "mallory"));
        }
        try (SessionStore s = SessionStore.open(db)) {
            assertEquals("mallory", s.loadSession("m1").orElseThrow().owner());
        }
    }
}
