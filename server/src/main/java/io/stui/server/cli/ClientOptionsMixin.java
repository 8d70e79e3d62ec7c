package io.stui.server.cli;

import io.stui.protocol.Encoding;
import io.stui.protocol.client.ClientOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Connection flags shared by the client subcommands. */
final class ClientOptionsMixin {

    @Option(
            names = {"-e", "--endpoint"},
            defaultValue = "${env:STUI_ENDPOINT:-tcp://127.0.0.1:5555}",
            description = "Server endpoint (default ${DEFAULT-VALUE}; also STUI_ENDPOINT).")
    String endpoint;

    @Option(
            names = "--timeout-ms",
            defaultValue = "10000",
            description = "Wait per try for an answer, ms (default ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(names = "--tries", defaultValue = "3", description = "Tries before giving up (default ${DEFAULT-VALUE}).")
    int tries;

    @Option(
            names = "--encoding",
            defaultValue = "command",
            description = "Request encoding: command or envelope (default ${DEFAULT-VALUE}).")
    Encoding encoding;

    ClientOptions options() {
        return ClientOptions.defaults(endpoint)
                .withEncoding(encoding)
                .withTimeout(Duration.ofMillis(timeoutMs))
                .withTries(tries);
    }
}
