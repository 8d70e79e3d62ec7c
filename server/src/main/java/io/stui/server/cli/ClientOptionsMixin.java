package io.stui.server.cli;

import io.stui.protocol.Encoding;
import io.stui.protocol.client.ClientOptions;
import io.stui.protocol.client.CurveClient;
import io.stui.zmq.Curve;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Connection flags shared by the client subcommands. */
final class ClientOptionsMixin {

    /** The flags' defaults, named so that {@link QuickCommandLine} reads the same values picocli would. */
    static final String ENDPOINT_VARIABLE = "STUI_ENDPOINT";

    static final String DEFAULT_TIMEOUT_MS = "10000";
    static final String DEFAULT_TRIES = "3";

    /** The command using these flags, for its error messages (null when a command builds the options itself). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = {"-e", "--endpoint"},
            defaultValue = "${env:" + ENDPOINT_VARIABLE + ":-" + ClientOptions.DEFAULT_ENDPOINT + "}",
            description = "Server endpoint (default ${DEFAULT-VALUE}; also STUI_ENDPOINT).")
    String endpoint;

    @Option(
            names = "--timeout-ms",
            defaultValue = DEFAULT_TIMEOUT_MS,
            description = "Wait per try for an answer, ms (default ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(
            names = "--tries",
            defaultValue = DEFAULT_TRIES,
            description = "Tries before giving up (default ${DEFAULT-VALUE}).")
    int tries;

    @Option(
            names = "--encoding",
            defaultValue = "command",
            description = "Request encoding: command or envelope (default ${DEFAULT-VALUE}).")
    Encoding encoding;

    @Option(
            names = "--token-file",
            defaultValue = "${env:STUI_TOKEN_FILE}",
            description = "File holding this client's auth token, sent with every request (also STUI_TOKEN_FILE).")
    Path tokenFile;

    @Option(
            names = "--client-key",
            defaultValue = "${env:STUI_CLIENT_KEY}",
            description = "CURVE secret key file of this client (`stui keygen --client`); needs --server-key"
                    + " (also STUI_CLIENT_KEY).")
    Path clientKey;

    @Option(
            names = "--server-key",
            defaultValue = "${env:STUI_SERVER_KEY}",
            description = "The server's CURVE public key, Z85, as `stui keygen` printed it (also STUI_SERVER_KEY).")
    String serverKey;

    ClientOptions options() {
        ClientOptions o = ClientOptions.defaults(endpoint)
                .withEncoding(encoding)
                .withTimeout(Duration.ofMillis(timeoutMs))
                .withTries(tries);
        if (tokenFile != null) {
            o = o.withAuthToken(readSecret(tokenFile, "--token-file"));
        }
        if (serverKey != null || clientKey != null) {
            if (serverKey == null || serverKey.strip().length() != 40) {
                throw usage("CURVE needs --server-key, the server's 40-character Z85 public key.");
            }
            // without --client-key a fresh key pair encrypts; a server with an allowed-keys directory refuses it
            Curve.KeyPair pair = clientKey == null
                    ? Curve.generateKeyPair()
                    : Curve.keyPairFromSecret(Curve.z85Decode(readSecret(clientKey, "--client-key")));
            o = o.withCurve(new CurveClient(pair, Curve.z85Decode(serverKey.strip())));
        }
        return o;
    }

    /** The first line of a secret file; errors name the file and the flag, never the content. */
    private String readSecret(Path file, String flag) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw usage(flag + " " + file + " is empty.");
            }
            return text.lines().findFirst().orElseThrow().strip();
        } catch (IOException e) {
            throw usage("Cannot read " + flag + " " + file + " (" + e.getClass().getSimpleName() + ").");
        }
    }

    private RuntimeException usage(String message) {
        return spec == null ? new IllegalArgumentException(message) : PicocliUsage.error(spec, message);
    }

    /**
     * Makes picocli's usage error in a class of its own: verifying a method that returns one as a RuntimeException
     * loads picocli's exception classes, which the AOT cache cannot hold (too old a class format), so
     * {@code stui eval} and {@code stui call} would read them from the jar on every start.
     */
    private static final class PicocliUsage {
        static RuntimeException error(CommandSpec spec, String message) {
            return new ParameterException(spec.commandLine(), message);
        }
    }
}
