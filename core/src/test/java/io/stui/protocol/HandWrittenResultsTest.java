package io.stui.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.protocol.result.CommandResult;
import io.stui.protocol.result.EvaluateResult;
import io.stui.protocol.result.PingResult;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec writes ping and evaluate results field by field; what it writes must stay exactly what the
 * mapper's record serialiser writes for them, in both encodings, so a component added to the record
 * without a field here fails this test.
 */
class HandWrittenResultsTest {

    static Stream<CommandResult> results() {
        return Stream.of(
                new EvaluateResult("7", "SmallInteger", 0, false, "", null),
                new EvaluateResult("'h\u00e9llo \"q\" \\ \n\t\u0001'", "ByteString", 1234, false, "line1\nline2", "obj-17"),
                new EvaluateResult(null, null, Long.MAX_VALUE, true, null, null),
                new PingResult("pong", "ready", 42, "0.1.0", "native"),
                new PingResult("\u2603 snow", "draining", 0, null, null));
    }

    @ParameterizedTest
    @MethodSource("results")
    void writesWhatTheMapperWrites(CommandResult result) throws Exception {
        String expected = ProtocolJson.MAPPER.writeValueAsString(result);
        for (byte[] request : new byte[][] {
                "{\"id\":\"r-1\",\"command\":\"ping\",\"parameters\":{}}".getBytes(StandardCharsets.UTF_8),
                ClientCodec.INSTANCE.encode(Encoding.ENVELOPE, "550e8400-e29b-41d4-a716-446655440000", io.stui.protocol.Command.PING, null)}) {
            Decoded d = ProtocolCodec.INSTANCE.decode(request);
            JsonNode answer = ProtocolJson.MAPPER.readTree(ProtocolCodec.INSTANCE.encodeResult(d.meta(), result));
            JsonNode written = answer.has("result") ? answer.get("result") : answer.path("payload").path("data").path("data");
            assertEquals(expected, ProtocolJson.MAPPER.writeValueAsString(written), "same fields, values and order");
        }
    }
}
