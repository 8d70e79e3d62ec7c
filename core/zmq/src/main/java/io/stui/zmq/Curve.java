package io.stui.zmq;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * CURVE keys (Curve25519, as libzmq's CURVE mechanism uses) and Z85, the text encoding of ZeroMQ
 * RFC 32. Pure Java (the JDK's X25519), so it works the same with either backend.
 */
public final class Curve {
    /** Key length in bytes. */
    public static final int KEY_LENGTH = 32;
    /** Length of a key in Z85 text. */
    public static final int Z85_KEY_LENGTH = 40;

    private static final char[] ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".toCharArray();
    private static final int[] DECODE = new int[128];
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        Arrays.fill(DECODE, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            DECODE[ALPHABET[i]] = i;
        }
    }

    private Curve() {}

    /**
     * A CURVE key pair (raw 32-byte keys).
     *
     * @param publicKey the public key; give it to peers
     * @param secretKey the secret key; keep it private
     */
    public record KeyPair(byte[] publicKey, byte[] secretKey) {
        public KeyPair {
            checkKey(publicKey);
            checkKey(secretKey);
            publicKey = publicKey.clone();
            secretKey = secretKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        @Override
        public byte[] secretKey() {
            return secretKey.clone();
        }

        /** The public key in Z85 (40 characters). */
        public String publicKeyZ85() {
            return z85Encode(publicKey);
        }

        /** The secret key in Z85 (40 characters). */
        public String secretKeyZ85() {
            return z85Encode(secretKey);
        }

        @Override
        public String toString() {
            return "KeyPair[public=" + publicKeyZ85() + ", secret=<hidden>]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyPair k
                    && Arrays.equals(publicKey, k.publicKey)
                    && Arrays.equals(secretKey, k.secretKey);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(publicKey);
        }
    }

    /** A fresh random key pair (like zmq_curve_keypair). */
    public static KeyPair generateKeyPair() {
        byte[] secret = new byte[KEY_LENGTH];
        RANDOM.nextBytes(secret);
        return new KeyPair(publicKey(secret), secret);
    }

    /** The public key of a secret key (like zmq_curve_public). */
    public static byte[] publicKey(byte[] secretKey) {
        checkKey(secretKey);
        try {
            KeyFactory kf = KeyFactory.getInstance("XDH");
            var priv = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, secretKey.clone()));
            // X25519(secret, 9): the scalar times the base point is the public key.
            var base = kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BigInteger.valueOf(9)));
            KeyAgreement ka = KeyAgreement.getInstance("X25519");
            ka.init(priv);
            ka.doPhase(base, true);
            return ka.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot compute X25519 keys", e);
        }
    }

    /** A key pair from a secret key. */
    public static KeyPair keyPairFromSecret(byte[] secretKey) {
        return new KeyPair(publicKey(secretKey), secretKey);
    }

    /** Encodes bytes as Z85; the length must be a multiple of 4. */
    public static String z85Encode(byte[] data) {
        if (data.length % 4 != 0) {
            throw new IllegalArgumentException("Z85 encodes a multiple of 4 bytes, got " + data.length);
        }
        char[] out = new char[data.length / 4 * 5];
        int o = 0;
        for (int i = 0; i < data.length; i += 4) {
            long value = ((data[i] & 0xFFL) << 24)
                    | ((data[i + 1] & 0xFFL) << 16)
                    | ((data[i + 2] & 0xFFL) << 8)
                    | (data[i + 3] & 0xFFL);
            for (int d = 4; d >= 0; d--) {
                out[o + d] = ALPHABET[(int) (value % 85)];
                value /= 85;
            }
            o += 5;
        }
        return new String(out);
    }

    /** Decodes Z85 text; the length must be a multiple of 5. */
    public static byte[] z85Decode(String text) {
        if (text.length() % 5 != 0) {
            throw new IllegalArgumentException("Z85 text has a multiple of 5 characters, got " + text.length());
        }
        byte[] out = new byte[text.length() / 5 * 4];
        int o = 0;
        for (int i = 0; i < text.length(); i += 5) {
            long value = 0;
            for (int d = 0; d < 5; d++) {
                char c = text.charAt(i + d);
                int digit = c < 128 ? DECODE[c] : -1;
                if (digit < 0) {
                    throw new IllegalArgumentException("'" + c + "' at " + (i + d) + " is not a Z85 character");
                }
                value = value * 85 + digit;
            }
            if (value > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("Z85 group at " + i + " is larger than 32 bits");
            }
            out[o++] = (byte) (value >>> 24);
            out[o++] = (byte) (value >>> 16);
            out[o++] = (byte) (value >>> 8);
            out[o++] = (byte) value;
        }
        return out;
    }

    static byte[] checkKey(byte[] key) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("a CURVE key has 32 bytes (or 40 Z85 characters), got "
                    + (key == null ? "null" : key.length + " bytes"));
        }
        return key;
    }
}
