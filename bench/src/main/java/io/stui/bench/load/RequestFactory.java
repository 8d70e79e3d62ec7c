package io.stui.bench.load;

import io.stui.protocol.ClientCodec;
import io.stui.protocol.Encoding;
import io.stui.protocol.request.Request;

/**
 * Encodes the requests of a load with core's protocol codec: one request per {@link CommandKind},
 * scoped to the client's session when it has one.
 */
final class RequestFactory {
    private final Encoding encoding;
    private final String code;

    RequestFactory(Encoding encoding, String code) {
        this.encoding = encoding;
        this.code = code;
    }

    /** The frame of a request of the given kind; {@code sessionId} may be null for ping and evaluate. */
    byte[] encode(CommandKind kind, String id, String sessionId) {
        Request request = switch (kind) {
            case PING -> new Request.Ping(null);
            case EVALUATE -> new Request.Evaluate(code, sessionId, true);
            case INSPECT -> new Request.Inspect(code, null, sessionId, 1, false, false);
            case SESSION -> new Request.GetSessionInfo(sessionId);
            case COMPLETE -> new Request.CodeCompletion("3 fact", null, null);
            case SENDERS -> new Request.Senders("printOn:", null, 0, 100);
        };
        return ClientCodec.INSTANCE.encode(encoding, id, request);
    }

    byte[] createSession(String id, String clientId) {
        return ClientCodec.INSTANCE.encode(encoding, id, new Request.CreateSession(clientId));
    }

    byte[] closeSession(String id, String sessionId) {
        return ClientCodec.INSTANCE.encode(encoding, id, new Request.CloseSession(sessionId));
    }
}
