package io.stui.zmq.bindings;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bindings load the installed libzmq and call it. */
class ZmqVersionTest {

    @Test
    void zmqVersionReportsTheInstalled43Library() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment major = arena.allocate(zmq_h.C_INT);
            MemorySegment minor = arena.allocate(zmq_h.C_INT);
            MemorySegment patch = arena.allocate(zmq_h.C_INT);
            zmq_h.zmq_version(major, minor, patch);
            assertEquals(4, major.get(zmq_h.C_INT, 0), "libzmq major version");
            assertEquals(3, minor.get(zmq_h.C_INT, 0), "libzmq minor version");
            // The header the bindings were generated from and the loaded library agree on 4.3.
            assertEquals(zmq_h.ZMQ_VERSION_MAJOR(), major.get(zmq_h.C_INT, 0));
            assertEquals(zmq_h.ZMQ_VERSION_MINOR(), minor.get(zmq_h.C_INT, 0));
        }
    }

    @Test
    void strerrorOfAZmqSpecificErrnoIsReadable() {
        MemorySegment text = zmq_h.zmq_strerror(zmq_h.EFSM());
        String message = text.reinterpret(256).getString(0);
        assertEquals("Operation cannot be accomplished in current state", message);
    }

    @Test
    void evaluatedConstantsHaveLibzmqsValues() {
        assertEquals(156384712 + 53, zmq_h.ETERM());
        assertEquals(156384712 + 51, zmq_h.EFSM());
        assertEquals(11, zmq_h.EAGAIN());
        assertEquals(4 * 10000 + 3 * 100 + zmq_h.ZMQ_VERSION_PATCH(), zmq_h.ZMQ_VERSION(),
                "ZMQ_VERSION is the function-like ZMQ_MAKE_VERSION(4, 3, patch), expanded");
        assertEquals(zmq_h.ZMQ_DONTWAIT(), zmq_h.ZMQ_NOBLOCK(), "alias macros resolve");
        assertEquals(0xFFFF, zmq_h.ZMQ_EVENT_ALL());
    }
}
