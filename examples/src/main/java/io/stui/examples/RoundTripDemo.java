package io.stui.examples;

import io.stui.zmq.Backend;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;

/**
 * A REQ/REP round trip over TCP loopback: prints the backend, the ZeroMQ version and the reply.
 *
 * <p>Run with {@code --enable-native-access=ALL-UNNAMED}; pass {@code native} or {@code jeromq} as
 * the first argument to choose the backend (default: see {@link Backend#defaultBackend()}).
 */
public final class RoundTripDemo {
    private RoundTripDemo() {}

    public static void main(String[] args) {
        Backend backend = args.length > 0
                ? Backend.valueOf(args[0].toUpperCase(java.util.Locale.ROOT))
                : Backend.defaultBackend();
        try (ZContext ctx = new ZContext(backend);
                ZSocket rep = ctx.createSocket(SocketType.REP);
                ZSocket req = ctx.createSocket(SocketType.REQ)) {
            rep.bind("tcp://127.0.0.1:*");
            String endpoint = rep.lastEndpoint();
            req.connect(endpoint);
            req.setRcvTimeout(5000);
            rep.setRcvTimeout(5000);

            long start = System.nanoTime();
            req.send("ping");
            String request = rep.receiveString().orElseThrow(() -> new IllegalStateException("no request within 5 s"));
            rep.send(request.equals("ping") ? "pong" : "unexpected request: " + request);
            String reply = req.receiveString().orElseThrow(() -> new IllegalStateException("no reply within 5 s"));
            long micros = (System.nanoTime() - start) / 1000;

            System.out.println("backend:   " + ctx.backend());
            System.out.println("libzmq:    " + ctx.libzmqVersion());
            System.out.println("endpoint:  " + endpoint);
            System.out.println("reply:     " + reply + " (round trip " + micros + " us)");
        }
    }
}
