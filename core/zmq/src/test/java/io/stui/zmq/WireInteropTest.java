package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** libzmq and JeroMQ talk to each other over TCP, both ways, in one JVM. */
class WireInteropTest {

    @ParameterizedTest(name = "{0} server, {1} client")
    @CsvSource({"NATIVE, JEROMQ", "JEROMQ, NATIVE"})
    void reqRepAcrossBackends(Backend serverSide, Backend clientSide) {
        try (ZContext server = new ZContext(serverSide);
                ZContext client = new ZContext(clientSide);
                ZSocket rep = server.createSocket(SocketType.REP);
                ZSocket req = client.createSocket(SocketType.REQ)) {
            rep.setLinger(0);
            req.setLinger(0);
            rep.setRcvTimeout(5000);
            req.setRcvTimeout(5000);
            rep.bind("tcp://127.0.0.1:*");
            req.connect(rep.lastEndpoint());
            req.send(ZMessage.ofStrings("multi", "part " + clientSide));
            ZMessage got = rep.receiveMessage().orElseThrow();
            assertEquals(2, got.size());
            assertEquals("part " + clientSide, got.frameString(1));
            rep.send("reply from " + serverSide);
            assertEquals("reply from " + serverSide, req.receiveString().orElseThrow());
        }
    }

    @ParameterizedTest(name = "{0} server, {1} client")
    @CsvSource({"NATIVE, JEROMQ", "JEROMQ, NATIVE"})
    void curveAcrossBackends(Backend serverSide, Backend clientSide) {
        Curve.KeyPair serverKeys = Curve.generateKeyPair();
        try (ZContext server = new ZContext(serverSide);
                ZContext client = new ZContext(clientSide);
                ZSocket rep = server.createSocket(SocketType.REP);
                ZSocket req = client.createSocket(SocketType.REQ)) {
            rep.setLinger(0);
            req.setLinger(0);
            rep.setRcvTimeout(5000);
            req.setRcvTimeout(5000);
            rep.setCurveServer(serverKeys);
            rep.bind("tcp://127.0.0.1:*");
            req.setCurveClient(Curve.generateKeyPair(), serverKeys.publicKey());
            req.connect(rep.lastEndpoint());
            req.send("encrypted".getBytes(StandardCharsets.UTF_8));
            assertEquals("encrypted", rep.receiveString().orElseThrow());
            rep.send("ok");
            assertEquals("ok", req.receiveString().orElseThrow());
        }
    }
}
