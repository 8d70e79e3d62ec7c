package io.stui.protocol;

import static io.stui.protocol.Json.ok;
import static io.stui.protocol.Json.q;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stui.protocol.request.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The parser a thread keeps from frame to frame ({@link FrameParser}) decodes every frame exactly as a
 * parser made for that frame alone does, whatever frames came before it: malformed ones included,
 * since those leave a kept parser in an unknown state.
 */
class FrameParserTest {
    private static final ProtocolCodec CODEC = ProtocolCodec.INSTANCE;

    /** Valid requests of both encodings, with the whitespace and value types clients send. */
    private static final List<byte[]> VALID = List.of(
            q("{'id': 'p1', 'command': 'ping'}"),
            q("{\"id\":7,\"command\":\"ping\",\"parameters\":{\"message\":\"hi\"}}"),
            q("  {'id': 12345678901234567890123, 'command': 'ping'}\r\n\t "),
            q("{'command': 'evaluate', 'id': 'e1', 'parameters': {'code': '3 + 4', 'return_string': false, "
                    + "'session_id': null, 'extra': {'a': [1, 2.5, true, null]}}}"),
            q("{'id': 'u1', 'command': 'update_session_state', 'parameters': {'session_id': 's1', "
                    + "'state_data': {'cursor': {'line': 3}, 'open': ['a', 'b']}}}"),
            "{\"id\":\"esc\",\"command\":\"evaluate\",\"parameters\":{\"code\":\"'a\\\\nb' , \\\"\\u00e9\\u20ac\\\"\"}}"
                    .getBytes(StandardCharsets.UTF_8),
            "{\"id\":\"utf8\",\"command\":\"ping\",\"parameters\":{\"message\":\"h\u00e9llo \u4e16\u754c \ud83d\ude00\"}}"
                    .getBytes(StandardCharsets.UTF_8),
            q("{'id': 'v1', 'version': '1.0.0', 'payload': {'type': 'Request', 'data': {'request_type': 'Evaluate', "
                    + "'params': {'code': '1 + 1', 'context': 's9'}}}}"),
            q("{'id': 'v2', 'version': '1.0.0', 'payload': {'type': 'Request', 'data': {'request_type': 'Debug', "
                    + "'params': {'operation': {'SetBreakpoint': {'line': 4, 'file': 'F.st'}}, 'session_id': 's'}}}}"),
            q("{'id': 'k', 'command': 'list_classes', 'parameters': {'pattern': 'Ord*', 'limit': 5}}"));

