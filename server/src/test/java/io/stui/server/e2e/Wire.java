package io.stui.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZMessage;
import io.stui.zmq.ZSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A raw test client: a REQ socket, or a DEALER socket that sends with or without the empty
 * delimiter frame, speaking JSON text. Receives time out after 15 s so a lost answer fails a test
 * instead of hanging it.
 */
final class Wire implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    enum Kind {
        REQ,
        DEALER,
        DEALER_DELIMITED
    }

    final Kind kind;
    final ZSocket socket;

    Wire(ZContext ctx, Kind kind, String endpoint) {
        this.kind = kind;
        this.socket = ctx.createSocket(kind == Kind.REQ ? SocketType.REQ : SocketType.DEALER);
        socket.setLinger(0);
        socket.setRcvTimeout(15_000);
        socket.connect(endpoint);
    }

    void sendFrames(List<byte[]> frames) {
        ZMessage m = new ZMessage();
        if (kind == Kind.DEALER_DELIMITED) {
            m.add(new byte[0]);
        }
        frames.forEach(m::add);
        socket.send(m);
    }

    void sendText(String json) {
        sendFrames(List.of(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Receives one answer and checks the envelope is what this kind of socket expects. */
    JsonNode receive() {
        ZMessage m = socket.receiveMessage().orElseThrow(() -> new AssertionError("no answer within 15 s"));
        List<byte[]> frames = m.frames();
        if (kind == Kind.DEALER_DELIMITED) {
            if (frames.size() != 2 || frames.get(0).length != 0) {
                throw new AssertionError("expected [delimiter, answer], got " + frames.size() + " frames");
            }
        } else if (frames.size() != 1) {
            throw new AssertionError("expected one answer frame, got " + frames.size());
        }
        try {
            return JSON.readTree(frames.getLast());
        } catch (java.io.IOException e) {
            throw new AssertionError("answer is not JSON: " + new String(frames.getLast(), StandardCharsets.UTF_8), e);
        }
    }

    JsonNode call(String json) {
        sendText(json);
        return receive();
    }

    @Override
    public void close() {
        socket.close();
    }
}
