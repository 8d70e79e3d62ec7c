package io.stui.server.cli;

import io.stui.zmq.Curve;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stui keygen FILE}: writes a CURVE secret key file and prints the public key. */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = {
            "Create a CURVE key pair for the server: the Z85 secret key goes to FILE (mode 600),",
            "the public key (for clients) is printed. Serve with --curve-secret-key-file FILE."
        })
final class KeygenCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the secret key.")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(file)) {
            System.err.println("stui keygen: " + file + " exists; remove it first or choose another file.");
            return 2;
        }
        Curve.KeyPair pair = Curve.generateKeyPair();
        Files.writeString(file, pair.secretKeyZ85() + "\n", StandardCharsets.US_ASCII);
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
