package io.stui.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Checks on a store file made before SQLite opens it, so a wrong file is refused rather than taken over. */
final class StoreFile {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private StoreFile() {}

    /**
     * Refuses an existing file that is empty or not a SQLite database. SQLite would start an empty store in a
     * zero-length file, silently, which hides a store lost to a copy or a crash of another tool.
     */
    static void refuseForeign(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new StoreException("Store " + file + " is not a regular file; choose another --store.");
        }
        if (Files.size(file) == 0) {
            throw new StoreException("Store " + file + " is empty (0 bytes), not a STUI store: restore a backup"
                    + " (stui store restore) or delete the file to start an empty store.");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SQLITE_HEADER.length);
        }
        if (!Arrays.equals(head, SQLITE_HEADER)) {
            throw new StoreException(
                    "Store " + file + " is not a SQLite database (wrong header); refusing to use it. Choose another"
                            + " --store, or restore a backup (stui store restore).");
        }
    }
}
