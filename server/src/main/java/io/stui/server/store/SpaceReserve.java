package io.stui.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file of real bytes beside the store, kept while there is room. On a full disk even a delete needs space (it
 * appends to the write-ahead log), so the store gives this file back to let {@code close_session} free space,
 * and takes it again after a later write succeeds. Best effort: a disk too full to hold it simply has none.
 */
final class SpaceReserve {
    static final int SIZE = 256 * 1024;

    private final Path file;
    private boolean held;

    SpaceReserve(Path file) {
        this.file = file;
    }

    /** Makes sure the reserve exists (written bytes, not a sparse file); silent when there is no room for it. */
    void keep() {
        if (held) {
            return;
        }
        try (FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            if (ch.size() < SIZE) {
                ByteBuffer zeros = ByteBuffer.allocate(SIZE - (int) ch.size());
                ch.position(ch.size());
                while (zeros.hasRemaining()) {
                    ch.write(zeros);
                }
                ch.force(true);
            }
            held = true;
        } catch (IOException e) {
            // no room: the reserve is taken once space returns
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing held either way
            }
        }
    }

    /** Frees the reserve's space; false when there was none to free. */
    boolean release() {
        try {
            boolean had = Files.deleteIfExists(file);
            held = false;
            return had;
        } catch (IOException e) {
            return false;
        }
    }
}
