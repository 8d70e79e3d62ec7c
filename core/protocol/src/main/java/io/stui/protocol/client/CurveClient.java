package io.stui.protocol.client;

import io.stui.zmq.Curve;
import io.stui.zmq.ZSocket;
import java.util.Objects;

/**
 * A client's CURVE credentials: its own key pair (the public half is what a server's allowed-keys directory lists)
 * and the server's public key. {@link #toString()} shows no key.
 */
public record CurveClient(Curve.KeyPair clientKeys, byte[] serverPublicKey) {

    public CurveClient {
        Objects.requireNonNull(clientKeys, "clientKeys");
        Objects.requireNonNull(serverPublicKey, "serverPublicKey");
        if (serverPublicKey.length != Curve.KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "a CURVE public key has " + Curve.KEY_LENGTH + " bytes, got " + serverPublicKey.length);
        }
        serverPublicKey = serverPublicKey.clone();
    }

    /** The credentials of a client secret key and a server public key, both in Z85. */
    public static CurveClient ofZ85(String clientSecretKeyZ85, String serverPublicKeyZ85) {
        return new CurveClient(
                Curve.keyPairFromSecret(Curve.z85Decode(clientSecretKeyZ85)), Curve.z85Decode(serverPublicKeyZ85));
    }

    /** Makes {@code socket} a CURVE client with these keys (before it connects). */
    void apply(ZSocket socket) {
        socket.setCurveClient(clientKeys, serverPublicKey);
    }

    @Override
    public String toString() {
        return "CurveClient[public=" + clientKeys.publicKeyZ85() + "]";
    }
}
