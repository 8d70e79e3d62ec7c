package io.stui.server.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, small filesystem for disk-full tests: a tmpfs of a few MiB mounted on a temporary directory (root and a
 * system that allows {@code mount} are needed; without them the test is skipped, saying why), filled to the last
 * byte by a filler file and given space back by deleting it. Unmounted on close.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path dir;
    private final Path filler;

    private SmallDisk(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler");
    }

    /** Mounts a tmpfs of {@code mib} MiB on a new directory under {@code parent}, or skips the test. */
    public static SmallDisk mount(Path parent, int mib) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(parent, "small-disk-");
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + mib + "m", "tmpfs", dir.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        boolean done = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        assumeTrue(done, "a small tmpfs cannot be mounted here (needs root and mount permission): " + out.strip());
        return new SmallDisk(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Writes the filler until the filesystem refuses another byte. */
    public void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException noSpace) {
            // full: what remains is less than one block
        }
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException noSpace) {
            // full to the byte
        }
    }

    /** Deletes the filler: the space is back. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("umount", "-l", dir.toString())
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
    }
}
