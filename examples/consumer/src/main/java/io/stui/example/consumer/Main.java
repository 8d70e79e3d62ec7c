package io.stui.example.consumer;

import io.stui.zmq.Backend;
import io.stui.zmq.SocketOption;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZMsg;
import io.stui.zmq.ZSocket;
import java.time.Duration;

/**
 * Sends and receives on both backends (PUSH/PULL, then a REQ/REP round trip with ZMsg) and prints one
 * line per backend; exits 1 if anything did not arrive.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String path = Main.class.getModule().isNamed() ? "module path" : "class path";
        for (Backend backend : Backend.values()) {
            try (ZContext ctx = new ZContext(backend);
                    ZSocket pull = ctx.createSocket(SocketType.PULL);
                    ZSocket push = ctx.createSocket(SocketType.PUSH);
                    ZSocket rep = ctx.createSocket(SocketType.REP);
                    ZSocket req = ctx.createSocket(SocketType.REQ)) {
                pull.set(SocketOption.RCVTIMEO, Duration.ofSeconds(5));
                req.set(SocketOption.RCVTIMEO, Duration.ofSeconds(5));
                rep.set(SocketOption.RCVTIMEO, Duration.ofSeconds(5));

                int port = pull.bindToRandomPort("tcp://127.0.0.1");
                push.connect("tcp://127.0.0.1:" + port);
                push.send("pushed");
                String pulled = pull.receiveString().orElse("nothing");

                rep.bind("inproc://consumer");
                req.connect("inproc://consumer");
                ZMsg.newStringMsg("ping", "twice").send(req);
                ZMsg request = ZMsg.recvMsg(rep);
                ZMsg.newStringMsg(request == null ? "no request" : request.popString() + "/pong").send(rep);
                ZMsg reply = ZMsg.recvMsg(req);
                String answer = reply == null ? "nothing" : reply.popString();

                boolean ok = pulled.equals("pushed") && answer.equals("ping/pong");
                System.out.println(backend + " on the " + path + ": " + (ok ? "ok" : "FAILED") + " (pulled "
                        + pulled + ", answer " + answer + ", ZeroMQ " + ctx.libzmqVersion() + ")");
                if (!ok) {
                    System.exit(1);
                }
            }
        }
    }
}
