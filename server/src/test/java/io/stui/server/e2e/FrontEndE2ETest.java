package io.stui.server.e2e;

import static io.stui.server.e2e.Requests.command;
import static io.stui.server.e2e.Requests.envelope;
import static io.stui.server.e2e.Requests.errorCode;
import static io.stui.server.e2e.Requests.errorMessage;
import static io.stui.server.e2e.Requests.params;
import static io.stui.server.e2e.Requests.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import io.stui.zmq.ZContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The front end over real sockets: socket kinds, pipelining, and every kind of bad input. */
@ParameterizedClass(name = "front-mode {0}")
@EnumSource(FrontMode.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontEndE2ETest {

    /** The whole suite runs against both front modes; the plain one is the oracle. */
    @Parameter
    FrontMode mode;

    StuiServer server;
    ZContext ctx;

    @BeforeParameterizedClassInvocation
    void start(FrontMode mode, @TempDir Path dir) {
        server = TestServers.start(mode, dir);
        ctx = new ZContext();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        ctx.close();
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Wire.Kind.class)
    void pingInBothEncodingsOnEverySocketKind(Wire.Kind kind) {
        try (Wire w = new Wire(ctx, kind, server.endpoint())) {
            JsonNode a = w.call(command("p-1", "ping", params("message", "hello")));
            assertEquals("p-1", a.path("id").asText());
            assertEquals("hello", result(a).path("message").asText());
            assertEquals("ready", result(a).path("status").asText());
            assertEquals(StuiServer.VERSION, result(a).path("server_version").asText());
            assertFalse(result(a).path("zmq_backend").asText().isEmpty());
            assertTrue(a.path("timestamp").asText().endsWith("Z"));

            JsonNode e = w.call(envelope("550e8400-e29b-41d4-a716-446655440000", "Ping", null));
            assertEquals(
                    "550e8400-e29b-41d4-a716-446655440000",
                    e.path("correlation_id").asText());
            assertEquals(
                    "Ping", e.path("payload").path("data").path("response_type").asText());
            assertEquals("pong", result(e).path("message").asText());
        }
    }

    @Test
    void dealerPipelinesManyRequestsAndGetsEveryAnswer() {
        try (Wire w = new Wire(ctx, Wire.Kind.DEALER, server.endpoint())) {
            Set<String> sent = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                String id = "pipe-" + i;
                sent.add(id);
                w.sendText(i % 2 == 0 ? command(id, "ping", null) : command(id, "get_session_statistics", null));
            }
            Set<String> got = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                JsonNode a = w.receive();
                result(a);
                got.add(a.path("id").asText());
            }
            assertEquals(sent, got);
        }
    }

    record Bad(String name, List<byte[]> frames, String code, String messagePart) {}

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Wire.Kind.class)
    void everyBadInputGetsAnErrorAnswerAndTheServerGoesOn(Wire.Kind kind) {
        List<Bad> table = List.of(
                new Bad("not JSON", List.of(utf8("hello there")), "InvalidRequest", "not valid JSON"),
                new Bad(
                        "truncated JSON",
                        List.of(utf8("{\"id\":\"1\",\"command\":\"ping\"")),
                        "InvalidRequest",
                        "JSON"),
                new Bad(
                        "bad UTF-8",
                        List.of(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                        "InvalidRequest",
                        "UTF-8"),
                new Bad("empty frame", List.of(new byte[0]), "InvalidRequest", "Empty"),
                new Bad(
                        "extra frames",
                        List.of(utf8(command("x-1", "ping", null)), utf8("more")),
                        "InvalidRequest",
                        "frames"),
                new Bad("JSON array", List.of(utf8("[1,2,3]")), "InvalidRequest", ""),
                new Bad(
                        "unknown command",
                        List.of(utf8(command("u-1", "launch_missiles", null))),
                        "InvalidRequest",
                        "launch_missiles"),
                new Bad(
                        "wrong type",
                        List.of(utf8(command("w-1", "evaluate", params("code", 42)))),
                        "InvalidRequest",
                        "code"),
                new Bad(
                        "missing field",
                        List.of(utf8(command("m-1", "create_session", null))),
                        "InvalidRequest",
                        "client_id"),
                new Bad(
                        "bad info_type",
                        List.of(utf8(command("i-1", "system_info", params("info_type", "Everything")))),
                        "InvalidRequest",
                        "info_type"),
                new Bad(
                        "unknown session",
                        List.of(utf8(command(
                                "s-1", "get_session_info", params("session_id", "0123456789abcdef0123456789abcdef")))),
                        "SessionNotFound",
                        "not found"),
                new Bad(
                        "wrong major version",
                        List.of(utf8(envelope("v-1", "Ping", null).replace("1.0.0", "2.0.0"))),
                        "InvalidRequest",
                        "version"));
        try (Wire w = new Wire(ctx, kind, server.endpoint())) {
            for (Bad bad : table) {
                if (kind == Wire.Kind.REQ
                        && bad.frames().size() == 1
                        && bad.frames().getFirst().length == 0) {
                    // a REQ socket sends [delimiter, empty body]; covered below by sendFrames as well
                }
                w.sendFrames(bad.frames());
                JsonNode a = w.receive();
                assertEquals(bad.code(), errorCode(a), bad.name() + ": " + a);
                assertTrue(errorMessage(a).contains(bad.messagePart()), bad.name() + ": " + errorMessage(a));
                JsonNode ping = w.call(command("after-" + bad.name(), "ping", null));
                assertEquals("pong", result(ping).path("message").asText(), "still serving after " + bad.name());
            }
        }
    }

    @Test
    void errorsEchoTheIdAndCarryTheFieldInBothEncodings() {
        try (Wire w = new Wire(ctx, Wire.Kind.REQ, server.endpoint())) {
            JsonNode a = w.call(command("c-9", "create_session", params("client_id", "bad id!")));
            assertEquals("c-9", a.path("id").asText());
            assertEquals("error", a.path("status").asText());
            assertEquals("InvalidRequest", a.path("error_type").asText());
            JsonNode e = w.call(envelope("e-9", "CreateSession", params("client_id", "bad id!")));
            assertEquals("e-9", e.path("correlation_id").asText());
            assertEquals(
                    "Error",
                    e.path("payload").path("data").path("response_type").asText());
            assertEquals(
                    "InvalidRequest",
                    e.path("payload").path("data").path("data").path("code").asText());
        }
    }

    @Test
    void anOversizedFrameDropsOnlyThatPeer(@TempDir Path dir) {
        try (StuiServer small = TestServers.start(mode, dir, java.util.Map.of("max-message-size", "1000"));
                Wire big = new Wire(ctx, Wire.Kind.DEALER, small.endpoint());
                Wire other = new Wire(ctx, Wire.Kind.REQ, small.endpoint())) {
            big.socket.setRcvTimeout(500);
            big.sendText(command("big", "evaluate", params("code", "'" + "x".repeat(5000) + "' size")));
            assertTrue(big.socket.receiveMessage().isEmpty(), "libzmq drops a peer that exceeds ZMQ_MAXMSGSIZE");
            assertEquals(
                    "pong",
                    result(other.call(command("ok", "ping", null)))
                            .path("message")
                            .asText());
            assertEquals(
                    "4",
                    result(other.call(command("small", "evaluate", params("code", "'xxxx' size"))))
                            .path("result")
                            .asText());
        }
    }
}
