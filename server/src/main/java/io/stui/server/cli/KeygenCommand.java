package io.stui.server.cli;

import io.stui.zmq.Curve;
import io.stui.zmq.ZCert;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stui keygen FILE}: writes a CURVE secret key file and prints the public key; {@code --client} also writes
 * the public certificate a server's allowed-keys directory takes.
 */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = {
            "Create a CURVE key pair for the server: the Z85 secret key goes to FILE (mode 600),",
            "the public key (for clients) is printed. Serve with --curve-secret-key-file FILE.",
            "With --client, a client's key pair: FILE (use with --client-key FILE) and FILE.cert, the public",
            "certificate to copy into the server's curve-client-keys directory."
        })
final class KeygenCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the secret key.")
    Path file;

    @Option(names = "--client", description = "A client's key pair: also write FILE.cert (its public certificate).")
    boolean client;

    @Override
    public Integer call() throws Exception {
        Path cert = file.resolveSibling(file.getFileName() + ".cert");
        if (Files.exists(file) || (client && Files.exists(cert))) {
            System.err.println("stui keygen: " + (Files.exists(file) ? file : cert)
                    + " exists; remove it first or choose another file.");
            return 2;
        }
        Curve.KeyPair pair = Curve.generateKeyPair();
        Files.writeString(file, pair.secretKeyZ85() + "\n", StandardCharsets.US_ASCII);
        if (client) {
            new ZCert(pair.publicKey(), null)
                    .setMeta("name", file.getFileName().toString())
                    .savePublic(cert);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            System.err.println("stui keygen: cannot restrict permissions of " + file
                    + " on this file system; protect it yourself.");
        }
        System.out.println(pair.publicKeyZ85());
        return 0;
    }
}
