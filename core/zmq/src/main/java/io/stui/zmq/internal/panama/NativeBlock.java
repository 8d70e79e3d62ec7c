package io.stui.zmq.internal.panama;

import static io.stui.zmq.internal.panama.Lib.rethrow;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
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
    // Addresses and sizes as longs (LP64): no segment objects around the calls.
    private static final MethodHandle CALLOC = LINKER.downcallHandle(
            LINKER.defaultLookup().find("calloc").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    private static final MethodHandle FREE = LINKER.downcallHandle(
            LINKER.defaultLookup().find("free").orElseThrow(), FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG));
    /** Blocks allocated and not yet freed: lets tests check each is freed exactly once (never on a hot path). */
    private static final AtomicLong LIVE = new AtomicLong();

    /** A zero-filled block of {@code size} bytes, 16-byte aligned (malloc's guarantee on LP64). */
    static MemorySegment allocate(long size) {
        long address;
        try {
            address = (long) CALLOC.invokeExact(1L, size);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (address == 0) {
            throw new OutOfMemoryError("calloc of " + size + " bytes failed");
        }
        LIVE.incrementAndGet();
        return MemorySegment.ofAddress(address).reinterpret(size);
    }

    /** Gives a block from {@link #allocate} back; the caller makes sure this happens once and nothing uses it later. */
    static void free(MemorySegment block) {
        try {
            FREE.invokeExact(block.address());
            LIVE.decrementAndGet();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** How many blocks are allocated and not yet freed, process-wide. */
    static long live() {
        return LIVE.get();
    }
}
