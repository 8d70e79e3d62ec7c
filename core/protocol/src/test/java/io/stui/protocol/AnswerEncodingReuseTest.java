package io.stui.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.result.EvaluateResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Answers are encoded into a buffer each thread reuses: a large answer, an error, or an encoder
 * re-entered from a serializer must not leak bytes into the next answer, and the timestamp text
 * written without a String must match the documented format.
 */
class AnswerEncodingReuseTest {
    private static final ProtocolCodec CODEC = ProtocolCodec.INSTANCE;
    private static final RequestMeta EVAL = new RequestMeta(Encoding.COMMAND, "j-1", Command.EVALUATE);
    private static final RequestMeta EVAL_ENVELOPE = new RequestMeta(Encoding.ENVELOPE, "c-1", Command.EVALUATE);

    private static JsonNode parse(byte[] answer) throws IOException {
        return ProtocolJson.mapper().readTree(answer);
    }

    private static JsonNode withoutVolatileFields(byte[] answer) throws IOException {
        ObjectNode n = (ObjectNode) parse(answer);
        n.remove("timestamp");
        n.remove("id");
        return n;
    }

    @Test
    void smallAnswerAfterLargeOneIsExactlyItsOwnBytes() throws IOException {
        EvaluateResult small = new EvaluateResult("7", "SmallInteger", 0, false, "", null);
        JsonNode expected = withoutVolatileFields(CODEC.encodeResult(EVAL, small));
        // timestamps and message ids have a fixed length, so an answer's length does not vary
        int commandLength = CODEC.encodeResult(EVAL, small).length;
        int envelopeLength = CODEC.encodeResult(EVAL_ENVELOPE, small).length;
        String big = "x".repeat(200_000);
        byte[] large = CODEC.encodeResult(EVAL, new EvaluateResult(big, "String", 1, false, "", null));
        assertEquals(big, parse(large).path("result").path("result").asText());
        for (RequestMeta meta : new RequestMeta[] {EVAL, EVAL_ENVELOPE}) {
            byte[] again = CODEC.encodeResult(meta, small);
            assertEquals(meta == EVAL ? commandLength : envelopeLength, again.length, "no tail of the large answer");
            JsonNode n = parse(again);
            if (meta == EVAL) {
                assertEquals(expected, withoutVolatileFields(again));
            } else {
                assertEquals(
                        "7",
                        n.path("payload")
                                .path("data")
                                .path("data")
                                .path("result")
                                .asText(),
                        n.toString());
            }
        }
        byte[] error = CODEC.encodeError(EVAL, new StuiException(ErrorCode.INVALID_REQUEST, "bad"));
        assertEquals("bad", parse(error).path("error").asText());
        assertEquals(expected, withoutVolatileFields(CODEC.encodeResult(EVAL, small)));
    }

    /** A value whose JSON text is itself an encoded answer: the codec is re-entered mid-answer. */
    static final class Nested implements CharSequence {
        private final String inner;

        Nested(String inner) {
            this.inner = inner;
        }

        @Override
        public String toString() {
            return new String(
                    CODEC.encodeResult(EVAL, new EvaluateResult(inner, "String", 0, false, "", null)),
                    StandardCharsets.UTF_8);
        }

        @Override
        public int length() {
            return toString().length();
        }

        @Override
        public char charAt(int index) {
            return toString().charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().subSequence(start, end);
        }
    }

    @Test
    void encoderReenteredWhileWritingAValueKeepsBothAnswersWhole() throws IOException {
        byte[] outer = CODEC.encodeSuccess(EVAL, Command.EVALUATE, new Nested("inside"));
        JsonNode n = parse(outer);
        assertEquals("success", n.path("status").asText());
        JsonNode inner = ProtocolJson.mapper().readTree(n.path("result").asText());
        assertEquals("inside", inner.path("result").path("result").asText());
        assertEquals("j-1", n.path("id").asText());
    }

    /** A value whose text cannot be made: the answer breaks off inside its result object. */
    static final class Broken implements CharSequence {
        private final String name;

        Broken(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            throw new IllegalStateException("cannot write " + name);
        }

        @Override
        public int length() {
            return 0;
        }

        @Override
        public char charAt(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return this;
        }
    }

    /** A value with no JSON form at all. */
    record Unknown(String name) {}

    @Test
    void anAnswerThatFailsMidwayLeavesNothingInTheNextOne() throws IOException {
        EvaluateResult small = new EvaluateResult("7", "SmallInteger", 0, false, "", null);
        JsonNode expected = withoutVolatileFields(CODEC.encodeResult(EVAL, small));
        int length = CODEC.encodeResult(EVAL, small).length;
        for (int i = 0; i < 3; i++) {
            assertThrows(
                    IllegalStateException.class, () -> CODEC.encodeSuccess(EVAL, Command.EVALUATE, new Broken("x")));
            byte[] next = CODEC.encodeResult(EVAL, small);
            assertEquals(length, next.length, "exactly one answer's bytes");
            assertEquals(expected, withoutVolatileFields(next));
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> CODEC.encodeSuccess(EVAL_ENVELOPE, Command.EVALUATE, java.util.List.of(new Unknown("y"))));
            assertEquals("no JSON form for a " + Unknown.class.getName(), e.getMessage());
            assertEquals(expected, withoutVolatileFields(CODEC.encodeResult(EVAL, small)));
        }
        byte[] error = CODEC.encodeError(EVAL_ENVELOPE, new StuiException(ErrorCode.INVALID_REQUEST, "bad"));
        assertEquals(
                "bad",
                parse(error)
                        .path("payload")
                        .path("data")
                        .path("data")
                        .path("message")
                        .asText());
    }

    @Test
    void answersInARowAreSeparateDocuments() throws IOException {
        // the generator is kept between answers: nothing (no separator, no leftover) may join them
        for (int i = 0; i < 5; i++) {
            byte[] a = CODEC.encodeResult(
                    EVAL, new EvaluateResult(Integer.toString(i), "SmallInteger", 0, false, "", null));
            assertEquals('{', (char) a[0]);
            assertEquals('}', (char) a[a.length - 1]);
            assertEquals(
                    Integer.toString(i), parse(a).path("result").path("result").asText());
        }
    }

    @Test
    void answerTimestampsHaveMillisecondsAndZ() throws IOException {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String stamp = parse(CODEC.encodeResult(EVAL, new EvaluateResult("7", "SmallInteger", 0, false, "", null)))
                .path("timestamp")
                .asText();
        Instant after = Instant.now();
        assertTrue(stamp.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"), stamp);
        Instant t = Instant.parse(stamp);
        assertTrue(!t.isBefore(before) && !t.isAfter(after), stamp);
    }

    @Test
    void formatMatchesIsoInstantTextIncludingBeforeTheEpoch() {
        DateTimeFormatter iso =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
        for (long ms : new long[] {0L, 1L, 999L, -1L, -1001L, 1_756_549_800_123L, 253_402_300_799_999L}) {
            assertEquals(iso.format(Instant.ofEpochMilli(ms)), Timestamps.format(ms), "epoch ms " + ms);
            byte[] out = new byte[Timestamps.MAX_LENGTH];
            assertEquals(
                    Timestamps.format(ms),
                    new String(out, 0, Timestamps.formatInto(ms, out), StandardCharsets.US_ASCII));
        }
    }
}
