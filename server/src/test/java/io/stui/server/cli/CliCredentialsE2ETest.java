package io.stui.server.cli;

import static io.stui.server.cli.Launcher.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.stui.server.StuiServer;
import io.stui.server.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's client presents the credentials an authenticating server asks for (issue #16). */
class CliCredentialsE2ETest {

    @TempDir
    Path dir;

    @Test
    void aClientKeyFromKeygenAndATokenFileAreAccepted() throws Exception {
        Path serverKey = dir.resolve("server.key");
        String serverPublic = ((String) run("keygen", serverKey.toString())[1]).strip();
        Path clients = Files.createDirectory(dir.resolve("clients"));
        Path aliceKey = dir.resolve("alice.key");
        assertEquals(0, run("keygen", "--client", aliceKey.toString())[0]);
        Files.copy(dir.resolve("alice.key.cert"), clients.resolve("alice.cert"));
        Path tokens = Files.writeString(dir.resolve("tokens"), "alice alice-token-0123456789\n");
        Path aliceToken = Files.writeString(dir.resolve("alice.token"), "alice-token-0123456789\n");
        try (StuiServer server = StuiServer.start(ConfigLoader.load(
                Map.of(),
                Map.of(
                        "endpoint", "tcp://127.0.0.1:*",
                        "store", dir.resolve("s.db").toString(),
                        "workers", "1",
                        "curve-secret-key-file", serverKey.toString(),
                        "curve-client-keys", clients.toString(),
                        "token-file", tokens.toString())))) {
            String e = server.endpoint();
            Object[] ok = run(
                    "eval",
                    "--endpoint",
                    e,
                    "--server-key",
                    serverPublic,
                    "--client-key",
                    aliceKey.toString(),
                    "--token-file",
                    aliceToken.toString(),
                    "3 + 4");
            assertEquals(0, ok[0], (String) ok[1]);
            assertEquals("7", ((String) ok[1]).strip());
            // a key the server does not list: refused at the handshake, so no answer at all
            Object[] unknownKey = run(
                    "eval",
                    "--endpoint",
                    e,
                    "--server-key",
                    serverPublic,
                    "--token-file",
                    aliceToken.toString(),
                    "--timeout-ms",
                    "1500",
                    "--tries",
                    "1",
                    "3 + 4");
            assertNotEquals(0, unknownKey[0]);
        }
    }
}
