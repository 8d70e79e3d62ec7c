package io.stui.server.e2e;

import static io.stui.server.e2e.Requests.params;
import static io.stui.server.e2e.Requests.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.client.StuiClient;
import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a server that knows its clients, a session's events reach only the session's owner: mallory, who knows alice's
 * session id, subscribes to it, to everything (the empty prefix) and to it with her own token, and receives none of
 * alice's Transcript. Absence is judged without a clock: mallory's own sentinel, published on the image topic after
 * alice's evaluation has finished, is the last thing she must see, and the events before it carry no topic of
 * alice's. Also: the Transcript events carry the {@code request_id} of the evaluation that wrote them.
 */
class EventsPrivacyE2ETest {

    private static final String ALICE_TOKEN = "alice-token-0123456789abcdef";
    private static final String MALLORY_TOKEN = "mallory-token-0123456789abcdef";

    @Test
    void withTokensASessionsTopicIsItsOwnersOnly(@TempDir Path dir) throws IOException {
        Path tokens =
                Files.writeString(dir.resolve("tokens"), "alice " + ALICE_TOKEN + "\nmallory " + MALLORY_TOKEN + "\n");
        try (StuiServer server = TestServers.start(FrontMode.PLAIN, dir, Map.of("token-file", tokens.toString()));
                ZContext ctx = new ZContext()) {
            String sid = result(call(ctx, server, "s-1", ALICE_TOKEN, "create_session", params("client_id", "alice")))
                    .path("session_id")
                    .asText();
            ZSocket mallory = subscriber(ctx, server, s -> {});
            mallory.subscribe("");
            mallory.subscribe(sid);
            mallory.subscribe(withToken(sid, MALLORY_TOKEN));
            mallory.subscribe(withToken("image", MALLORY_TOKEN));
            JsonNode first = Events.next(mallory);
            assertEquals("subscribed", first.path("event").asText(), first::toString);
            assertEquals("image", first.path("topic").asText(), "the only subscription mallory may hold: " + first);

            ZSocket alice = subscriber(ctx, server, s -> {});
            alice.subscribe(sid);
            alice.subscribe(withToken(sid, ALICE_TOKEN));
            assertEquals("subscribed", Events.next(alice).path("event").asText());

            JsonNode answer = call(
                    ctx,
                    server,
                    "secret-1",
                    ALICE_TOKEN,
                    "evaluate",
                    params("code", "Transcript show: 'secret'. 3 + 4", "session_id", sid));
            assertEquals("7", result(answer).path("result").asText());
            List<JsonNode> hers = Events.until(alice, "evaluation_finished");
            JsonNode transcript = hers.stream()
                    .filter(e -> e.path("event").asText().equals("transcript"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no transcript event: " + hers));
            assertEquals("secret", transcript.at("/result/text").asText());
            assertEquals("secret-1", transcript.path("request_id").asText(), transcript::toString);

            call(ctx, server, "m-1", MALLORY_TOKEN, "evaluate", params("code", "Transcript show: 'sentinel'"));
            assertNothingOfBeforeSentinel(mallory, sid);
        }
    }

    @Test
    void withCurveKeysASessionsTopicIsItsOwnersOnly(@TempDir Path dir) throws IOException {
        CurveKeys keys = new CurveKeys(dir, "alice", "mallory");
        try (StuiServer server = TestServers.start(FrontMode.FAST, dir, keys.settings());
                StuiClient aliceClient = keys.connect(server, "alice");
                StuiClient malloryClient = keys.connect(server, "mallory");
                ZContext ctx = new ZContext()) {
            String sid = aliceClient.createSession("alice").sessionId();
            ZSocket mallory =
                    subscriber(ctx, server, s -> s.setCurveClient(keys.client("mallory"), keys.server.publicKey()));
            mallory.subscribe("");
            mallory.subscribe(sid);
            mallory.subscribe("image");
            JsonNode first = Events.next(mallory);
            assertEquals("image", first.path("topic").asText(), "the only subscription mallory may hold: " + first);

            ZSocket alice =
                    subscriber(ctx, server, s -> s.setCurveClient(keys.client("alice"), keys.server.publicKey()));
            alice.subscribe(sid);
            assertEquals("subscribed", Events.next(alice).path("event").asText());
            assertEquals(
                    "7",
                    aliceClient
                            .evaluate("Transcript show: 'secret'. 3 + 4", sid)
                            .result());
            Events.until(alice, "evaluation_finished");

            malloryClient.evaluate("Transcript show: 'sentinel'");
            assertNothingOfBeforeSentinel(mallory, sid);
        }
    }

    /** Mallory's events up to her sentinel hold nothing of alice's session. */
    private static void assertNothingOfBeforeSentinel(ZSocket mallory, String sid) {
        List<JsonNode> seen = new ArrayList<>();
        JsonNode e;
        do {
            e = Events.next(mallory);
            seen.add(e);
        } while (!e.at("/result/text").asText().equals("sentinel"));
        assertTrue(
                seen.stream().allMatch(x -> x.path("topic").asText().equals("image")),
                "mallory received alice's events: " + seen);
        assertTrue(seen.stream().noneMatch(x -> x.toString().contains(sid)), seen::toString);
    }

    private static String withToken(String topic, String token) {
        return topic + "\0" + token;
    }

    private static ZSocket subscriber(ZContext ctx, StuiServer server, Consumer<ZSocket> security) {
        ZSocket sub = ctx.createSocket(SocketType.SUB);
        sub.setRcvTimeout(15_000);
        sub.setLinger(0);
        security.accept(sub);
        sub.connect(server.eventsEndpoint());
        return sub;
    }

    private static JsonNode call(ZContext ctx, StuiServer server, String id, String token, String c, ObjectNode p) {
        ObjectNode request = Wire.JSON.createObjectNode();
        request.put("id", id);
        request.put("auth_token", token);
        request.put("command", c);
        request.set("parameters", p);
        try (Wire w = new Wire(ctx, Wire.Kind.REQ, server.endpoint())) {
            return w.call(request.toString());
        }
    }
}
