package io.stui.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stui.zmq.Backend;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZMessage;
import io.stui.zmq.ZSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The events socket on real loopback sockets, on both backends: subscriptions, order, and counted drops. */
class EventPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A subscriber on {@code prefix}, returned once the publisher said it is live. */
    static ZSocket subscriber(ZContext ctx, String endpoint, String prefix, int rcvHwm) {
        ZSocket sub = ctx.createSocket(SocketType.SUB);
        sub.setRcvHwm(rcvHwm);
        sub.setRcvTimeout(15_000);
        sub.connect(endpoint);
        sub.subscribe(prefix);
        JsonNode first = next(sub);
        assertEquals("subscribed", first.path("event").asText(), first.toString());
        assertEquals(prefix, first.at("/result/prefix").asText());
        return sub;
    }

    /** The next event's JSON (the topic frame checked against the body's topic). */
    static JsonNode next(ZSocket sub) {
        ZMessage m = sub.receiveMessage().orElseThrow(() -> new AssertionError("no event within 15 s"));
        assertEquals(2, m.frames().size());
        try {
            JsonNode n = JSON.readTree(m.frames().get(1));
            assertEquals(
                    new String(m.frames().get(0), StandardCharsets.UTF_8),
                    n.path("topic").asText());
            return n;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void subscribersGetTheirTopicsEventsInOrderAndNothingIsBuiltForOthers(Backend backend) {
        try (ZContext ctx = new ZContext(backend);
                EventPublisher pub = EventPublisher.start(ctx, "tcp://127.0.0.1:*", 1000, null)) {
            assertFalse(pub.wants("s1"), "no subscriber yet");
            try (ZSocket sub = subscriber(ctx, pub.endpoint(), "s1", 1000)) {
                assertTrue(pub.wants("s1"));
                assertFalse(pub.wants("s2"));
                pub.publish("s2", "busy", null, Map.of());
                pub.publish("s1", "busy", "r-1", Map.of());
                pub.publish("s1", "transcript", null, Map.of("text", "héllo"));
                JsonNode busy = next(sub);
                assertEquals("busy", busy.path("event").asText());
                assertEquals("r-1", busy.path("request_id").asText());
                JsonNode text = next(sub);
                assertEquals("héllo", text.at("/result/text").asText());
                assertTrue(text.path("seq").asLong() > busy.path("seq").asLong());
                assertTrue(text.path("timestamp").asText().endsWith("Z"), text.toString());
                // subscribed, s2's (sent to nobody), and s1's two: an event a subscriber has is already counted
                assertEquals(4, pub.published() + pub.dropped());
            }
        }
    }

    /**
     * With a gate (a server that authenticates), only the owner's token opens a session's topic: mallory's empty
     * prefix, bare session id and own token are refused, so she receives nothing of {@code s1} until the event she
     * may have ({@code image}), which comes after alice's; alice, subscribed with her token, receives it.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aGateGivesASessionsTopicToItsOwnerOnly(Backend backend) {
        SubscriptionGate gate = new SubscriptionGate(
                (id, stored) -> id.equals("s1") ? java.util.Optional.of("alice") : java.util.Optional.empty(),
                token -> switch (token) {
                    case "alice-token-0123456789" -> java.util.Optional.of("alice");
                    case "mallory-token-0123456789" -> java.util.Optional.of("mallory");
                    default -> java.util.Optional.empty();
                });
        try (ZContext ctx = new ZContext(backend);
                EventPublisher pub = EventPublisher.start(ctx, "tcp://127.0.0.1:*", 1000, null, false, gate);
                ZSocket mallory = ctx.createSocket(SocketType.SUB);
                ZSocket alice = ctx.createSocket(SocketType.SUB)) {
            mallory.setRcvTimeout(15_000);
            mallory.connect(pub.endpoint());
            mallory.subscribe("");
            mallory.subscribe("s1");
            mallory.subscribe("s1\0mallory-token-0123456789");
            mallory.subscribe("image\0mallory-token-0123456789");
            JsonNode first = next(mallory);
            assertEquals("image", first.at("/result/prefix").asText(), first.toString());
            assertFalse(pub.wants("s1"), "nobody may read s1 yet");

            alice.setRcvTimeout(15_000);
            alice.connect(pub.endpoint());
            alice.subscribe("s1");
            alice.subscribe("s1\0alice-token-0123456789");
            assertEquals("s1", next(alice).at("/result/prefix").asText());
            assertTrue(pub.wants("s1"));

            pub.publish("s1", "transcript", "r-1", Map.of("text", "secret"));
            pub.publish("image", "transcript", "r-2", Map.of("text", "sentinel"));
            assertEquals("secret", next(alice).at("/result/text").asText());
            JsonNode seen = next(mallory);
            assertEquals("sentinel", seen.at("/result/text").asText(), "mallory got " + seen);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSubscriberThatNeverReadsCostsDropsNotWaitsAndOthersStillReceive(Backend backend) {
        try (ZContext ctx = new ZContext(backend);
                EventPublisher pub = EventPublisher.start(ctx, "tcp://127.0.0.1:*", 2, null);
                ZSocket stuck = subscriber(ctx, pub.endpoint(), "s", 2);
                ZSocket reader = subscriber(ctx, pub.endpoint(), "s", 100_000)) {
            // the reader's own subscribed event went to "stuck" too; it is never read, like everything after it
            String big = "x".repeat(64 * 1024);
            int sent = 0;
            long before = pub.published() + pub.dropped(); // the two subscribed events
            long deadline = System.nanoTime() + 30_000_000_000L;
            // one at a time, each handed to the socket before the next, so drops come from the socket's high-water
            // mark and not from the hand-over queue; the kernel's buffers fill first (a few MiB on loopback)
            while (pub.dropped() == 0 && sent < 4000 && System.nanoTime() < deadline) {
                pub.publish("s", "transcript", null, Map.of("text", big));
                sent++;
                while (pub.published() + pub.dropped() < before + sent && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                // the reader keeps up: it receives every event, dropped for "stuck" or not
                assertEquals("transcript", next(reader).path("event").asText());
            }
            assertTrue(pub.dropped() > 0, "no drop counted after " + sent + " events of 64 KiB");
            assertEquals(
                    before + sent,
                    pub.published() + pub.dropped(),
                    "every event was either sent or counted as dropped");
        }
    }
}
