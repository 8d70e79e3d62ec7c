package io.stui.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Builds requests in both encodings and reads answers the same way whatever the encoding. */
final class Requests {
    private Requests() {}

    /** A command-encoding request. */
    static String command(String id, String command, ObjectNode params) {
        ObjectNode n = Wire.JSON.createObjectNode();
        n.put("id", id);
        n.put("command", command);
        n.set("parameters", params == null ? Wire.JSON.createObjectNode() : params);
        return n.toString();
    }

    /** An envelope-encoding request. */
    static String envelope(String id, String requestType, ObjectNode params) {
        ObjectNode n = Wire.JSON.createObjectNode();
        n.put("id", id);
        n.put("version", "1.0.0");
        n.put("timestamp", "2025-01-20T10:30:00Z");
        ObjectNode payload = n.putObject("payload");
        payload.put("type", "Request");
        ObjectNode data = payload.putObject("data");
        data.put("request_type", requestType);
        data.set("params", params == null ? Wire.JSON.createObjectNode() : params);
        return n.toString();
    }

    /** A request in either encoding. */
    static String frame(boolean envelope, String id, io.stui.protocol.Command c, ObjectNode params) {
        return envelope ? envelope(id, c.pascalName(), params) : command(id, c.snakeName(), params);
    }

    static ObjectNode params(Object... kv) {
        ObjectNode p = Wire.JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            p.set((String) kv[i], Wire.JSON.valueToTree(kv[i + 1]));
        }
        return p;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** True for a success answer in either encoding. */
    static boolean isSuccess(JsonNode a) {
        if (a.has("status")) {
            return "success".equals(a.path("status").asText());
        }
        return !"Error"
                .equals(a.path("payload").path("data").path("response_type").asText());
    }

    /** The result object of a success answer in either encoding. */
    static JsonNode result(JsonNode a) {
        if (!isSuccess(a)) {
            throw new AssertionError("expected success, got " + a);
        }
        return a.has("status")
                ? a.path("result")
                : a.path("payload").path("data").path("data");
    }

    /** The error code of an error answer in either encoding. */
    static String errorCode(JsonNode a) {
        if (isSuccess(a)) {
            throw new AssertionError("expected an error, got " + a);
        }
        return a.has("status")
                ? a.path("error_type").asText()
                : a.path("payload").path("data").path("data").path("code").asText();
    }

    /** The error message of an error answer in either encoding. */
    static String errorMessage(JsonNode a) {
        return a.has("status")
                ? a.path("error").asText()
                : a.path("payload").path("data").path("data").path("message").asText();
    }

    /** The id an answer echoes: {@code id} (command) or {@code correlation_id} (envelope). */
    static String echoedId(JsonNode a) {
        return a.has("status")
                ? a.path("id").asText()
                : a.path("correlation_id").asText();
    }
}
