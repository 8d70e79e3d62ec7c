package io.stui.server.e2e;

import static io.stui.server.e2e.Requests.command;
import static io.stui.server.e2e.Requests.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import io.stui.zmq.Curve;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** With a CURVE key the server only talks to clients that know its public key. */
@ParameterizedClass(name = "front-mode {0}")
@EnumSource(FrontMode.class)
class CurveE2ETest {

    /** The whole suite runs against both front modes; the plain one is the oracle. */
    final FrontMode mode;

    CurveE2ETest(FrontMode mode) {
        this.mode = mode;
    }

    @Test
    void curveClientsAreServedAndPlainOnesAreNot(@TempDir Path dir) {
        Curve.KeyPair serverKeys = Curve.generateKeyPair();
        try (StuiServer server = TestServers.start(mode, dir, Map.of("curve-secret-key", serverKeys.secretKeyZ85()));
                ZContext ctx = new ZContext();
                Wire secure = new Wire(ctx, Wire.Kind.REQ, "inproc://unused-" + System.nanoTime());
                ZSocket plain = ctx.createSocket(SocketType.REQ)) {
            secure.socket.disconnect(secure.socket.lastEndpoint());
            secure.socket.setCurveClient(Curve.generateKeyPair(), serverKeys.publicKey());
            secure.socket.connect(server.endpoint());
            assertEquals(
                    "pong",
                    result(secure.call(command("s", "ping", null)))
                            .path("message")
                            .asText());
            String all = result(secure.call(command("e", "system_info", Requests.params("info_type", "All"))))
                    .toString();
            assertTrue(all.contains("\"curve_enabled\":true"), all);
            assertTrue(
                    !all.contains(serverKeys.secretKeyZ85()) && !all.contains(serverKeys.publicKeyZ85()),
                    "no keys in system_info");

            plain.setLinger(0);
            plain.setRcvTimeout(1000);
            plain.connect(server.endpoint());
            plain.send(command("p", "ping", null));
            assertTrue(plain.receive().isEmpty(), "a client without the server's key must get no answer");
        }
    }
}
