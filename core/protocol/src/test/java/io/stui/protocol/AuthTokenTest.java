package io.stui.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.protocol.request.Request;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The top-level {@code auth_token} field: the same place in both encodings, a string or nothing. */
class AuthTokenTest {

    private static final String TOKEN = "s3cret-token-0123456789";

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void aClientsTokenReachesTheServerInEitherEncoding(Encoding encoding) {
        byte[] frame = ClientCodec.INSTANCE.encode(encoding, "r1", new Request.CloseSession("a".repeat(32)), TOKEN);
        Decoded.Ok ok = assertInstanceOf(Decoded.Ok.class, ProtocolCodec.INSTANCE.decode(frame));
        assertEquals(TOKEN, ok.authToken());
        assertEquals(new Request.CloseSession("a".repeat(32)), ok.request());
        assertFalse(ok.toString().contains(TOKEN), "a decoded request never shows its token");
        // and none when the client sends none
        byte[] bare = ClientCodec.INSTANCE.encode(encoding, "r2", new Request.Ping(null));
        assertNull(assertInstanceOf(Decoded.Ok.class, ProtocolCodec.INSTANCE.decode(bare))
                .authToken());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":1,\"command\":\"ping\",\"auth_token\":42}",
                "{\"id\":1,\"command\":\"ping\",\"auth_token\":{\"t\":\"x\"}}",
                "{\"id\":1,\"auth_token\":\"aaaaaaaaaaaaaaaaa\",\"command\":\"ping\",\"auth_token\":\"bbbbbbbbbbbbbbbbb\"}"
            })
    void aTokenThatIsNotOneStringIsAnInvalidRequest(String json) {
        Decoded d = ProtocolCodec.INSTANCE.decode(json.getBytes(StandardCharsets.UTF_8));
        Decoded.Failed f = assertInstanceOf(Decoded.Failed.class, d);
        assertEquals(ErrorCode.INVALID_REQUEST, f.error().code());
        assertTrue(f.error().getMessage().contains("auth_token"), f.error().getMessage());
        assertFalse(f.error().getMessage().contains("aaaaaaaa"), "the error never echoes a token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":1,\"command\":\"ping\",\"auth_token\":null}"})
    void aNullTokenIsNoToken(String json) {
        Decoded.Ok ok = assertInstanceOf(
                Decoded.Ok.class, ProtocolCodec.INSTANCE.decode(json.getBytes(StandardCharsets.UTF_8)));
        assertNull(ok.authToken());
    }
}
