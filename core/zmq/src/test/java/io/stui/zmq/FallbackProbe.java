package io.stui.zmq;

/**
 * The child JVM of {@link BackendFallbackTest}: a REQ/REP round trip on the default backend, printing
 * which backend answered.
 */
public final class FallbackProbe {
    private FallbackProbe() {}

    public static void main(String[] args) {
        try (ZContext ctx = new ZContext();
                ZSocket rep = ctx.createSocket(SocketType.REP);
                ZSocket req = ctx.createSocket(SocketType.REQ)) {
            rep.bind("tcp://127.0.0.1:*");
            req.connect(rep.lastEndpoint());
            req.setRcvTimeout(5000);
            rep.setRcvTimeout(5000);
            req.send("ping");
            rep.receiveString().orElseThrow(() -> new IllegalStateException("no request within 5 s"));
            rep.send("pong");
            System.out.println("backend:   " + ctx.backend());
            System.out.println("reply:     " + req.receiveString().orElseThrow());
        }
    }
}
