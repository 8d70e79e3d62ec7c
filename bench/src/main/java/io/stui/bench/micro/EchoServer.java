package io.stui.bench.micro;

import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import io.stui.zmq.ZmqException;

/**
 * The far end of a round-trip benchmark: a thread that echoes every message on a REP or ROUTER
 * socket (identity frame included). Zero-copy, it sends back each frame it received
 * ({@link ZSocket#forward} to itself: {@code zmq_msg_recv} then {@code zmq_msg_send} of the same
 * {@code zmq_msg_t} on the native backend, as {@code stui_lat}'s echo does); copying, it receives
 * into and sends from arrays allocated once (as {@code stui_lat copy}). Stops on {@link #close()}:
 * its receive times out every 100 ms to look at the stop flag (JeroMQ has no context shutdown).
 */
final class EchoServer implements AutoCloseable {
    private final ZSocket socket;
    private volatile boolean stop;
    private final Thread thread;
    private final String endpoint;

    EchoServer(ZContext context, SocketType type, String bindEndpoint, int maxSize, boolean zeroCopy) {
        this.socket = context.createSocket(type);
        socket.setLinger(0);
        socket.setRcvTimeout(100);
        socket.bind(bindEndpoint);
        this.endpoint = socket.lastEndpoint();
        boolean router = type == SocketType.ROUTER;
        this.thread = Thread.ofPlatform().name("echo-" + type).daemon().start(() -> {
            if (zeroCopy) {
                forwardEcho();
            } else {
                echo(router, maxSize);
            }
        });
    }

    /** The endpoint clients connect to. */
    String endpoint() {
        return endpoint;
    }

    /** Sends every frame back out of the socket it came in on, keeping the message's frames together. */
    private void forwardEcho() {
        try {
            while (!stop) {
                if (socket.forward(socket, 0) < 0) {
                    continue; // timed out: look at the stop flag
                }
                while (socket.hasReceiveMore()) {
                    socket.forward(socket, 0); // the rest of the message (a ROUTER's body after the routing id)
                }
            }
        } catch (ZmqException | IllegalStateException e) {
            // the context is closing
        } finally {
            socket.close();
        }
    }

    private void echo(boolean router, int maxSize) {
        byte[] id = new byte[256];
        byte[] body = new byte[maxSize];
        try {
            while (!stop) {
                if (router) {
                    int idLen = socket.receive(id, 0);
                    if (idLen < 0) {
                        continue; // timed out: look at the stop flag
                    }
                    int n = socket.receive(body, 0);
                    socket.send(id, 0, idLen, ZSocket.SNDMORE);
                    socket.send(body, 0, n, 0);
                } else {
                    int n = socket.receive(body, 0);
                    if (n >= 0) {
                        socket.send(body, 0, n, 0);
                    }
                }
            }
        } catch (ZmqException | IllegalStateException e) {
            // the context is closing
        } finally {
            socket.close();
        }
    }

    /** Stops the echo thread and waits until it has closed its socket. */
    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(10_000);
    }
}
