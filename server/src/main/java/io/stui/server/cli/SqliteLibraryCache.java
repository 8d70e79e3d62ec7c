package io.stui.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * One extracted copy of SQLite's native library per build, for {@code stui serve}. Left to itself, sqlite-jdbc
 * writes its library to a new file in the temporary directory at every start and then compares it byte by byte with
 * the jar's copy: about 60-140 ms of CPU before the store can open, and one more 1 MB file in /tmp for every server
 * a {@code kill -9} stopped. Here the library is extracted once into {@code native/} next to the launcher's jar,
 * under a name that carries the jar entry's CRC and size (read from the jar's directory, so checking costs nothing),
 * and sqlite-jdbc is pointed at it ({@code org.sqlite.lib.path}, which it loads without extracting). Anything
 * unusual (not running from the shaded jar, a directory that cannot be written, the property already set) leaves
 * sqlite-jdbc to do as it always did.
 */
final class SqliteLibraryCache {
    private SqliteLibraryCache() {}

    /** Points sqlite-jdbc at this build's extracted library, extracting it first if need be; false if it did not. */
    static boolean use() {
        if (System.getProperty("org.sqlite.lib.path") != null) return false;
        try {
            URL library = SQLiteJDBCLoader.class.getResource(
                    LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName());
            Path ownJar = Path.of(SqliteLibraryCache.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            // only from the launcher's shaded jar: a test or an embedding has sqlite-jdbc's own jar, not ours to write
            // next to
            if (library == null
                    || !(library.openConnection() instanceof JarURLConnection jar)
                    || !Files.isRegularFile(ownJar)
                    || !Path.of(jar.getJarFileURL().toURI()).equals(ownJar)) {
                return false;
            }
            Path extracted = extracted(jar, ownJar.resolveSibling("native"));
            System.setProperty("org.sqlite.lib.path", extracted.getParent().toString());
            System.setProperty("org.sqlite.lib.name", extracted.getFileName().toString());
            return true;
        } catch (IOException | RuntimeException | URISyntaxException e) {
            return false; // sqlite-jdbc extracts its library itself, as without this cache
        }
    }

    /**
     * The library in {@code dir}, named after its jar entry's CRC and size: extracted when no file of that name and
     * size is there (a missing or cut-short copy, or another build's library).
     */
    static Path extracted(JarURLConnection library, Path dir) throws IOException {
        JarEntry entry = library.getJarEntry();
        if (entry.getSize() < 0 || entry.getCrc() < 0) throw new IOException("no size or CRC for " + entry);
        String name = Path.of(entry.getName()).getFileName().toString();
        Path file = dir.resolve(String.format("sqlite-%08x-%d-%s", entry.getCrc(), entry.getSize(), name));
        if (Files.isRegularFile(file) && Files.size(file) == entry.getSize()) return file;
        Files.createDirectories(dir);
        // written aside and renamed, so that a server started meanwhile never loads half a library
        Path partial = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try (InputStream in = library.getInputStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return file;
    }
}
