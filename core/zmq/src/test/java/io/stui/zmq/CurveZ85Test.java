package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Z85 (ZeroMQ RFC 32) and CURVE key derivation; pure Java, no backend. */
class CurveZ85Test {

    @Test
    void z85SpecVector() {
        // RFC 32/Z85: the 8 bytes 86 4F D2 6F B5 59 F7 5B encode as "HelloWorld".
        byte[] data = HexFormat.of().parseHex("864FD26FB559F75B");
        assertEquals("HelloWorld", Curve.z85Encode(data));
        assertArrayEquals(data, Curve.z85Decode("HelloWorld"));
    }

    @Test
    void rfc26KeysDecodeAndDerive() {
        // The test keys of ZeroMQ RFC 26 (CurveZMQ) as libzmq's test suite uses them.
        String serverPublic = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
        String serverSecret = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6";
        byte[] secret = Curve.z85Decode(serverSecret);
        assertEquals(32, secret.length);
        assertEquals(serverSecret, Curve.z85Encode(secret));
        assertEquals(serverPublic, Curve.z85Encode(Curve.publicKey(secret)));

        String clientPublic = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID";
        String clientSecret = "D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs";
        assertEquals(clientPublic, Curve.z85Encode(Curve.publicKey(Curve.z85Decode(clientSecret))));
    }

    @Test
    void generatedKeyPairsAreConsistentAndDistinct() {
        Curve.KeyPair a = Curve.generateKeyPair();
        Curve.KeyPair b = Curve.generateKeyPair();
        assertNotEquals(a, b);
        assertArrayEquals(a.publicKey(), Curve.publicKey(a.secretKey()));
        assertEquals(40, a.publicKeyZ85().length());
        assertArrayEquals(a.publicKey(), Curve.z85Decode(a.publicKeyZ85()));
        assertEquals(a, Curve.keyPairFromSecret(a.secretKey()));
    }

    @Test
    void z85RejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Curve.z85Encode(new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> Curve.z85Decode("abcd"));
        assertThrows(IllegalArgumentException.class, () -> Curve.z85Decode("abc\"e"));
        assertThrows(IllegalArgumentException.class, () -> Curve.z85Decode("#####"));
    }
}
