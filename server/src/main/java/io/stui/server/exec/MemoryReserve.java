package io.stui.server.exec;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A block of heap held back for the moments the shared heap runs out: an answer must still be encoded and sent
 * (every request gets one, a failed task's too), and shutdown must still save every changed workspace and log that
 * it stopped. Releasing the block gives those moments room; {@link #replenish} takes it back once memory is free.
 *
 * <p>Small on purpose: it is resident for the server's life (the JVM zeroes the array), and what it must cover
 * is an error answer, a log line and the snapshot buffers of ordinary sessions, not a hoarder's.
 */
public final class MemoryReserve {

    private final int bytes;
    private final AtomicReference<byte[]> block = new AtomicReference<>();

    public MemoryReserve(int bytes) {
        this.bytes = bytes;
        replenish();
    }

    /** Drops the block so that the caller has room to finish; true when there was one to drop. */
    public boolean release() {
        return block.getAndSet(null) != null;
    }

    /** Takes the block back when the heap has room again (quietly not, when it still has none). */
    public void replenish() {
        if (block.get() != null) {
            return;
        }
        try {
            block.compareAndSet(null, new byte[bytes]);
        } catch (OutOfMemoryError e) {
            // still short: the next failure finds no reserve, and the next success tries again
        }
    }

    /** Whether the block is held (for tests and metrics). */
    public boolean held() {
        return block.get() != null;
    }
}
