package io.stui.zmq.internal.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.stui.zmq.ZmqError;
import org.junit.jupiter.api.Test;

/** The errno table read from the bindings' constants names every portable code, both ways. */
class NativeErrorsTest {

    @Test
    void everyPortableCodeHasThisPlatformsNumberAndBack() {
        for (ZmqError code : ZmqError.values()) {
            if (code == ZmqError.OTHER) {
                assertEquals(0, NativeErrors.errno(code));
                continue;
            }
            int errno = NativeErrors.errno(code);
            assertNotEquals(0, errno, code + " has no number");
            assertEquals(code, NativeErrors.code(errno), "errno " + errno);
        }
    }

    @Test
    void numbersAreTheOnesLibzmqReports() {
        // Linux's errno for the system's codes, and libzmq's own above its ZMQ_HAUSNUMERO (156384712).
        assertEquals(11, NativeErrors.errno(ZmqError.EAGAIN));
        assertEquals(98, NativeErrors.errno(ZmqError.EADDRINUSE));
        assertEquals(156384712 + 51, NativeErrors.errno(ZmqError.EFSM));
        assertEquals(156384712 + 53, NativeErrors.errno(ZmqError.ETERM));
        assertEquals(ZmqError.OTHER, NativeErrors.code(-1));
        assertEquals(
                "Address already in use",
                NativeErrors.error("zmq_bind", 98, null).errorText());
    }
}
