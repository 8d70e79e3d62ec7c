package io.stui.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import io.stui.protocol.request.DebugOperation;
import io.stui.protocol.request.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client side of the wire format: encodes requests in either encoding and decodes answers.
 * Stateless and thread-safe; use {@link #INSTANCE}.
 */
public final class ClientCodec {
    /** The shared instance. */
    public static final ClientCodec INSTANCE = new ClientCodec();

    /**
     * Encodes a typed request. Parameters take their snake_case names; the session goes in
     * {@code session_id}, except {@code debug} in the envelope, which uses {@code context} and the
     * envelope's operation shape ({@code {"StepInto": null}}).
     *
     * @param id the request id (String, Long or BigInteger); may be null in the command encoding
     */
    public byte[] encode(Encoding encoding, Object id, Request request) {
        return encode(encoding, id, request, null);
    }

    /** As {@link #encode(Encoding, Object, Request)}, with a top-level {@code auth_token} when it is not null. */
    public byte[] encode(Encoding encoding, Object id, Request request, String authToken) {
        Object params = request instanceof Request.Debug d ? debugParams(encoding, d) : request;
        return encode(encoding, id, request.command(), params, authToken);
    }

    /**
     * Encodes a request from any parameters value Jackson can write (a map, a {@code JsonNode},
     * a record) or null for none. This is how to send what typed requests cannot say, such as a
     * malformed request in a test.
     */
    public byte[] encode(Encoding encoding, Object id, Command command, Object params) {
        return encode(encoding, id, command, params, null);
    }

    /**
     * As {@link #encode(Encoding, Object, Command, Object)}, with a top-level {@code auth_token} (the same place in
     * both encodings) when it is not null.
     */
    public byte[] encode(Encoding encoding, Object id, Command command, Object params, String authToken) {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        try (JsonGenerator g = ProtocolJson.factory().createGenerator(out)) {
            g.writeStartObject();
            if (authToken != null) {
                g.writeStringField("auth_token", authToken);
            }
            if (encoding == Encoding.COMMAND) {
                ProtocolCodec.writeId(g, ProtocolCodec.ID, id);
                g.writeStringField("command", command.snakeName());
                g.writeFieldName("parameters");
                writeParams(g, params);
            } else {
                ProtocolCodec.writeId(g, ProtocolCodec.ID, id == null ? MessageIds.newUuid() : id);
                g.writeStringField("version", ProtocolCodec.VERSION);
                g.writeStringField("timestamp", Timestamps.now());
                g.writeObjectFieldStart("payload");
                g.writeStringField("type", "Request");
                g.writeObjectFieldStart("data");
                g.writeStringField("request_type", command.pascalName());
                g.writeFieldName("params");
                writeParams(g, params);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a " + command + " request", e);
        }
        return out.toByteArray();
    }

    /*
     * Parameters that are a JSON tree or a map of plain values are written in plain generator calls, and answers
     * are read into trees from the parser: only typed requests and results need the mapper, whose set-up and
     * serialisers cost a short-lived client (stui eval, stui call) about 40 ms of its start.
     */
    private static void writeParams(JsonGenerator g, Object params) throws IOException {
        if (params == null) {
            g.writeStartObject();
            g.writeEndObject();
        } else if (plain(params)) {
            ResultWriter.write(g, params);
        } else {
            ProtocolJson.mapper().writeValue(g, params);
        }
    }

    /**
     * A value {@link ResultWriter} writes as the mapper does: JSON trees, and maps and lists of plain scalars. Loops,
     * not streams: it runs before every request a client sends, and a stream's first use costs a short-lived client
     * its classes.
     */
    private static boolean plain(Object value) {
        return switch (value) {
            case null -> true;
            case String s -> true;
            case Boolean b -> true;
            case Integer i -> true;
            case Long l -> true;
            case Double d -> true;
            case JsonNode n -> n.isContainerNode() ? allPlain(n) : plainScalar(n);
            case Map<?, ?> m -> {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!(e.getKey() instanceof String) || !plain(e.getValue())) {
                        yield false;
                    }
                }
                yield true;
            }
            case List<?> l -> allPlain(l);
            default -> false;
        };
    }

    private static boolean plainScalar(JsonNode n) {
        return n.isTextual() || n.isBoolean() || n.isNull() || n.isIntegralNumber() || n.isDouble();
    }

    private static boolean allPlain(Iterable<?> items) {
        for (Object item : items) {
            if (!plain(item)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> debugParams(Encoding encoding, Request.Debug debug) {
        DebugOperation op = debug.operation();
        Map<String, Object> params = new LinkedHashMap<>();
        if (encoding == Encoding.ENVELOPE) {
            Map<String, Object> args = null;
            if (op.kind().isBreakpoint()) {
                args = new LinkedHashMap<>();
                args.put("line", op.line());
                args.put("file", op.file());
            }
            Map<String, Object> shaped = new LinkedHashMap<>();
            shaped.put(op.kind().pascalName(), args);
            params.put("operation", shaped);
            params.put("context", debug.sessionId());
        } else {
            params.put("operation", op.kind().snakeName());
            if (op.kind().isBreakpoint()) {
                params.put("line", op.line());
                params.put("file", op.file());
            }
            params.put("session_id", debug.sessionId());
        }
        // the live debugger's parameters (issue #15), the same in both encodings; absent when not set
        putIfSet(params, "debug_id", debug.debugId());
        putIfSet(params, "class_name", debug.className());
        putIfSet(params, "method_name", debug.methodName());
        putIfSet(params, "is_class_method", debug.isClassMethod());
        putIfSet(params, "frame", debug.frame());
        putIfSet(params, "code", debug.code());
        return params;
    }

    private static void putIfSet(Map<String, Object> params, String name, Object value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    /**
     * Decodes an answer in either encoding.
     *
     * @throws StuiException {@code InternalError} if the frame is not a well-formed answer
     */
    public Answer decode(byte[] frame) {
        JsonNode root;
        try {
            root = JsonText.parse(frame);
        } catch (IOException e) {
            throw malformed("it is not valid JSON (" + describe(e) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw malformed("it is not a JSON object", null);
        }
        if (root.has("payload")) {
            return decodeEnvelope(root);
        }
        if (root.has("status")) {
            return decodeCommand(root);
        }
        throw malformed("it has neither 'status' nor 'payload'", null);
    }

    private static Answer decodeCommand(JsonNode root) {
        Object id = scalar(root.get("id"));
        String status = text(root.get("status"));
        String timestamp = text(root.get("timestamp"));
        if ("success".equals(status)) {
            return new Answer(Encoding.COMMAND, id, null, null, timestamp, root.get("result"), null);
        }
        if ("error".equals(status)) {
            StuiException error = error(
                    text(root.get("error_type")),
                    text(root.get("error")),
                    root.get("details"),
                    text(root.get("stack_trace")));
            return new Answer(Encoding.COMMAND, id, null, null, timestamp, null, error);
        }
        throw malformed("its status is '" + status + "', not success or error", null);
    }

    private static Answer decodeEnvelope(JsonNode root) {
        JsonNode payload = root.get("payload");
        JsonNode data = payload.path("data");
        if (!"Response".equals(text(payload.get("type"))) || !data.isObject()) {
            throw malformed("its payload is not a Response with data", null);
        }
        String responseType = text(data.get("response_type"));
        if (responseType == null) {
            throw malformed("it has no response_type", null);
        }
        Object correlation = scalar(root.get("correlation_id"));
        String messageId = text(root.get("id"));
        String timestamp = text(root.get("timestamp"));
        JsonNode inner = data.get("data");
        if ("Error".equals(responseType)) {
            JsonNode e = inner == null ? data : inner;
            StuiException error =
                    error(text(e.get("code")), text(e.get("message")), e.get("details"), text(e.get("stack_trace")));
            return new Answer(Encoding.ENVELOPE, correlation, messageId, responseType, timestamp, null, error);
        }
        return new Answer(Encoding.ENVELOPE, correlation, messageId, responseType, timestamp, inner, null);
    }

    /** An unknown error code becomes InternalError, keeping the server's code in details as {@code error_type}. */
    private static StuiException error(String code, String message, JsonNode details, String stackTrace) {
        ErrorCode errorCode = ErrorCode.fromWireName(code).orElse(null);
        Map<String, Object> detailMap = new LinkedHashMap<>();
        if (details != null && details.isObject()) {
            for (Map.Entry<String, JsonNode> e : details.properties()) {
                JsonNode v = e.getValue();
                detailMap.put(e.getKey(), v.isTextual() ? v.textValue() : v.isNull() ? null : v);
            }
        }
        if (errorCode == null) {
            errorCode = ErrorCode.INTERNAL_ERROR;
            detailMap.put("error_type", code);
        }
        return new StuiException(errorCode, message == null ? "(no message)" : message, detailMap, stackTrace, null);
    }

    private static Object scalar(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        return n.asText();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static StuiException malformed(String why, Throwable cause) {
        return new StuiException(
                ErrorCode.INTERNAL_ERROR, "The server's answer is malformed: " + why + ".", null, null, cause);
    }

    private static String describe(IOException e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }
}
