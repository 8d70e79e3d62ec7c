package io.stui.zmq.internal.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.zmq.ZmqError;
import io.stui.zmq.ZmqException;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * The cold calls' one shared downcall (four longs in, a long out, errno captured) calls C functions of fewer
 * arguments and of int and pointer types correctly, checked on libc's own functions: an int argument arrives
 * with its sign, an int result is the low half, errno is the callee's.
 */
class SharedDowncallTest {

    private static Lib.CFunction libc(String name) {
        return Lib.CFunction.of(
                name, () -> Linker.nativeLinker().defaultLookup().find(name).orElseThrow());
    }

    @Test
    void intArgumentsKeepTheirSignAndIntResultsAreTheLowHalf() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Lib.CAPTURE_LAYOUT);
            assertEquals(7, (int) libc("abs").call(capture, -7));
            assertEquals(-2, (int)
                    libc("atoi").call(capture, arena.allocateFrom("-2").address()));
            assertEquals(
                    11L,
                    libc("strlen")
                            .call(capture, arena.allocateFrom("hello world").address()));
        }
    }

    @Test
    void errnoIsTheOneTheFunctionSet() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Lib.CAPTURE_LAYOUT);
            assertEquals(-1, (int) libc("close").call(capture, -1));
            assertEquals(9, Lib.errno(capture), "EBADF");
        }
    }

    @Test
    void aFunctionTheLibraryLacksFailsWhenCalledNamingIt() {
        Lib.CFunction missing = Lib.CFunction.of("zmq_not_in_any_release", () -> {
            throw new UnsatisfiedLinkError("unresolved symbol: zmq_not_in_any_release");
        });
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Lib.CAPTURE_LAYOUT);
            ZmqException e = assertThrows(ZmqException.class, () -> missing.call(capture));
            assertEquals(ZmqError.ENOTSUP, e.code());
            assertTrue(e.getMessage().contains("does not export zmq_not_in_any_release"), e.getMessage());
        }
    }
}
