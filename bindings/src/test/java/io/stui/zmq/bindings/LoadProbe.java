package io.stui.zmq.bindings;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Run in a child JVM by {@link LibraryLoadingTest}: touches {@code zmq_h} and prints what happened,
 * exiting 0 when libzmq loaded and 3 when class initialisation failed.
 */
public final class LoadProbe {

    private LoadProbe() {
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(zmq_h.C_INT, 3);
            zmq_h.zmq_version(v, v.asSlice(4), v.asSlice(8));
            System.out.println("loaded " + v.getAtIndex(zmq_h.C_INT, 0) + "." + v.getAtIndex(zmq_h.C_INT, 1)
                    + "." + v.getAtIndex(zmq_h.C_INT, 2));
        } catch (LinkageError first) {
            String again;
            try {
                zmq_h.zmq_errno();
                again = "then nothing";
            } catch (LinkageError second) {
                again = "then " + second.getClass().getName();
            }
            System.out.println(first + " " + again);
            System.exit(3);
        }
    }
}
