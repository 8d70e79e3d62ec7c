package io.stui.zmq.internal.panama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.zmq.Backend;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZPoller;
import io.stui.zmq.ZSocket;
import io.stui.zmq.ZmqError;
import io.stui.zmq.ZmqException;
import org.junit.jupiter.api.Test;

/**
 * The native backend's scratch blocks (calloc'd, outside any arena) are freed exactly once on
 * way a socket or poller is closed: by the user, twice, by its context, and when socket creation
 * fails. Counts blocks, so a single missed or doubled free shows (the leak test's heap
 * tolerance would not see a few hundred bytes per socket).
 */
class NativeBlockLifetimeTest {

    @Test
    void everyBlockIsFreedOnceWhateverClosesTheSocket() {
        long before = NativeBlock.live();
        ZContext ctx = new ZContext(Backend.NATIVE);
        ZSocket a = ctx.createSocket(SocketType.PAIR);
        ZSocket b = ctx.createSocket(SocketType.PAIR);
        ZSocket idle = ctx.createSocket(SocketType.DEALER);
        a.setLinger(0);
        b.setLinger(0);
        idle.setLinger(0);
        a.bind("inproc://blocks");
        b.connect("inproc://blocks");
        assertTrue(a.send("small")); // makes a's send buffer
        assertTrue(b.send(new byte[100_000], 0)); // a large frame: zmq_msg path, no send buffer
        assertEquals("small", b.receiveString().orElseThrow());
        assertEquals(100_000, a.receive().orElseThrow().length);
        ZPoller poller = new ZPoller(ctx);
        poller.register(a, ZPoller.POLLIN)
                .register(b, ZPoller.POLLIN)
                .register(idle, ZPoller.POLLIN)
                .register(ctx.createSocket(SocketType.PAIR), ZPoller.POLLIN)
                .register(ctx.createSocket(SocketType.PAIR), ZPoller.POLLIN); // grows the item array past 4
        assertEquals(0, poller.poll(0));
        // 5 sockets, a's send buffer, the poller's errno cell and item array
        assertEquals(8, NativeBlock.live() - before);

        b.close();
        b.close();
        assertEquals(7, NativeBlock.live() - before);
        poller.close();
        poller.close();
        assertEquals(5, NativeBlock.live() - before);
        ctx.close(); // closes a (with its send buffer), idle and the two unnamed sockets
        a.close();
        assertEquals(0, NativeBlock.live() - before);
        assertEquals(
                ZmqError.ENOTSOCK,
                assertThrows(ZmqException.class, () -> a.send("late")).code());
        assertEquals(
                ZmqError.ENOTSOCK,
                assertThrows(ZmqException.class, () -> idle.receive(0)).code());
        assertEquals(0, NativeBlock.live() - before);
    }

    @Test
    void aFailedSocketCreationAllocatesNothing() {
        long before = NativeBlock.live();
        try (ZContext ctx = new ZContext(Backend.NATIVE)) {
            ctx.setMaxSockets(1);
            ZSocket only = ctx.createSocket(SocketType.PAIR);
            only.setLinger(0);
            assertThrows(ZmqException.class, () -> ctx.createSocket(SocketType.PAIR));
            assertEquals(1, NativeBlock.live() - before);
        }
        assertEquals(0, NativeBlock.live() - before);
    }
}
