package io.stui.server.e2e;

import static io.stui.server.e2e.Requests.params;
import static io.stui.server.e2e.Requests.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.protocol.Command;
import io.stui.server.StuiServer;
import io.stui.zmq.ZContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The e2e tests' conversation with a server: a REQ client speaking one encoding (command or envelope), the same
 * for every test class that runs one server per front mode. Ids are unique across the run: the same id and
 * parameters from the same client within the retry window are a retry, answered with the first answer. Closing
 * checks that the server still answers after what the test did.
 */
final class Talk implements AutoCloseable {
    final Wire wire;
    final boolean envelope;
    private final String name;
    private int n;

    /** @param name the client id prefix and id prefix of this test class's requests */
    Talk(ZContext ctx, StuiServer server, String name, boolean envelope) {
        this.wire = new Wire(ctx, Wire.Kind.REQ, server.endpoint());
        this.name = name;
        this.envelope = envelope;
    }

    JsonNode send(Command command, ObjectNode params) {
        return wire.call(frame(name + "-" + Requests.newId() + "-" + (++n), command, params));
    }

    /** A request of this conversation's encoding with a chosen id (to interrupt it by that id, say). */
    String frame(String id, Command command, ObjectNode params) {
        return Requests.frame(envelope, id, command, params);
    }

    JsonNode ok(Command command, ObjectNode params) {
        return result(send(command, params));
    }

    /** A new session of this conversation's client. */
    String session() {
        return ok(Command.CREATE_SESSION, params("client_id", name + "-" + (envelope ? "env" : "cmd")))
                .path("session_id")
                .asText();
    }

    /** The error details of an error answer, in either encoding. */
    JsonNode details(JsonNode error) {
        return envelope ? error.at("/payload/data/data") : error;
    }

    @Override
    public void close() {
        ok(Command.PING, null); // the server still answers after what the test did
        wire.close();
    }

    /** The {@code field} of each element of a JSON array, as text. */
    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.path(field).asText()));
        return out;
    }
}