    @Test
    void everyFrameDecodesAsWithAParserOfItsOwnInAnyOrder() {
        List<byte[]> frames = new ArrayList<>(VALID);
        for (Arguments a : BadInputTest.badFrames().toList()) {
            frames.add((byte[]) a.get()[1]);
        }
        frames.add(q("{'id': 'tail', 'command': 'ping'} 5"));
        frames.add(q("{'id': 'open', 'command': 'ping', 'parameters': {'message': 'abc"));
        frames.add(q("{'id': 'num', 'command': 'ping', 'parameters': {'message': 1"));
        Random random = new Random(42);
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(frames, random);
            for (byte[] frame : frames) {
                String text = new String(frame, StandardCharsets.UTF_8);
                assertEquals(reference(frame), describe(CODEC.decode(frame)), text);
            }
        }
    }

    @Test
    void aFrameAfterTrailingDataIsReadOnItsOwn() {
        // a kept parser would join the trailing "5" to the next frame's tokens
        for (String tail : List.of(" 5", "5", " tru", " \"abc", " {", " [1,", "}", " {}")) {
            Decoded first = CODEC.decode(q("{'id': 'a', 'command': 'ping'}" + tail));
            assertEquals(
                    ErrorCode.INVALID_REQUEST, ((Decoded.Failed) first).error().code(), tail);
            Decoded.Ok next = ok(q("{'id': 8, 'command': 'evaluate', 'parameters': {'code': '6 * 7'}}"));
            assertEquals(new RequestMeta(Encoding.COMMAND, 8L, Command.EVALUATE), next.meta(), tail);
            assertEquals(new Request.Evaluate("6 * 7", null, true), next.request(), tail);
        }
    }

    @Test
    void aFrameThatEndsInsideTheObjectIsNotTakenForAShorterRequest() {
        // cut inside the parameters object: a parser that stopped where its input ran out would see a ping
        // with fewer parameters, or none
        byte[] whole = q("{'id': 'c', 'command': 'evaluate', 'parameters': {'code': '1', 'return_string': false}}");
        for (int cut = 1; cut < whole.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            Decoded d = CODEC.decode(part);
            assertEquals(Decoded.Failed.class, d.getClass(), new String(part, StandardCharsets.UTF_8));
            assertEquals(reference(part), describe(d));
        }
        assertEquals(new Request.Evaluate("1", null, false), ok(whole).request());
    }

    @Test
    void manyFramesOnOneThreadOutlastTheParserThatReadTheFirst() {
        for (int i = 0; i < FrameParser.FRAMES_PER_PARSER * 2 + 10; i++) {
            Decoded.Ok d = ok(("{\"id\":" + i + ",\"command\":\"ping\",\"parameters\":{\"message\":\"m" + i + "\"}}")
                    .getBytes(StandardCharsets.UTF_8));
            if (!Long.valueOf(i).equals(d.meta().id()) || !new Request.Ping("m" + i).equals(d.request())) {
                throw new AssertionError("frame " + i + " decoded as " + d);
            }
        }
    }

    @Test
    void largeFramesAndSmallOnesAlternate() {
        String code = "x := 1".repeat(20_000); // 120,000 bytes: past what a kept parser may hold on to
        for (int i = 0; i < 3; i++) {
            Decoded.Ok big = ok(("{\"id\":\"big\",\"command\":\"evaluate\",\"parameters\":{\"code\":\"" + code + "\"}}")
                    .getBytes(StandardCharsets.UTF_8));
            assertEquals(new Request.Evaluate(code, null, true), big.request());
            assertEquals(
                    new Request.Ping("small"),
                    ok(q("{'id': 's', 'command': 'ping', 'parameters': {'message': 'small'}}"))
                            .request());
        }
    }

    @Test
    void manyDistinctKeysAcrossFramesDoNotWearOutTheKeptParser() {
        // a client sending new names in every frame grows the kept parser's symbol table; decoding must not care
        for (int frame = 0; frame < 5_000; frame++) {
            StringBuilder json =
                    new StringBuilder("{\"id\":").append(frame).append(",\"command\":\"ping\",\"parameters\":{");
            for (int k = 0; k < 40; k++) {
                json.append("\"k")
                        .append(frame)
                        .append('_')
                        .append(k)
                        .append("\":")
                        .append(k)
                        .append(',');
            }
            json.append("\"message\":\"m\"},\"x").append(frame).append("\":true}");
            Decoded.Ok d = ok(json.toString().getBytes(StandardCharsets.UTF_8));
            if (!Long.valueOf(frame).equals(d.meta().id()) || !new Request.Ping("m").equals(d.request())) {
                throw new AssertionError("frame " + frame + " decoded as " + d);
            }
        }
    }

    /** The decode of a parser made for this frame alone, for frames that reach the JSON parser. */
    private static String reference(byte[] frame) {
        boolean reachesParser = frame.length > 0 && Utf8.firstInvalid(frame, 0, frame.length) < 0;
        for (int i = 0; i < Math.min(4, frame.length); i++) {
            reachesParser &= frame[i] != 0;
        }
        return describe(reachesParser ? CODEC.decodeWithFreshParser(frame, 0, frame.length) : CODEC.decode(frame));
    }

    private static String describe(Decoded d) {
        return switch (d) {
            case Decoded.Ok ok -> "ok " + ok.meta() + " " + ok.request();
            case Decoded.Failed f ->
                "failed " + f.meta() + " " + f.error().code() + " " + f.error().field() + " "
                        + f.error().getMessage() + " " + f.error().details();
        };
    }
}
