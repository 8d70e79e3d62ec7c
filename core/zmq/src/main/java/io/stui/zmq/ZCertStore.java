package io.stui.zmq;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public certificates in a directory, as JeroMQ's {@code ZCertStore}: a CURVE server's list of the
 * client keys it accepts ({@link ZAuth#configureCurve(Path)}). Every file in the directory that reads as
 * a certificate counts (secret certificates too, for their public key); others are skipped with a
 * warning. The directory is read again when its files change (names, sizes or modification times), so
 * adding or removing a file takes effect at the next lookup. Thread-safe.
 */
public final class ZCertStore {
    private static final Logger LOG = LoggerFactory.getLogger(ZCertStore.class);
    /** A directory with more files than this is refused: each lookup lists it. */
    static final int MAX_FILES = 10_000;

    private final Path directory;
    private String fingerprint = "";
    private Map<String, ZCert> byPublicKey = Map.of();

    /** The certificates in {@code directory} (which need not exist yet). */
    public ZCertStore(Path directory) {
        this.directory = directory;
    }

    /** The directory read. */
    public Path directory() {
        return directory;
    }

    /** True if a certificate in the directory has this public key (32 bytes). */
    public boolean containsPublicKey(byte[] publicKey) {
        return publicKey != null
                && publicKey.length == Curve.KEY_LENGTH
                && current().containsKey(Curve.z85Encode(publicKey));
    }

    /** True if a certificate in the directory has this public key (Z85, 40 characters). */
    public boolean containsPublicKey(String publicKeyZ85) {
        return current().containsKey(publicKeyZ85);
    }

    /** The certificate with this public key (Z85), or null. */
    public ZCert get(String publicKeyZ85) {
        return current().get(publicKeyZ85);
    }

    /** The number of certificates. */
    public int size() {
        return current().size();
    }

    private synchronized Map<String, ZCert> current() {
        List<Path> files = new ArrayList<>();
        StringBuilder print = new StringBuilder();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(directory)) {
                for (Path p : dir) {
                    if (files.size() >= MAX_FILES) {
                        throw new IllegalStateException(
                                directory + " holds more than " + MAX_FILES + " files; keep certificates only");
                    }
                    if (Files.isRegularFile(p)) {
                        files.add(p);
                        print.append(p.getFileName())
                                .append(':')
                                .append(Files.size(p))
                                .append(':')
                                .append(Files.getLastModifiedTime(p).toMillis())
                                .append('\n');
                    }
                }
            } catch (IOException e) {
                LOG.warn("cannot list the certificate directory {}: {}", directory, e.toString());
                return byPublicKey;
            }
        }
        String now = print.toString();
        if (!now.equals(fingerprint)) {
            Map<String, ZCert> loaded = new HashMap<>();
            for (Path p : files) {
                try {
                    ZCert cert = ZCert.load(p);
                    loaded.put(cert.getPublicKeyAsZ85(), cert);
                } catch (IOException e) {
                    LOG.warn("skipping {}: {}", p, e.getMessage());
                }
            }
            byPublicKey = Map.copyOf(loaded);
            fingerprint = now;
        }
        return byPublicKey;
    }
}
