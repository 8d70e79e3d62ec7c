package io.stui.zmq.internal.panama;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Long-lived native scratch memory taken from the C heap (calloc/free) rather than from an arena.
 * The segments handed out have the global scope, so a downcall that passes them does no
 * acquire/release of a shared session (which a shared arena's segments cost on every call, for
 * every such argument). The price is that nothing in the JDK guards their lifetime: the owner
 * frees a block exactly once, on close, and checks that it is open before every use.
 */
final class NativeBlock {
    private NativeBlock() {}

    private static final Linker LINKER = Linker.nativeLinker();
    // Through Lib's shared downcall (addresses and sizes as longs, LP64): no stub of their own, no segment objects.
    private static final Lib.CFunction CALLOC = Lib.CFunction.of(
            "calloc", () -> LINKER.defaultLookup().find("calloc").orElseThrow());
    private static final Lib.CFunction FREE =
            Lib.CFunction.of("free", () -> LINKER.defaultLookup().find("free").orElseThrow());
    /** Blocks allocated and not yet freed: lets tests check each is freed exactly once (never on a hot path). */
    private static final AtomicLong LIVE = new AtomicLong();

    /** A zero-filled block of {@code size} bytes, 16-byte aligned (malloc's guarantee on LP64). */
    static MemorySegment allocate(long size) {
        long address;
        try (Arena a = Arena.ofConfined()) {
            address = CALLOC.call(a.allocate(Lib.CAPTURE_LAYOUT), 1L, size);
        }
        if (address == 0) {
            throw new OutOfMemoryError("calloc of " + size + " bytes failed");
        }
        LIVE.incrementAndGet();
        return MemorySegment.ofAddress(address).reinterpret(size);
    }

    /** Gives a block from {@link #allocate} back; the caller makes sure this happens once and nothing uses it later. */
    static void free(MemorySegment block) {
        try (Arena a = Arena.ofConfined()) {
            FREE.call(a.allocate(Lib.CAPTURE_LAYOUT), block.address());
            LIVE.decrementAndGet();
        }
    }

    /** How many blocks are allocated and not yet freed, process-wide. */
    static long live() {
        return LIVE.get();
    }
}
