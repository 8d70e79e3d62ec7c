package io.stui.zmq.internal.panama;

import io.stui.zmq.Backend;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;

/**
 * The child JVM of {@link LazyLinkingTest}: what a command-line client does, on libzmq. It opens a
 * context and a REQ socket, connects to the endpoint given, sends "ping", prints the reply and closes.
 */
public final class LazyLinkingProbe {
    private LazyLinkingProbe() {}

    public static void main(String[] args) {
        try (ZContext ctx = new ZContext(Backend.NATIVE);
                ZSocket req = ctx.createSocket(SocketType.REQ)) {
            req.setRcvTimeout(10_000);
            req.connect(args[0]);
            req.send("ping");
            System.out.println("reply: " + req.receiveString().orElse("(none within 10 s)"));
        }
    }
}
