package io.stui.zmq.bindings;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages and sockets through the generated wrappers and struct classes. */
class ZmqMsgTest {

    @Test
    void msgInitSizeDataSizeClose() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment msg = zmq_msg_t.allocate(arena);
            assertEquals(0, msg.address() % 8, "zmq_msg_t must be 8-byte aligned");
            assertEquals(0, zmq_h.zmq_msg_init_size(msg, 5));
            assertEquals(5L, zmq_h.zmq_msg_size(msg));
            MemorySegment data = zmq_h.zmq_msg_data(msg);
            assertNotEquals(0L, data.address());
            MemorySegment bytes = data.reinterpret(5);
            bytes.copyFrom(MemorySegment.ofArray("hello".getBytes(StandardCharsets.US_ASCII)));
            assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII),
                    zmq_h.zmq_msg_data(msg).reinterpret(zmq_h.zmq_msg_size(msg)).toArray(ValueLayout.JAVA_BYTE));
            assertEquals(0, zmq_h.zmq_msg_more(msg));
            assertEquals(0, zmq_h.zmq_msg_close(msg));
        }
    }

    @Test
    void pairOverInprocSendsAndReceivesAMessage() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ctx = zmq_h.zmq_ctx_new();
            MemorySegment a = zmq_h.zmq_socket(ctx, zmq_h.ZMQ_PAIR());
            MemorySegment b = zmq_h.zmq_socket(ctx, zmq_h.ZMQ_PAIR());
            MemorySegment endpoint = arena.allocateFrom("inproc://bindings-test");
            assertEquals(0, zmq_h.zmq_bind(a, endpoint));
            assertEquals(0, zmq_h.zmq_connect(b, endpoint));

            MemorySegment payload = arena.allocateFrom("ping");
            assertEquals(4, zmq_h.zmq_send(b, payload, 4, 0));

            MemorySegment msg = zmq_msg_t.allocate(arena);
            assertEquals(0, zmq_h.zmq_msg_init(msg));
            assertEquals(4, zmq_h.zmq_msg_recv(msg, a, 0));
            assertEquals("ping", new String(zmq_h.zmq_msg_data(msg).reinterpret(4).toArray(ValueLayout.JAVA_BYTE),
                    StandardCharsets.US_ASCII));
            assertEquals(0, zmq_h.zmq_msg_close(msg));

            assertEquals(0, zmq_h.zmq_close(a));
            assertEquals(0, zmq_h.zmq_close(b));
            assertEquals(0, zmq_h.zmq_ctx_term(ctx));
        }
    }

    /**
     * The contract core relies on: a handle built from {@code $address()} and {@code $descriptor()} with
     * {@code captureCallState("errno")} reports the errno of exactly that call (a later
     * {@code zmq_errno()} downcall may see a value the JVM overwrote in between).
     */
    @Test
    void errnoCapturingHandleFromAddressAndDescriptorReportsEagain() throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ctx = zmq_h.zmq_ctx_new();
            MemorySegment a = zmq_h.zmq_socket(ctx, zmq_h.ZMQ_PAIR());
            assertEquals(0, zmq_h.zmq_bind(a, arena.allocateFrom("inproc://bindings-errno")));

            StructLayout stateLayout = Linker.Option.captureStateLayout();
            VarHandle errno = stateLayout.varHandle(MemoryLayout.PathElement.groupElement("errno"));
            MethodHandle recv = Linker.nativeLinker().downcallHandle(zmq_h.zmq_recv$address(),
                    zmq_h.zmq_recv$descriptor(), Linker.Option.captureCallState("errno"));
            MemorySegment state = arena.allocate(stateLayout);
            MemorySegment buf = arena.allocate(16);
            // Nothing to read: a non-blocking receive would block, reported as EAGAIN.
            int rc = (int) recv.invokeExact(state, a, buf, 16L, zmq_h.ZMQ_DONTWAIT());
            assertEquals(-1, rc);
            assertEquals(zmq_h.EAGAIN(), (int) errno.get(state, 0L));

            assertEquals(0, zmq_h.zmq_close(a));
            assertEquals(0, zmq_h.zmq_ctx_term(ctx));
        }
    }

    @Test
    void pollItemFieldsRoundTripAndPollSeesReadability() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ctx = zmq_h.zmq_ctx_new();
            MemorySegment a = zmq_h.zmq_socket(ctx, zmq_h.ZMQ_PAIR());
            MemorySegment b = zmq_h.zmq_socket(ctx, zmq_h.ZMQ_PAIR());
            MemorySegment endpoint = arena.allocateFrom("inproc://bindings-poll");
            assertEquals(0, zmq_h.zmq_bind(a, endpoint));
            assertEquals(0, zmq_h.zmq_connect(b, endpoint));

            MemorySegment items = zmq_pollitem_t.allocateArray(2, arena);
            MemorySegment first = zmq_pollitem_t.asSlice(items, 0);
            MemorySegment second = zmq_pollitem_t.asSlice(items, 1);
            zmq_pollitem_t.socket(first, a);
            zmq_pollitem_t.events(first, (short) zmq_h.ZMQ_POLLIN());
            zmq_pollitem_t.socket(second, b);
            zmq_pollitem_t.events(second, (short) zmq_h.ZMQ_POLLIN());
            assertEquals(a.address(), zmq_pollitem_t.socket(first).address());
            assertEquals(zmq_h.ZMQ_POLLIN(), zmq_pollitem_t.events(second));

            assertEquals(4, zmq_h.zmq_send(b, arena.allocateFrom("ping"), 4, 0));
            // Blocks until a is readable (the message is already queued), at most 5 s.
            assertEquals(1, zmq_h.zmq_poll(items, 2, 5000));
            assertTrue((zmq_pollitem_t.revents(first) & zmq_h.ZMQ_POLLIN()) != 0);
            assertFalse((zmq_pollitem_t.revents(second) & zmq_h.ZMQ_POLLIN()) != 0);

            assertEquals(0, zmq_h.zmq_close(a));
            assertEquals(0, zmq_h.zmq_close(b));
            assertEquals(0, zmq_h.zmq_ctx_term(ctx));
        }
    }
}
