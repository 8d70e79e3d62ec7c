package io.stui.server.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/** serve's one extracted SQLite library per build: extracted once, reused, extracted again when cut short. */
class SqliteLibraryCacheTest {
    @TempDir
    Path dir;

    private static final URL LIBRARY = SQLiteJDBCLoader.class.getResource(
            LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName());

    private static JarURLConnection library() throws IOException {
        return (JarURLConnection) LIBRARY.openConnection();
    }

    private static byte[] jarCopy() throws IOException {
        try (InputStream in = library().getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void extractsTheJarsLibraryOnceUnderANameOfItsCrcAndSize() throws IOException {
        Path first = SqliteLibraryCache.extracted(library(), dir.resolve("native"));
        assertArrayEquals(jarCopy(), Files.readAllBytes(first));
        long crc = library().getJarEntry().getCrc();
        assertTrue(first.getFileName().toString().startsWith(String.format("sqlite-%08x-", crc)), first.toString());

        Object key = Files.readAttributes(first, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
        Path second = SqliteLibraryCache.extracted(library(), dir.resolve("native"));
        assertEquals(first, second);
        assertEquals(
                key,
                Files.readAttributes(second, java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey());
        try (var files = Files.list(dir.resolve("native"))) {
            assertEquals(1, files.count(), "no partial file left behind");
        }
    }

    @Test
    void aCopyCutShortIsExtractedAgain() throws IOException {
        Path file = SqliteLibraryCache.extracted(library(), dir);
        try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
            channel.truncate(1000);
        }
        assertEquals(file, SqliteLibraryCache.extracted(library(), dir));
        assertArrayEquals(jarCopy(), Files.readAllBytes(file));
    }

    @Test
    void leavesSqliteAloneOutsideTheLaunchersJar() {
        // the tests run from classes and sqlite-jdbc's own jar: nothing is written next to that jar
        assertFalse(SqliteLibraryCache.use());
        assertNull(System.getProperty("org.sqlite.lib.path"));
    }
}
