package io.stui.zmq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CURVE certificate as CZMQ and JeroMQ keep them: a key pair (or only the public key) plus metadata,
 * saved as a pair of ZPL text files, {@code name} with the public key and {@code name_secret} with both.
 * Keys are written in Z85. Files written here load in CZMQ's and JeroMQ's {@code ZCert}, and theirs here.
 *
 * <pre>{@code
 * ZCert server = new ZCert();                          // a new key pair
 * server.setMeta("name", "my server");
 * server.savePublic(dir.resolve("server.cert"));       // give this one to clients
 * server.saveSecret(dir.resolve("server.cert_secret")); // keep this one
 * server.apply(socket);                                // CURVE_PUBLICKEY and CURVE_SECRETKEY
 * }</pre>
 */
public final class ZCert {
    /** A certificate file longer than this is refused (real ones are a few hundred bytes). */
    static final int MAX_FILE_BYTES = 64 * 1024;

    private final byte[] publicKey;
    private final byte[] secretKey;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    /** A certificate with a new key pair. */
    public ZCert() {
        this(Curve.generateKeyPair());
    }

    /** A certificate of a key pair. */
    public ZCert(Curve.KeyPair keys) {
        this(keys.publicKey(), keys.secretKey());
    }

    /**
     * A certificate of a public key and, if known, its secret key (null for a peer's public certificate).
     *
     * @throws IllegalArgumentException if a key is not 32 bytes
     */
    public ZCert(byte[] publicKey, byte[] secretKey) {
        this.publicKey = Curve.checkKey(publicKey).clone();
        this.secretKey = secretKey == null ? null : Curve.checkKey(secretKey).clone();
    }

    /** A certificate of Z85 keys (40 characters each); {@code secretKeyZ85} may be null. */
    public ZCert(String publicKeyZ85, String secretKeyZ85) {
        this(Curve.z85Decode(publicKeyZ85), secretKeyZ85 == null ? null : Curve.z85Decode(secretKeyZ85));
    }

    /**
     * Reads a certificate file, public or secret.
     *
     * @throws IOException if it cannot be read, is over 64 KiB, or has no valid {@code curve/public-key}
     */
    public static ZCert load(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("not a certificate: " + file + " is over " + MAX_FILE_BYTES + " bytes");
        }
        Zpl zpl = Zpl.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        String pub = zpl.get("curve", "public-key");
        if (pub == null) {
            throw new IOException("not a certificate: " + file + " has no curve/public-key");
        }
        String sec = zpl.get("curve", "secret-key");
        ZCert cert;
        try {
            cert = new ZCert(pub, sec);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a certificate: " + file + ": " + e.getMessage(), e);
        }
        cert.metadata.putAll(zpl.section("metadata"));
        return cert;
    }

    /** The public key, 32 bytes. */
    public byte[] getPublicKey() {
        return publicKey.clone();
    }

    /** The secret key, 32 bytes, or null for a public certificate. */
    public byte[] getSecretKey() {
        return secretKey == null ? null : secretKey.clone();
    }

    /** The public key in Z85. */
    public String getPublicKeyAsZ85() {
        return Curve.z85Encode(publicKey);
    }

    /** The secret key in Z85, or null. */
    public String getSecretKeyAsZ85() {
        return secretKey == null ? null : Curve.z85Encode(secretKey);
    }

    /** Sets a metadata entry (written to both files; names are letters, digits, '-', '_', '.', '/', '+'). */
    public ZCert setMeta(String name, String value) {
        Zpl.checkName(name);
        metadata.put(name, value);
        return this;
    }

    /** A metadata value, or null. */
    public String getMeta(String name) {
        return metadata.get(name);
    }

    /** All metadata, in insertion order. */
    public Map<String, String> getMetadata() {
        return Collections.unmodifiableMap(metadata);
    }

    /** Sets this certificate's keys on {@code socket} (CURVE_PUBLICKEY and, if known, CURVE_SECRETKEY). */
    public void apply(ZSocket socket) {
        socket.setCurvePublicKey(publicKey);
        if (secretKey != null) {
            socket.setCurveSecretKey(secretKey);
        }
    }

    /** Writes the public certificate (metadata and public key): the file to hand to peers. */
    public void savePublic(Path file) throws IOException {
        Files.writeString(file, text(false), StandardCharsets.UTF_8);
    }

    /**
     * Writes the secret certificate (metadata and both keys), readable by its owner only where the file
     * system has POSIX permissions.
     *
     * @throws IllegalStateException if this certificate has no secret key
     */
    public void saveSecret(Path file) throws IOException {
        if (secretKey == null) {
            throw new IllegalStateException("this certificate has no secret key to save");
        }
        Files.writeString(file, text(true), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    private String text(boolean withSecret) {
        StringBuilder sb = new StringBuilder();
        sb.append("#   ZeroMQ CURVE ").append(withSecret ? "Secret" : "Public").append(" Certificate\n");
        sb.append(
                withSecret
                        ? "#   Keep this file to yourself: it holds the secret key.\n"
                        : "#   Hand it to peers over a channel you trust, or check its contents after.\n");
        sb.append("\nmetadata\n");
        metadata.forEach((k, v) ->
                sb.append("    ").append(k).append(" = ").append(Zpl.quote(v)).append('\n'));
        sb.append("curve\n");
        sb.append("    public-key = \"").append(getPublicKeyAsZ85()).append("\"\n");
        if (withSecret) {
            sb.append("    secret-key = \"").append(getSecretKeyAsZ85()).append("\"\n");
        }
        return sb.toString();
    }

    /** Certificates are equal when their public keys are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ZCert c && java.util.Arrays.equals(publicKey, c.publicKey);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "ZCert[" + getPublicKeyAsZ85() + (secretKey == null ? "" : ", with secret key") + ']';
    }
}
