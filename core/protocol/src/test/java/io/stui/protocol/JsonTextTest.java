package io.stui.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON text the server keeps and reads: one value, written back exactly, and clear errors. */
class JsonTextTest {

    @Test
    void aValueReadIsWrittenBackAsTheSameJson() throws IOException {
        String json = "{\"a\":[1,-2,3.5,12345678901234567890,true,null,{\"\\u00e9\":\"x\\ny\"}],\"b\":{},\"c\":\"\"}";
        JsonNode tree = JsonText.parse(json);
        assertEquals(
                new BigInteger("12345678901234567890"), tree.get("a").get(3).bigIntegerValue());
        assertEquals(json.replace("\\u00e9", "\u00e9"), JsonText.write(tree));
        assertEquals(ProtocolJson.mapper().readTree(json), JsonText.parse(JsonText.write(tree)));
        assertEquals("[\"x\",\"y\"]", JsonText.write(List.of("x", "y")));
        assertEquals(
                List.of("x", "y"),
                List.of(JsonText.parse("  [\"x\", \"y\"]\n").get(0).asText(), "y"));
    }

    @Test
    void textThatIsNotOneJsonValueIsRefusedSayingWhy() {
        assertEquals(
                "No JSON value (the text is empty)",
                assertThrows(IOException.class, () -> JsonText.parse("  ")).getMessage());
        assertEquals(
                "More after the JSON value (line 1, column 4)",
                assertThrows(IOException.class, () -> JsonText.parse("{} {}")).getMessage());
        assertEquals(
                "Duplicate key 'a'",
                assertThrows(IOException.class, () -> JsonText.parse("{\"a\":1,\"a\":2}"))
                        .getMessage());
        String broken =
                assertThrows(IOException.class, () -> JsonText.parse("{\"a\":")).getMessage();
        assertTrue(broken.contains("end-of-input"), broken);
    }
}
