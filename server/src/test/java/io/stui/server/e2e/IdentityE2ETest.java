package io.stui.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.protocol.Answer;
import io.stui.protocol.Command;
import io.stui.protocol.Encoding;
import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.protocol.client.ClientOptions;
import io.stui.protocol.client.ServerUnavailableException;
import io.stui.protocol.client.StuiClient;
import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import io.stui.zmq.Curve;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hostile client against a server that knows who its clients are (issue #16): one test per attack, each of which
 * today's code let through. Alice and mallory each hold a token of the server's token file; mallory knows alice's
 * client id and, in the worst case, her session ids.
 */
class IdentityE2ETest {

    private static final String ALICE_TOKEN = "alice-token-0123456789abcdef";
    private static final String MALLORY_TOKEN = "mallory-token-0123456789abcdef";

    private static Map<String, String> withTokens(Path dir, Map<String, String> more) throws IOException {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "# identity token\nalice " + ALICE_TOKEN + "\nmallory " + MALLORY_TOKEN + "\n");
        Map<String, String> flags = new HashMap<>(more);
        flags.put("token-file", tokens.toString());
        return flags;
    }

    private static StuiClient client(StuiServer server, String token) {
        return client(server, token, Encoding.COMMAND);
    }

    private static StuiClient client(StuiServer server, String token, Encoding encoding) {
        return StuiClient.connect(ClientOptions.defaults(server.endpoint())
                .withEncoding(encoding)
                .withTimeout(Duration.ofSeconds(10))
                .withTries(1)
                .withAuthToken(token));
    }

    private static String create(StuiClient c, String clientId) {
        return c.createSession(clientId).sessionId();
    }

    private static StuiException refused(StuiClient c, Command command, Map<String, ?> params) {
        Answer a = c.send(command, params);
        assertFalse(a.isSuccess(), command + " must be refused: " + a.result());
        return a.error();
    }

    @ParameterizedTest
    @EnumSource(FrontMode.class)
    void aStrangerCannotListAlicesSessions(FrontMode mode, @TempDir Path dir) throws IOException {
        try (StuiServer server = TestServers.start(mode, dir, withTokens(dir, Map.of()));
                StuiClient alice = client(server, ALICE_TOKEN);
                StuiClient mallory = client(server, MALLORY_TOKEN)) {
            create(alice, "alice");
            create(alice, "alice");
            assertEquals(2, alice.listClientSessions("alice").sessionCount());
            assertEquals(0, mallory.listClientSessions("alice").sessionCount());
        }
    }

    @ParameterizedTest
    @EnumSource(FrontMode.class)
    void aStrangerCannotUseOrCloseAlicesSessionAndLearnsNothing(FrontMode mode, @TempDir Path dir) throws IOException {
        try (StuiServer server = TestServers.start(mode, dir, withTokens(dir, Map.of()));
                StuiClient alice = client(server, ALICE_TOKEN);
                StuiClient mallory = client(server, MALLORY_TOKEN)) {
            String hers = create(alice, "alice");
            assertEquals("7", alice.evaluate("x := 3 + 4", hers).result());
            String nobodys = "0123456789abcdef0123456789abcdef";
            List<Command> commands = List.of(
                    Command.EVALUATE,
                    Command.INSPECT,
                    Command.GET_SESSION_INFO,
                    Command.UPDATE_SESSION_STATE,
                    Command.SAVE_CONTEXT,
                    Command.LOAD_CONTEXT,
                    Command.GET_CONTEXT_SUMMARY,
                    Command.CLEAR_CONTEXT,
                    Command.GET_HISTORY,
                    Command.RESTORE_SESSION,
                    Command.CLOSE_SESSION);
            for (Command command : commands) {
                StuiException onHers = refused(mallory, command, params(command, hers));
                StuiException onNobodys = refused(mallory, command, params(command, nobodys));
                assertEquals(ErrorCode.SESSION_NOT_FOUND, onHers.code(), command + ": " + onHers.getMessage());
                // the same answer as for a session that does not exist: nothing tells the id is taken
                assertEquals(
                        onNobodys.getMessage().replace(nobodys, "ID"),
                        onHers.getMessage().replace(hers, "ID"),
                        command.snakeName());
                assertEquals(onNobodys.code(), onHers.code(), command.snakeName());
            }
            // untouched: her variable is there, her session open
            assertEquals("7", alice.evaluate("x", hers).result());
            assertEquals(hers, alice.sessionInfo(hers).sessionId());
        }
    }

    private static Map<String, Object> params(Command command, String sessionId) {
        Map<String, Object> p = new HashMap<>();
        p.put("session_id", sessionId);
        switch (command) {
            case EVALUATE -> p.put("code", "x := nil");
            case INSPECT -> p.put("target", "x");
            case UPDATE_SESSION_STATE -> p.put("state_data", Map.of("stolen", true));
            default -> {}
        }
        return p;
    }

    @Test
    void aStrangerCannotFillAlicesQuota(@TempDir Path dir) throws IOException {
        try (StuiServer server = TestServers.start(
                        FrontMode.FAST, dir, withTokens(dir, Map.of("max-sessions-per-client", "2")));
                StuiClient alice = client(server, ALICE_TOKEN);
                StuiClient mallory = client(server, MALLORY_TOKEN)) {
            create(mallory, "alice");
            create(mallory, "alice");
            assertEquals(
                    ErrorCode.SESSION_ERROR,
                    refused(mallory, Command.CREATE_SESSION, Map.of("client_id", "alice"))
                            .code());
            // mallory's sessions count against mallory: alice still has her two
            create(alice, "alice");
            create(alice, "alice");
            assertEquals(2, alice.listClientSessions("alice").sessionCount());
        }
    }

    @Test
    void aClaimedClientIdDoesNotPassTheAllowList(@TempDir Path dir) throws IOException {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "trusted-alice " + ALICE_TOKEN + "\nmallory " + MALLORY_TOKEN + "\n");
        try (StuiServer server = TestServers.start(
                        FrontMode.FAST, dir, Map.of("token-file", tokens.toString(), "allow-clients", "trusted-*"));
                StuiClient alice = client(server, ALICE_TOKEN);
                StuiClient mallory = client(server, MALLORY_TOKEN)) {
            assertEquals(
                    ErrorCode.PERMISSION_DENIED,
                    refused(mallory, Command.CREATE_SESSION, Map.of("client_id", "trusted-evil"))
                            .code());
            create(alice, "any-name-she-likes");
        }
    }

    @Test
    void requestsWithoutAKnownTokenAreRefusedAndNoTokenIsNamed(@TempDir Path dir) throws IOException {
        try (StuiServer server = TestServers.start(FrontMode.FAST, dir, withTokens(dir, Map.of()));
                StuiClient anonymous = client(server, null);
                StuiClient guesser = client(server, "guessed-token-0123456789");
                StuiClient envelope = client(server, ALICE_TOKEN, Encoding.ENVELOPE)) {
            assertEquals("pong", anonymous.ping().message(), "ping needs no token (liveness probes)");
            for (StuiClient c : List.of(anonymous, guesser)) {
                StuiException e = refused(c, Command.CREATE_SESSION, Map.of("client_id", "alice"));
                assertEquals(ErrorCode.PERMISSION_DENIED, e.code());
                assertTrue(e.getMessage().contains("auth_token"), e.getMessage());
                assertFalse(
                        e.getMessage().contains(ALICE_TOKEN) || e.getMessage().contains("alice"), e.getMessage());
                assertEquals(
                        ErrorCode.PERMISSION_DENIED,
                        refused(c, Command.EVALUATE, Map.of("code", "1")).code());
            }
            // the token is a top-level field in the envelope encoding too
            String s = create(envelope, "alice");
            assertEquals("3", envelope.evaluate("1 + 2", s).result());
        }
    }

    @Test
    void manyInventedClientIdsMeetTheGlobalCap(@TempDir Path dir) {
        // no authentication here: invented client ids each get a quota, so only the global cap bounds them
        try (StuiServer server = TestServers.start(FrontMode.FAST, dir, Map.of("max-sessions", "100"));
                StuiClient c = client(server, null)) {
            int created = 0;
            StuiException last = null;
            for (int id = 0; id < 80; id++) {
                for (int n = 0; n < 5; n++) {
                    Answer a = c.send(Command.CREATE_SESSION, Map.of("client_id", "invented-" + id));
                    if (a.isSuccess()) {
                        created++;
                    } else {
                        last = a.error();
                    }
                }
            }
            assertEquals(100, created);
            assertEquals(ErrorCode.SESSION_ERROR, last.code());
            assertTrue(
                    last.getMessage().contains("max-sessions")
                            && last.getMessage().contains("100"),
                    last.getMessage());
        }
    }

    @Test
    void inventedClientIdsShareTheirIdentitysQuota(@TempDir Path dir) throws IOException {
        try (StuiServer server = TestServers.start(FrontMode.FAST, dir, withTokens(dir, Map.of()));
                StuiClient mallory = client(server, MALLORY_TOKEN)) {
            int created = 0;
            for (int id = 0; id < 80; id++) {
                if (mallory.send(Command.CREATE_SESSION, Map.of("client_id", "invented-" + id))
                        .isSuccess()) {
                    created++;
                }
            }
            assertEquals(5, created, "one identity, one quota, whatever client ids it claims");
        }
    }

    @Test
    void aCurveKeyNotInTheAllowedDirectoryIsNotServed(@TempDir Path dir) throws IOException {
        CurveKeys keys = new CurveKeys(dir, "alice");
        try (StuiServer server = TestServers.start(FrontMode.FAST, dir, keys.settings());
                StuiClient alice = keys.connect(server, "alice");
                StuiClient stranger = keys.connect(server, Curve.generateKeyPair())) {
            assertEquals("pong", alice.ping().message());
            assertThrows(
                    ServerUnavailableException.class, stranger::ping, "an unknown key is refused at the handshake");
        }
    }

    @ParameterizedTest
    @EnumSource(FrontMode.class)
    void curveKeysAreIdentitiesWithoutTokens(FrontMode mode, @TempDir Path dir) throws IOException {
        CurveKeys keys = new CurveKeys(dir, "alice", "bob");
        try (StuiServer server = TestServers.start(mode, dir, keys.settings());
                StuiClient alice = keys.connect(server, "alice");
                StuiClient bob = keys.connect(server, "bob")) {
            String hers = create(alice, "shared-name");
            assertEquals("3", alice.evaluate("1 + 2", hers).result());
            assertEquals(0, bob.listClientSessions("shared-name").sessionCount());
            assertEquals(
                    ErrorCode.SESSION_NOT_FOUND,
                    refused(bob, Command.EVALUATE, Map.of("code", "1", "session_id", hers))
                            .code());
            assertEquals(1, alice.listClientSessions("shared-name").sessionCount());
        }
    }

    @Test
    void plainUsersAreIdentities(@TempDir Path dir) throws IOException {
        Path passwords = Files.writeString(dir.resolve("passwords"), "alice=alice-secret\nbob=bob-secret\n");
        try (StuiServer server =
                        TestServers.start(FrontMode.FAST, dir, Map.of("plain-passwords-file", passwords.toString()));
                ZContext ctx = new ZContext();
                ZSocket alice = plainSocket(ctx, server, "alice", "alice-secret");
                ZSocket bob = plainSocket(ctx, server, "bob", "bob-secret");
                ZSocket wrong = plainSocket(ctx, server, "bob", "guess")) {
            String hers = Requests.result(
                            call(alice, Requests.command("1", "create_session", Requests.params("client_id", "c"))))
                    .path("session_id")
                    .asText();
            assertEquals(
                    "SessionNotFound",
                    Requests.errorCode(
                            call(bob, Requests.command("2", "close_session", Requests.params("session_id", hers)))));
            assertEquals(
                    hers,
                    Requests.result(call(
                                    alice,
                                    Requests.command("3", "get_session_info", Requests.params("session_id", hers))))
                            .path("session_id")
                            .asText());
            // refused at the handshake: the request cannot even leave (no connection), or it gets no answer
            boolean sent = wrong.send(Requests.command("4", "ping", null));
            assertTrue(!sent || wrong.receive().isEmpty(), "a wrong password is refused at the handshake");
        }
    }

    private static ZSocket plainSocket(ZContext ctx, StuiServer server, String user, String password) {
        ZSocket s = ctx.createSocket(SocketType.REQ);
        s.setLinger(0);
        // the refused socket's sends and receives must end; the others' are bounded generously
        int waitMs = password.equals("guess") ? 1500 : 10_000;
        s.setRcvTimeout(waitMs);
        s.setSndTimeout(waitMs);
        s.setPlainCredentials(user, password);
        s.connect(server.endpoint());
        return s;
    }

    private static com.fasterxml.jackson.databind.JsonNode call(ZSocket s, String json) {
        s.send(json);
        byte[] answer = s.receive().orElseThrow(() -> new AssertionError("no answer"));
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
