package io.stui.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.protocol.JsonText;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Durable store of sessions, client state and saved contexts in one SQLite file.
 *
 * <p>Durability: the database runs in WAL mode with {@code synchronous=FULL}, so every committed
 * transaction has been fsync'ed to the write-ahead log before the commit call returns. A method of
 * this class that returns normally has therefore made its change survive {@code kill -9} and power
 * loss; the server acknowledges a request only after such a call.
 *
 * <p>The schema is versioned ({@code PRAGMA user_version}) and migrated forward at open. One process
 * owns a store at a time: an exclusive lock on {@code <file>.lock} is taken at open (the OS drops
 * it if the process dies). Methods are thread-safe (one connection, serialised).
 */
public final class SessionStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

    /** Forward migrations; index i moves the schema from version i to i+1. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of("""
                    CREATE TABLE sessions (
                      session_id    TEXT PRIMARY KEY,
                      client_id     TEXT NOT NULL,
                      created_at    INTEGER NOT NULL,
                      last_modified INTEGER NOT NULL,
                      last_access   INTEGER NOT NULL,
                      timeout_s     INTEGER NOT NULL,
                      state_json    TEXT NOT NULL DEFAULT '{}')""", "CREATE INDEX sessions_by_client ON sessions(client_id)", """
                    CREATE TABLE contexts (
                      session_id   TEXT NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,
                      kind         TEXT NOT NULL,
                      saved_at     INTEGER NOT NULL,
                      snapshot     BLOB NOT NULL,
                      variables    TEXT NOT NULL,
                      history_size INTEGER NOT NULL,
                      PRIMARY KEY (session_id, kind))"""),
            // v2: server-side metadata of a context (inspector selection, known object ids)
            List.of("ALTER TABLE contexts ADD COLUMN meta TEXT NOT NULL DEFAULT '{}'"),
            // v3: the default image (one row) and facts about the store itself, such as its image id
            List.of(
                    "CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    "CREATE TABLE image (name TEXT PRIMARY KEY, saved_at INTEGER NOT NULL, snapshot BLOB NOT NULL)"),
            // v4: the identity that owns each session; sessions made before identities are owned by their client id,
            // which is what a server without authentication owns by
            List.of(
                    "ALTER TABLE sessions ADD COLUMN owner TEXT",
                    "UPDATE sessions SET owner = client_id WHERE owner IS NULL",
                    "CREATE INDEX sessions_by_owner ON sessions(owner)"));

    /** Schema version this code reads and writes. */
    public static final int SCHEMA_VERSION = MIGRATIONS.size();

    private final Path path;
    private final Connection conn;
    private final FileChannel lockChannel;
    private final FileLock lock;

    /** Space kept aside so deletes can still run when the disk is full (see {@link SpaceReserve}). */
    private final SpaceReserve reserve;

    private SessionStore(Path path, Connection conn, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.reserve = new SpaceReserve(Path.of(path + ".reserve"));
        this.conn = conn;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating if needed) the store at {@code path} and migrates its schema. */
    public static SessionStore open(Path path) {
        Path abs = path.toAbsolutePath();
        FileChannel ch = null;
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            ch = FileChannel.open(Path.of(abs + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lk;
            try {
                lk = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lk = null;
            }
            if (lk == null) {
                throw new StoreException(
                        "Store " + abs + " is in use by another server; stop it or choose another --store.");
            }
            StoreFile.refuseForeign(abs);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + abs);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("PRAGMA busy_timeout=5000");
            }
            SessionStore store = new SessionStore(abs, c, ch, lk);
            try {
                store.refuseForeignSchema();
                store.migrate();
            } catch (RuntimeException | SQLException e) {
                store.close();
                throw e;
            }
            store.reserve.keep();
            return store;
        } catch (SQLException | IOException e) {
            closeQuietly(ch);
            throw new StoreException("Cannot open store " + abs + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    /** A store failure, as {@link StoreFullException} when SQLite says the disk or its size limit is full. */
    private static StoreException failed(String message, Exception e) {
        if (e instanceof SQLiteException se && se.getResultCode() == SQLiteErrorCode.SQLITE_FULL) {
            return new StoreFullException(message, e);
        }
        return new StoreException(message, e);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    /** A SQLite file with tables but none of ours (schema version 0) is someone else's database: not touched. */
    private void refuseForeignSchema() throws SQLException {
        if (readUserVersion() != 0) {
            return;
        }
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
            if (rs.next() && rs.getInt(1) > 0) {
                throw new StoreException("Store " + path + " is a SQLite database of another program (it has tables"
                        + " but no STUI schema version); refusing to use it. Choose another --store.");
            }
        }
    }

    private synchronized void migrate() throws SQLException {
        int version = readUserVersion();
        if (version > SCHEMA_VERSION) {
            throw new StoreException("Store " + path + " has schema version " + version + ", newer than this server's "
                    + SCHEMA_VERSION + "; use a newer server or another --store.");
        }
        for (int v = version; v < SCHEMA_VERSION; v++) {
            int from = v;
            transaction(() -> {
                try (Statement st = conn.createStatement()) {
                    for (String sql : MIGRATIONS.get(from)) {
                        st.execute(sql);
                    }
                    st.execute("PRAGMA user_version=" + (from + 1));
                }
            });
            log.info("event=store_migrated path={} from={} to={}", path, v, v + 1);
        }
    }

    /** Current schema version of the open database. */
    public synchronized int schemaVersion() {
        try {
            return readUserVersion();
        } catch (SQLException e) {
            throw failed("Cannot read schema version: " + e.getMessage(), e);
        }
    }

    private int readUserVersion() throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Empty when the database answers a query now; otherwise what failed (for {@code /healthz}). */
    public synchronized Optional<String> probe() {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT 1 FROM sessions LIMIT 1)")) {
            return rs.next() ? Optional.empty() : Optional.of("no row");
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The database file. */
    public Path path() {
        return path;
    }

    /** Durably records a new session. */
    public synchronized void insertSession(StoredSession s) {
        String sql =
                "INSERT INTO sessions(session_id, client_id, created_at, last_modified, last_access, timeout_s, state_json,"
                        + " owner) VALUES (?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, s.sessionId());
            ps.setString(2, s.clientId());
            ps.setLong(3, s.createdAt());
            ps.setLong(4, s.lastModified());
            ps.setLong(5, s.lastAccess());
            ps.setLong(6, s.timeoutSeconds());
            ps.setString(7, s.stateJson());
            ps.setString(8, s.owner());
            ps.executeUpdate();
            reserve.keep();
        } catch (SQLException e) {
            throw failed("Cannot store session " + s.sessionId() + ": " + e.getMessage(), e);
        }
    }

    /** Durably replaces a session's client state; false when the session is not stored. */
    public synchronized boolean updateState(String sessionId, String stateJson, long lastModified) {
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE sessions SET state_json=?, last_modified=?, last_access=MAX(last_access, ?) WHERE session_id=?")) {
            ps.setString(1, stateJson);
            ps.setLong(2, lastModified);
            ps.setLong(3, lastModified);
            ps.setString(4, sessionId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("Cannot update state of session " + sessionId + ": " + e.getMessage(), e);
        }
    }

    /** Records last-access times in one transaction (used by the sweep and at shutdown). */
    public synchronized void touch(Map<String, Long> lastAccessById) {
        if (lastAccessById.isEmpty()) {
            return;
        }
        inTransaction(
                () -> {
                    try (PreparedStatement ps = conn.prepareStatement(
                            "UPDATE sessions SET last_access=MAX(last_access, ?) WHERE session_id=?")) {
                        for (var e : lastAccessById.entrySet()) {
                            ps.setLong(1, e.getValue());
                            ps.setString(2, e.getKey());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                },
                "record session access times");
    }

    /** Durably deletes a session and its contexts; false when it was not stored. */
    public synchronized boolean deleteSession(String sessionId) {
        return evenWhenFull(() -> deleteSessionOnce(sessionId));
    }

    private boolean deleteSessionOnce(String sessionId) {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM sessions WHERE session_id=?")) {
            ps.setString(1, sessionId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("Cannot delete session " + sessionId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a delete; when the disk is full (a delete writes to the write-ahead log too) the reserve is given back
     * and the delete tried once more, so space can always be freed. The reserve is taken again by a later write.
     */
    private <T> T evenWhenFull(java.util.function.Supplier<T> delete) {
        try {
            return delete.get();
        } catch (StoreFullException e) {
            if (!reserve.release()) {
                throw e;
            }
            log.warn("event=store_reserve_released path={} reason=disk_full", path);
            return delete.get();
        }
    }

    /** One stored session (live, or expired and still retained), if its row exists. */
    public synchronized Optional<StoredSession> loadSession(String sessionId) {
        try (PreparedStatement ps = conn.prepareStatement(SELECT_SESSIONS + " WHERE session_id=?")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(storedSession(rs));
            }
        } catch (SQLException e) {
            throw failed("Cannot load session " + sessionId + ": " + e.getMessage(), e);
        }
    }

    /** Durably deletes the sessions (and their contexts) last used before {@code cutoff}; answers how many. */
    public synchronized int deleteSessionsIdleBefore(long cutoff) {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM sessions WHERE last_access < ?")) {
            ps.setLong(1, cutoff);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed("Cannot delete old sessions: " + e.getMessage(), e);
        }
    }

    /** All stored sessions. */
    public synchronized List<StoredSession> loadSessions() {
        List<StoredSession> out = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(SELECT_SESSIONS + " ORDER BY created_at")) {
            while (rs.next()) {
                out.add(storedSession(rs));
            }
        } catch (SQLException e) {
            throw failed("Cannot load sessions: " + e.getMessage(), e);
        }
        return out;
    }

    /** The columns {@link #storedSession} reads, in its order. */
    private static final String SELECT_SESSIONS = "SELECT session_id, client_id, created_at, last_modified,"
            + " last_access, timeout_s, state_json, owner FROM sessions";

    private static StoredSession storedSession(ResultSet rs) throws SQLException {
        return new StoredSession(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getString(7),
                rs.getString(8));
    }

    /** Durably writes a context into its slot, replacing the previous one of the same kind. */
    public synchronized void saveContext(StoredContext c) {
        String sql = "INSERT INTO contexts(session_id, kind, saved_at, snapshot, variables, history_size, meta)"
                + " VALUES (?,?,?,?,?,?,?)"
                + " ON CONFLICT(session_id, kind) DO UPDATE SET saved_at=excluded.saved_at, snapshot=excluded.snapshot,"
                + " variables=excluded.variables, history_size=excluded.history_size, meta=excluded.meta";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, c.sessionId());
            ps.setString(2, c.kind().name());
            ps.setLong(3, c.savedAt());
            ps.setBytes(4, c.snapshot());
            ps.setString(5, JsonText.write(c.variables()));
            ps.setInt(6, c.historySize());
            ps.setString(7, c.meta());
            ps.executeUpdate();
            reserve.keep();
        } catch (SQLException e) {
            throw failed("Cannot save context of session " + c.sessionId() + ": " + e.getMessage(), e);
        }
    }

    /** The context in one slot, if any. */
    public synchronized Optional<StoredContext> loadContext(String sessionId, ContextKind kind) {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT saved_at, snapshot, variables, history_size, meta FROM contexts WHERE session_id=? AND kind=?")) {
            ps.setString(1, sessionId);
            ps.setString(2, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<String> vars = strings(rs.getString(3));
                return Optional.of(new StoredContext(
                        sessionId, kind, rs.getLong(1), rs.getBytes(2), vars, rs.getInt(4), rs.getString(5)));
            }
        } catch (SQLException | IOException e) {
            throw failed("Cannot load context of session " + sessionId + ": " + e.getMessage(), e);
        }
    }

    /** The most recent context of either kind (what a workspace is revived from after a restart). */
    public Optional<StoredContext> latestContext(String sessionId) {
        Optional<StoredContext> saved = loadContext(sessionId, ContextKind.SAVED);
        Optional<StoredContext> auto = loadContext(sessionId, ContextKind.AUTO);
        if (saved.isEmpty()) {
            return auto;
        }
        if (auto.isEmpty()) {
            return saved;
        }
        return auto.get().savedAt() > saved.get().savedAt() ? auto : saved;
    }

    /** Durably removes a session's contexts of one kind. */
    public synchronized void deleteContext(String sessionId, ContextKind kind) {
        evenWhenFull(() -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM contexts WHERE session_id=? AND kind=?")) {
                ps.setString(1, sessionId);
                ps.setString(2, kind.name());
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw failed("Cannot delete context of session " + sessionId + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * The store's image id: made once, the first time a server opens the store (a store older than the id gets
     * one then), and the same for as long as the file lives, so clients can tell servers' images apart.
     */
    public synchronized String imageId() {
        try {
            try (PreparedStatement ps = conn.prepareStatement("SELECT value FROM store_info WHERE key='image_id'");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
            String id = java.util.UUID.randomUUID().toString();
            try (PreparedStatement ps =
                    conn.prepareStatement("INSERT INTO store_info(key, value) VALUES ('image_id', ?)")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw failed("Cannot read the image id: " + e.getMessage(), e);
        }
    }

    /** Durably replaces the default image's snapshot. */
    public synchronized void saveImage(byte[] snapshot, long savedAt) {
        String sql = "INSERT INTO image(name, saved_at, snapshot) VALUES ('default', ?, ?)"
                + " ON CONFLICT(name) DO UPDATE SET saved_at=excluded.saved_at, snapshot=excluded.snapshot";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, savedAt);
            ps.setBytes(2, snapshot);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failed("Cannot save the image: " + e.getMessage(), e);
        }
    }

    /** The default image's last saved snapshot, if it was ever saved. */
    public synchronized Optional<byte[]> loadImage() {
        try (PreparedStatement ps = conn.prepareStatement("SELECT snapshot FROM image WHERE name='default'");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
        } catch (SQLException e) {
            throw failed("Cannot load the image: " + e.getMessage(), e);
        }
    }

    /** Folds the write-ahead log into the main database file (at shutdown; not needed for durability). */
    public synchronized void checkpoint() {
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            log.warn("event=store_checkpoint_failed path={} error=\"{}\"", path, e.getMessage());
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} in one transaction, rolled back if it throws. */
    private void transaction(SqlWork work) throws SQLException {
        conn.setAutoCommit(false);
        try {
            work.run();
            conn.commit();
        } catch (SQLException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
    }

    private void inTransaction(SqlWork work, String what) {
        try {
            transaction(work);
        } catch (SQLException e) {
            throw failed("Cannot " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (!conn.isClosed()) {
                checkpoint();
                conn.close();
            }
        } catch (SQLException e) {
            log.warn("event=store_close_failed path={} error=\"{}\"", path, e.getMessage());
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the channel close below releases it too
            }
            closeQuietly(lockChannel);
        }
    }

    /** A JSON array of strings as written by {@link #saveContext}. */
    private static List<String> strings(String json) throws IOException {
        JsonNode array = JsonText.parse(json);
        if (!array.isArray()) {
            throw new IOException("the variable names are not a JSON array: " + json);
        }
        List<String> names = new ArrayList<>(array.size());
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
