package io.stui.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.protocol.ProtocolJson;
import io.stui.zmq.Backend;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A frame of a million-digit id and parameters, sent to a server loop that decodes with the real codec:
 * its sender gets a short InvalidRequest, and a ping from another client behind it is answered.
 */
@Timeout(60)
class HugeNumberFrameTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aMillionDigitFrameIsAnsweredShortAndDoesNotHoldUpOthers(Backend backend) throws Exception {
        String digits = "7".repeat(1_000_000);
        byte[] hostile = ("{\"id\":" + digits + ",\"command\":\"inspect\",\"parameters\":{\"object_id\":\"o\","
                        + "\"depth\":" + digits + ",\"limit\":" + digits + "}}")
                .getBytes(StandardCharsets.UTF_8);
        String endpoint = StuiClientTest.freeEndpoint();
        try (ZContext context = new ZContext(backend);
                AnswerLoop server = new AnswerLoop(context, endpoint, 1);
                ZSocket attacker = context.createSocket(SocketType.DEALER);
                StuiClient other =
                        new StuiClient(context, ClientOptions.defaults(endpoint).withTimeout(Duration.ofSeconds(20)))) {
            attacker.setRcvTimeout(20_000);
            attacker.connect(endpoint);
            attacker.sendMore(new byte[0]);
            attacker.send(hostile);

            assertEquals("pong", other.ping().message(), "the other client is served");

            byte[] delimiter = attacker.receive().orElseThrow();
            assertEquals(0, delimiter.length);
            byte[] answer = attacker.receive().orElseThrow(() -> new AssertionError("no answer to the huge frame"));
            assertTrue(answer.length < 600, "a short answer, not an echo: " + answer.length + " bytes");
            JsonNode json = ProtocolJson.mapper().readTree(answer);
            assertEquals("InvalidRequest", json.get("error_type").textValue());
            assertTrue(json.get("id").isNull(), "the id was never converted, so it is not echoed");
            assertTrue(json.get("error").textValue().contains("longer than 24 characters"), json.toString());
        }
    }
}
