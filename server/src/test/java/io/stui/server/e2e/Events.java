package io.stui.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.zmq.ZMessage;
import io.stui.zmq.ZSocket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reading the events socket in tests: the next event's JSON body, or every event up to one kind. */
final class Events {
    private Events() {}

    /** The next event's body; fails when none comes within the subscriber's receive time-out. */
    static JsonNode next(ZSocket sub) {
        ZMessage m = sub.receiveMessage()
                .orElseThrow(() -> new AssertionError("no event within the subscriber's receive time-out"));
        try {
            return Wire.JSON.readTree(m.frames().getLast());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Events until (and with) the first of {@code kind}. */
    static List<JsonNode> until(ZSocket sub, String kind) {
        List<JsonNode> seen = new ArrayList<>();
        JsonNode e;
        do {
            e = next(sub);
            seen.add(e);
        } while (!e.path("event").asText().equals(kind));
        return seen;
    }
}
