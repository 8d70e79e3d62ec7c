package io.stui.bench.micro;

import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import io.stui.zmq.ZmqException;

/**
 * The far end of a round-trip benchmark: a thread that echoes every message on a REP or ROUTER
 * socket (identity frame included), with buffers allocated once. Stops when its context shuts down.
 */
final class EchoServer implements AutoCloseable {
    private final ZContext context;
    private final ZSocket socket;
    private final Thread thread;
    private final String endpoint;

    EchoServer(ZContext context, SocketType type, String bindEndpoint, int maxSize) {
        this.context = context;
        this.socket = context.createSocket(type);
        socket.setLinger(0);
        socket.bind(bindEndpoint);
        this.endpoint = socket.lastEndpoint();
        boolean router = type == SocketType.ROUTER;
        this.thread = Thread.ofPlatform().name("echo-" + type).daemon().start(() -> echo(router, maxSize));
    }

    /** The endpoint clients connect to. */
    String endpoint() {
        return endpoint;
    }

    private void echo(boolean router, int maxSize) {
        byte[] id = new byte[256];
        byte[] body = new byte[maxSize];
        try {
            while (true) {
                if (router) {
                    int idLen = socket.receive(id, 0);
                    int n = socket.receive(body, 0);
                    socket.send(id, 0, idLen, ZSocket.SNDMORE);
                    socket.send(body, 0, n, 0);
                } else {
                    int n = socket.receive(body, 0);
                    socket.send(body, 0, n, 0);
                }
            }
        } catch (ZmqException | IllegalStateException e) {
            // ETERM: the benchmark is over and the context is shutting down.
        } finally {
            socket.close();
        }
    }

    /** Makes blocking calls return (ETERM) and waits for the echo thread to close its socket. */
    @Override
    public void close() throws InterruptedException {
        context.shutdown();
        thread.join(10_000);
    }
}
