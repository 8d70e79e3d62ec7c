package io.stui.zmq.internal.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stui.zmq.ZmqError;
import io.stui.zmq.ZmqException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

/**
 * A function the loaded libzmq does not export is resolved the way the generated bindings resolve one
 * (a symbol lookup that throws {@link UnsatisfiedLinkError}), and becomes a {@link ZmqException} naming
 * it and the library's version when called, not a failure of the backend's initialisation. The missing
 * function is real: the installed libzmq (Debian's) is built without the draft API's zmq_poller_new.
 */
class MissingFunctionTest {

    private static MethodHandle resolve(SymbolLookup libzmq, String function, MethodType type) {
        return Lib.orMissing(
                function,
                () -> Linker.nativeLinker()
                        .downcallHandle(
                                libzmq.find(function)
                                        .orElseThrow(() -> new UnsatisfiedLinkError("unresolved symbol: " + function)),
                                FunctionDescriptor.of(ValueLayout.ADDRESS)),
                type);
    }

    @Test
    void aFunctionTheLibraryLacksFailsWhenCalledNamingItAndTheVersion() throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup libzmq = SymbolLookup.libraryLookup("libzmq.so.5", arena);
            assumeTrue(
                    libzmq.find("zmq_poller_new").isEmpty(),
                    "the installed library is built with the draft API: no function is missing");
            MethodType type = MethodType.methodType(MemorySegment.class);

            MethodHandle missing = resolve(libzmq, "zmq_poller_new", type);
            assertEquals(type, missing.type(), "same type as the real handle, so call sites do not change");
            ZmqException e = assertThrows(ZmqException.class, () -> {
                MemorySegment unused = (MemorySegment) missing.invokeExact();
            });
            assertEquals(ZmqError.ENOTSUP, e.code());
            assertEquals("zmq_poller_new", e.operation());
            assertTrue(
                    e.getMessage().contains("libzmq " + Lib.version() + " does not export zmq_poller_new"),
                    e.getMessage());

            MethodHandle present = resolve(libzmq, "zmq_ctx_new", type);
            MemorySegment ctx = (MemorySegment) present.invokeExact();
            assertTrue(!ctx.equals(MemorySegment.NULL), "a function the library has is called as before");
            Linker.nativeLinker()
                    .downcallHandle(
                            libzmq.find("zmq_ctx_term").orElseThrow(),
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS))
                    .invoke(ctx);
        }
    }

    @Test
    void anIntOrVoidFunctionGetsAThrowerOfItsOwnType() {
        MethodType type = MethodType.methodType(int.class, MemorySegment.class, int.class);
        MethodHandle missing = Lib.orMissing(
                "zmq_not_in_any_release",
                () -> {
                    throw new UnsatisfiedLinkError("unresolved symbol: zmq_not_in_any_release");
                },
                type);
        assertEquals(type, missing.type());
        ZmqException e = assertThrows(ZmqException.class, () -> {
            int unused = (int) missing.invokeExact(MemorySegment.NULL, 1);
        });
        assertTrue(e.getMessage().startsWith("zmq_not_in_any_release failed: ENOTSUP (libzmq "), e.getMessage());
        MethodHandle voidMissing = Lib.orMissing(
                "zmq_void_absent",
                () -> {
                    throw new UnsatisfiedLinkError("unresolved symbol: zmq_void_absent");
                },
                MethodType.methodType(void.class));
        assertThrows(ZmqException.class, () -> {
            voidMissing.invokeExact();
        });
    }
}
