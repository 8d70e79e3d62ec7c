package io.stui.server.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The operator's tools for a store file ({@code stui store check|backup|restore}). Check and backup only read, so
 * they run while a server uses the store (SQLite readers see the last committed state); restore replaces the file
 * and so refuses while a server holds it.
 */
public final class StoreTools {
    private StoreTools() {}

    /** What a check found: the facts read and the problems, none when the store is sound. */
    public record Report(List<String> facts, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads the whole store: SQLite's integrity and foreign-key checks, our schema, what it holds. */
    public static Report check(Path file) {
        List<String> facts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            if (!Files.exists(file)) {
                throw new StoreException("Store " + file + " does not exist.");
            }
            StoreFile.refuseForeign(file);
            try (Connection c = readOnly(file);
                    Statement st = c.createStatement()) {
                int version = intOf(st, "PRAGMA user_version");
                facts.add("schema version " + version + " (this server writes " + SessionStore.SCHEMA_VERSION + ")");
                if (version == 0 || version > SessionStore.SCHEMA_VERSION) {
                    problems.add("schema version " + version + " is not one this server reads");
                }
                List<String> integrity = strings(st, "PRAGMA integrity_check");
                if (!integrity.equals(List.of("ok"))) {
                    problems.addAll(integrity.stream()
                            .limit(20)
                            .map(p -> "integrity: " + p)
                            .toList());
                }
                List<String> orphans = strings(st, "PRAGMA foreign_key_check");
                if (!orphans.isEmpty()) {
                    problems.add(orphans.size() + " rows refer to sessions that do not exist");
                }
                if (version > 0) {
                    facts.add(intOf(st, "SELECT count(*) FROM sessions") + " sessions, "
                            + intOf(st, "SELECT count(*) FROM contexts") + " contexts");
                    int bad = intOf(
                            st,
                            "SELECT count(*) FROM contexts WHERE length(snapshot) < 12"
                                    + " OR substr(snapshot, 1, 8) != CAST('STUISNAP' AS BLOB)");
                    if (bad > 0) {
                        problems.add(bad + " contexts do not hold a workspace snapshot");
                    }
                }
            }
        } catch (StoreException e) {
            problems.add(e.getMessage());
        } catch (SQLException | IOException e) {
            problems.add("cannot read " + file + ": " + e.getMessage());
        }
        return new Report(facts, problems);
    }

    /**
     * Writes a consistent copy of the store to {@code out} with {@code VACUUM INTO} (one read transaction, so the
     * copy is the store as of one commit, whatever a running server writes meanwhile), then checks the copy.
     */
    public static Report backup(Path file, Path out) {
        if (Files.exists(out)) {
            throw new StoreException(out + " exists; a backup never overwrites a file. Choose another name.");
        }
        Report source = check(file);
        if (!source.ok()) {
            throw new StoreException("Store " + file + " fails its check, so it is not backed up: "
                    + String.join("; ", source.problems()));
        }
        try (Connection c = readOnly(file);
                PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, out.toAbsolutePath().toString());
            ps.execute();
        } catch (SQLException e) {
            throw new StoreException("Cannot back " + file + " up to " + out + ": " + e.getMessage(), e);
        }
        return check(out);
    }

    /**
     * Replaces the store with a backup: the backup is checked first, the store must not be in use (its lock is
     * taken for the duration), and the replaced file is kept beside it as {@code <store>.before-restore-<time>}.
     * Answers the path the old store was moved to, or null when there was none.
     */
    public static Path restore(Path backup, Path store) {
        Report r = check(backup);
        if (!r.ok()) {
            throw new StoreException(
                    "Backup " + backup + " fails its check, so it is not restored: " + String.join("; ", r.problems()));
        }
        Path abs = store.toAbsolutePath();
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            try (FileChannel ch = FileChannel.open(
                            Path.of(abs + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = tryLock(ch)) {
                if (lock == null) {
                    throw new StoreException("Store " + abs + " is in use by a server; stop it before restoring.");
                }
                Path kept = null;
                if (Files.exists(abs)) {
                    // fold the old store's log into it, so the file kept aside is complete on its own
                    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + abs);
                            Statement st = c.createStatement()) {
                        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    } catch (SQLException e) {
                        // a damaged store is kept as it is
                    }
                    kept = Path.of(abs + ".before-restore-" + System.currentTimeMillis());
                    Files.move(abs, kept);
                    for (String side : new String[] {"-wal", "-shm"}) {
                        Path p = Path.of(abs + side);
                        if (Files.exists(p)) {
                            Files.move(p, Path.of(kept + side));
                        }
                    }
                }
                Path partial = Path.of(abs + ".restoring");
                Files.copy(backup, partial, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel f = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                    f.force(true);
                }
                Files.move(partial, abs, StandardCopyOption.ATOMIC_MOVE);
                return kept;
            }
        } catch (IOException e) {
            throw new StoreException("Cannot restore " + backup + " to " + abs + ": " + e.getMessage(), e);
        }
    }

    /** The lock, or null when a server (in this process or another) holds it. */
    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    private static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    private static int intOf(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
