package io.stui.server.e2e;

import io.stui.protocol.client.ClientOptions;
import io.stui.protocol.client.CurveClient;
import io.stui.protocol.client.StuiClient;
import io.stui.server.StuiServer;
import io.stui.zmq.Curve;
import io.stui.zmq.ZCert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CURVE server's key pair and the clients it allows: one key pair per name, each public key saved as
 * {@code NAME.cert} in the directory {@code curve-client-keys} names, as an operator sets it up.
 */
final class CurveKeys {
    final Curve.KeyPair server = Curve.generateKeyPair();
    private final Map<String, Curve.KeyPair> clients = new LinkedHashMap<>();
    private final Path allowed;

    CurveKeys(Path dir, String... names) throws IOException {
        allowed = Files.createDirectory(dir.resolve("clients"));
        for (String name : names) {
            Curve.KeyPair keys = Curve.generateKeyPair();
            clients.put(name, keys);
            new ZCert(keys.publicKey(), null).savePublic(allowed.resolve(name + ".cert"));
        }
    }

    /** The key pair of an allowed client. */
    Curve.KeyPair client(String name) {
        Curve.KeyPair keys = clients.get(name);
        if (keys == null) throw new IllegalArgumentException("no client named " + name);
        return keys;
    }

    /** The server's settings: its secret key and the allowed keys, plus {@code more} (key, value, key, value...). */
    Map<String, String> settings(String... more) {
        Map<String, String> settings = new HashMap<>();
        settings.put("curve-secret-key", server.secretKeyZ85());
        settings.put("curve-client-keys", allowed.toString());
        for (int i = 0; i + 1 < more.length; i += 2) settings.put(more[i], more[i + 1]);
        return settings;
    }

    /** A client presenting {@code keys} (an allowed client's, or a stranger's), one try of 2 s. */
    StuiClient connect(StuiServer to, Curve.KeyPair keys) {
        return StuiClient.connect(ClientOptions.defaults(to.endpoint())
                .withTimeout(Duration.ofSeconds(2))
                .withTries(1)
                .withCurve(new CurveClient(keys, server.publicKey())));
    }

    /** A client presenting the allowed client {@code name}'s keys. */
    StuiClient connect(StuiServer to, String name) {
        return connect(to, client(name));
    }
}
