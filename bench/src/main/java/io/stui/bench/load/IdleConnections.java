package io.stui.bench.load;

import io.stui.protocol.ClientCodec;
import io.stui.protocol.Encoding;
import io.stui.protocol.request.Request;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients that are connected and silent, as a server sees most of its clients: each opens a REQ
 * socket, sends one ping and waits for its answer (so the connection is made and the server has
 * heard from it, not merely queued), then sends nothing until closed. A load runs next to them to
 * see what the idle connections cost the active ones.
 */
public final class IdleConnections implements AutoCloseable {
    /** The most a load generator opens: each costs two file descriptors here and one in the server. */
    public static final int MAX = 10_000;

    private final List<ZSocket> sockets;

    private IdleConnections(List<ZSocket> sockets) {
        this.sockets = sockets;
    }

    /** The socket budget a context needs for {@code idle} idle connections next to {@code active} clients. */
    public static int socketsNeeded(int idle, int active) {
        return idle + 2 * active + 64; // a REQ client that timed out opens a new socket before the old one is reaped
    }

    /**
     * Opens {@code count} connections to {@code endpoint}, all pings sent before any answer is awaited.
     *
     * @throws LoadException when a connection gets no answer within {@code timeout} (the server is then
     *                       not holding them all, and a load next to them would measure something else)
     */
    public static IdleConnections open(ZContext context, String endpoint, int count, Duration timeout)
            throws LoadException {
        if (count < 0 || count > MAX) {
            throw new IllegalArgumentException("idle connections must be from 0 to " + MAX + ", got " + count);
        }
        List<ZSocket> sockets = new ArrayList<>(count);
        IdleConnections idle = new IdleConnections(sockets);
        try {
            for (int i = 0; i < count; i++) {
                ZSocket s = context.createSocket(SocketType.REQ);
                sockets.add(s);
                s.setLinger(0);
                s.connect(endpoint);
                s.send(ClientCodec.INSTANCE.encode(Encoding.COMMAND, "idle-" + i, new Request.Ping(null)));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < count; i++) {
                ZSocket s = sockets.get(i);
                int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                s.setRcvTimeout(left);
                if (s.receive().isEmpty()) {
                    throw new LoadException(
                            "idle connection " + (i + 1) + " of " + count + " to " + endpoint + " got no answer to its "
                                    + "ping within " + timeout.toMillis()
                                    + " ms; raise the open-file limit (ulimit -n) of "
                                    + "both processes if it is under " + (2 * count + 256),
                            null);
                }
            }
        } catch (LoadException | RuntimeException e) {
            idle.close();
            throw e;
        }
        return idle;
    }

    /** How many are open. */
    public int size() {
        return sockets.size();
    }

    @Override
    public void close() {
        sockets.forEach(ZSocket::close);
        sockets.clear();
    }
}
