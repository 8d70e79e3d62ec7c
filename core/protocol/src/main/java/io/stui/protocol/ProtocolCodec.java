package io.stui.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.SerializedString;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The server side of the wire format: decodes a request frame once into a typed {@link Request}
 * (detecting its encoding), and encodes results and errors in the request's encoding. Knows
 * nothing of sockets. Stateless and thread-safe; one instance ({@link #INSTANCE}) serves all threads.
 *
 * <p>A frame streams through Jackson over the top-level object, building trees only for the values
 * of the parameters object. A frame that is not a valid request never throws: it
 * decodes to {@link Decoded.Failed} carrying what could be recovered (id, encoding, command).
 */
public final class ProtocolCodec {
    /** The protocol version this codec speaks in the envelope encoding. */
    public static final String VERSION = "1.0.0";
    /** The major version requests must carry. */
    public static final int MAJOR_VERSION = 1;

    /** The shared instance. */
    public static final ProtocolCodec INSTANCE = new ProtocolCodec();

    // Member names of the answers written field by field, encoded once: the generator copies their bytes
    // instead of encoding and escape-checking the text of each name in every answer.
    static final SerializableString ID = new SerializedString("id");
    private static final SerializableString CORRELATION_ID = new SerializedString("correlation_id");
    private static final SerializableString STATUS = new SerializedString("status");
    private static final SerializableString SUCCESS = new SerializedString("success");
    private static final SerializableString RESULT = new SerializedString("result");
    private static final SerializableString TIMESTAMP = new SerializedString("timestamp");

    private final JsonFactory factory = ProtocolJson.factory();

    /** Decodes a whole frame. */
    public Decoded decode(byte[] frame) {
        return decode(frame, 0, frame.length);
    }

    /** Decodes {@code len} bytes of {@code buf} starting at {@code off}. Never throws for bad input. */
    public Decoded decode(byte[] buf, int off, int len) {
        if (len == 0) {
            return fail(RequestMeta.UNKNOWN, null, "Empty request frame; send one JSON object per message.");
        }
        int bad = Utf8.firstInvalid(buf, off, len);
        if (bad >= 0) {
            return fail(
                    recover(buf, off, bad),
                    null,
                    "Request is not valid UTF-8 (invalid byte 0x" + Integer.toHexString(buf[off + bad] & 0xFF)
                            + " at offset " + bad + ").");
        }
        for (int i = 0; i < Math.min(4, len); i++) {
            if (buf[off + i] == 0) { // would make Jackson guess UTF-16/32
                return fail(RequestMeta.UNKNOWN, null, "Request is not JSON text (NUL byte at offset " + i + ").");
            }
        }
        Decoded reused = decodeWithThreadParser(buf, off, len);
        return reused != null ? reused : decodeWithFreshParser(buf, off, len);
    }

    /** Reads a (valid UTF-8, NUL-free) frame with a parser of its own: every frame's answer, the malformed ones' exact errors. */
    Decoded decodeWithFreshParser(byte[] buf, int off, int len) {
        Frame f = new Frame();
        try (JsonParser p = factory.createParser(buf, off, len)) {
            readFrame(p, f);
        } catch (StreamConstraintsException e) {
            if (e.getMessage().startsWith("Number value length")) { // Jackson's number bound: say ours, never echo
                return fail(f.meta(), null, NumberBound.MESSAGE);
            }
            return fail(f.meta(), null, "Request is not valid JSON: " + describe(e));
        } catch (JsonProcessingException e) {
            return fail(f.meta(), null, "Request is not valid JSON: " + describe(e));
        } catch (IOException e) {
            return fail(f.meta(), null, "Request could not be read: " + e.getMessage());
        } catch (StuiException e) {
            return new Decoded.Failed(f.meta(), e);
        }
        return interpret(f);
    }

    /**
     * Reads a frame with this thread's kept parser ({@link FrameParser}); null when the frame is not one
     * whole object (or reading it threw), so that the fresh parser of {@link #decode} reads it again and
     * reports exactly what is wrong. A frame that parses whole gives the same fields either way.
     */
    private Decoded decodeWithThreadParser(byte[] buf, int off, int len) {
        FrameParser reader = FrameParser.forThisThread(factory);
        Frame f = new Frame();
        try {
            JsonParser p = reader.feed(buf, off, len);
            if (p.nextToken() == JsonToken.START_OBJECT) {
                readMembers(p, f);
                if (reader.endedCleanly(buf, off, len)) {
                    return interpret(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a malformed frame, or one the decoder rejects (a duplicate key): the fresh parser says which
        }
        reader.drop();
        return null;
    }

    /** What the valid first {@code len} bytes of a rejected frame tell: its id and encoding, if they came first. */
    private RequestMeta recover(byte[] buf, int off, int len) {
        Frame f = new Frame();
        if (len > 0 && buf[off] != 0) {
            try (JsonParser p = factory.createParser(buf, off, len)) {
                readFrame(p, f);
            } catch (IOException | StuiException e) {
                // Expected: the prefix ends mid-document. Whatever was read before is kept.
            }
        }
        return f.meta();
    }

    /** Top-level fields of either encoding, collected in one streaming pass. */
    static final class Frame {
        /** Bits of the fields already read, to reject duplicates of the fields the decoder uses. */
        int seen;

        Object id;
        StuiException idError;
        boolean sawCommand;
        String command;
        boolean commandWrongType;
        Params parameters;
        boolean parametersWrongType;
        boolean sawVersion;
        String version;
        boolean sawPayload;
        boolean payloadWrongType;
        String payloadType;
        boolean sawData;
        boolean dataWrongType;
        String requestType;
        boolean requestTypeWrongType;
        Params params;
        boolean paramsWrongType;
        String authToken;
        boolean authTokenWrongType;

        Encoding encoding() {
            return sawPayload || (!sawCommand && sawVersion) ? Encoding.ENVELOPE : Encoding.COMMAND;
        }

        RequestMeta meta() {
            return new RequestMeta(encoding(), id, null);
        }
    }

    private void readFrame(JsonParser p, Frame f) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new StuiException(
                    ErrorCode.INVALID_REQUEST, "Request is empty (only whitespace); send one JSON object.");
        }
        if (t != JsonToken.START_OBJECT) {
            throw new StuiException(
                    ErrorCode.INVALID_REQUEST, "Request must be a JSON object, got " + tokenName(t) + ".");
        }
        readMembers(p, f);
        if (p.nextToken() != null) {
            throw new StuiException(
                    ErrorCode.INVALID_REQUEST, "Request has data after the JSON object; send exactly one object.");
        }
    }

    /**
     * Reads the members of the top-level object whose START_OBJECT is the current token. Stops on its
     * END_OBJECT, or, on a non-blocking parser whose input ran out, on NOT_AVAILABLE.
     */
    private void readMembers(JsonParser p, Frame f) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> {
                    once(f, 1, "id");
                    readId(p, t, f);
                }
                case "command" -> {
                    once(f, 2, "command");
                    f.sawCommand = true;
                    f.commandWrongType = wrongType(t, JsonToken.VALUE_STRING);
                    f.command = stringOrSkip(p, t);
                }
                case "parameters" -> {
                    once(f, 4, "parameters");
                    f.parametersWrongType = wrongType(t, JsonToken.START_OBJECT);
                    f.parameters = paramsOrSkip(p, t);
                }
                case "version" -> {
                    once(f, 8, "version");
                    f.sawVersion = true;
                    f.version = stringOrSkip(p, t);
                }
                case "payload" -> {
                    once(f, 16, "payload");
                    f.sawPayload = true;
                    if (t == JsonToken.START_OBJECT) {
                        readPayload(p, f);
                    } else {
                        f.payloadWrongType = true;
                        NumberBound.skip(p);
                    }
                }
                case "auth_token" -> {
                    once(f, 512, "auth_token");
                    f.authTokenWrongType = wrongType(t, JsonToken.VALUE_STRING);
                    f.authToken = stringOrSkip(p, t);
                }
                default -> NumberBound.skip(p);
            }
        }
    }

    /** Rejects a second occurrence of a field the decoder reads (JSON leaves duplicates undefined). */
    private static void once(Frame f, int bit, String field) {
        if ((f.seen & bit) != 0) {
            throw StuiException.invalidField(
                    field, "Duplicate key '" + StuiException.shown(field) + "' in the request.");
        }
        f.seen |= bit;
    }

    /** The string value at {@code t}, or null (skipping the value) for any other type. */
    private static String stringOrSkip(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        NumberBound.skip(p);
        return null;
    }

    /** The parameters object at {@code t}, or null (skipping the value) for any other type. */
    private static Params paramsOrSkip(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            return Params.read(p);
        }
        NumberBound.skip(p);
        return null;
    }

    /** Whether a value of type {@code t} is neither the wanted type nor null (null reads as absent). */
    private static boolean wrongType(JsonToken t, JsonToken wanted) {
        return t != wanted && t != JsonToken.VALUE_NULL;
    }

    private static void readId(JsonParser p, JsonToken t, Frame f) throws IOException {
        switch (t) {
            case VALUE_STRING -> f.id = p.getText();
            case VALUE_NUMBER_INT -> {
                NumberBound.check(p, t);
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    f.idError = StuiException.invalidField(
                            "id", "Field 'id' must be a string or a 64-bit integer, got a larger integer.");
                } else {
                    f.id = p.getLongValue();
                }
            }
            case VALUE_NULL -> f.id = null;
            default -> {
                f.idError = StuiException.invalidField(
                        "id", "Field 'id' must be a string or an integer, got " + tokenName(t) + ".");
                NumberBound.skip(p);
            }
        }
    }

    private static void readPayload(JsonParser p, Frame f) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "type" -> {
                    once(f, 32, "payload.type");
                    f.payloadType = stringOrSkip(p, t);
                }
                case "data" -> {
                    once(f, 64, "payload.data");
                    f.sawData = true;
                    if (t == JsonToken.START_OBJECT) {
                        readData(p, f);
                    } else {
                        f.dataWrongType = true;
                        NumberBound.skip(p);
                    }
                }
                default -> NumberBound.skip(p);
            }
        }
    }

    private static void readData(JsonParser p, Frame f) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "request_type" -> {
                    once(f, 128, "request_type");
                    f.requestTypeWrongType = wrongType(t, JsonToken.VALUE_STRING);
                    f.requestType = stringOrSkip(p, t);
                }
                case "params" -> {
                    once(f, 256, "params");
                    f.paramsWrongType = wrongType(t, JsonToken.START_OBJECT);
                    f.params = paramsOrSkip(p, t);
                }
                default -> NumberBound.skip(p);
            }
        }
    }

    private static Decoded interpret(Frame f) {
        RequestMeta meta = f.meta();
        if (f.idError != null) {
            return new Decoded.Failed(meta, f.idError);
        }
        if (!f.sawCommand && !f.sawPayload && !f.sawVersion) {
            return fail(
                    meta,
                    "command",
                    "Request names no command: give 'command' (command encoding) or "
                            + "'payload' (envelope encoding).");
        }
        String name;
        Params params;
        Encoding encoding = meta.encoding();
        if (encoding == Encoding.COMMAND) {
            if (f.command == null) {
                return fail(
                        meta,
                        "command",
                        f.commandWrongType ? "Field 'command' must be a string." : "Missing required field 'command'.");
            }
            if (f.parametersWrongType) {
                return fail(meta, "parameters", "Field 'parameters' must be a JSON object.");
            }
            name = f.command;
            params = f.parameters;
        } else {
            Decoded versionError = checkVersion(meta, f);
            if (versionError != null) {
                return versionError;
            }
            if (!f.sawPayload) {
                return fail(meta, "payload", "Missing required field 'payload'.");
            }
            if (f.payloadWrongType) {
                return fail(meta, "payload", "Field 'payload' must be a JSON object.");
            }
            if (!"Request".equals(f.payloadType)) {
                return fail(meta, "payload.type", "Field 'payload.type' must be \"Request\".");
            }
            if (!f.sawData || f.dataWrongType) {
                return fail(meta, "payload.data", "Field 'payload.data' must be a JSON object.");
            }
            if (f.requestType == null) {
                return fail(
                        meta,
                        "request_type",
                        f.requestTypeWrongType
                                ? "Field 'request_type' must be a string."
                                : "Missing required field 'request_type'.");
            }
            if (f.paramsWrongType) {
                return fail(meta, "params", "Field 'params' must be a JSON object.");
            }
            name = f.requestType;
            params = f.params;
        }
        if (f.authTokenWrongType) {
            return fail(meta, "auth_token", "Field 'auth_token' must be a string.");
        }
        Command command = Command.fromName(name).orElse(null);
        if (command == null) {
            return fail(
                    meta,
                    encoding == Encoding.COMMAND ? "command" : "request_type",
                    "Unknown " + (encoding == Encoding.COMMAND ? "command" : "request_type") + " '"
                            + StuiException.shown(name) + "'; known commands: " + knownCommands(encoding) + ".");
        }
        RequestMeta full = new RequestMeta(encoding, f.id, command);
        try {
            return new Decoded.Ok(full, RequestReader.read(command, encoding, params), f.authToken);
        } catch (StuiException e) {
            return new Decoded.Failed(full, e);
        }
    }

    private static Decoded checkVersion(RequestMeta meta, Frame f) {
        if (f.version == null) {
            return fail(
                    meta,
                    "version",
                    f.sawVersion
                            ? "Field 'version' must be a string such as \"1.0.0\"."
                            : "Missing required field 'version' (the server speaks " + VERSION + ").");
        }
        int dot = f.version.indexOf('.');
        String major = dot < 0 ? f.version : f.version.substring(0, dot);
        int parsed;
        try {
            parsed = Integer.parseInt(major);
        } catch (NumberFormatException e) {
            return fail(meta, "version", "Field 'version' must look like \"1.0.0\", got \"" + f.version + "\".");
        }
        if (parsed != MAJOR_VERSION) {
            return new Decoded.Failed(
                    meta,
                    new StuiException(
                            ErrorCode.INVALID_REQUEST,
                            "Protocol version " + f.version + " is not supported; this server speaks " + VERSION + ".",
                            details("version", "supported_version", VERSION)));
        }
        return null;
    }

    private static Map<String, Object> details(String field, String key, Object value) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        details.put(key, value);
        return details;
    }

    private static String knownCommands(Encoding encoding) {
        StringJoiner names = new StringJoiner(", ");
        for (Command c : Command.values()) {
            names.add(c.wireName(encoding));
        }
        return names.toString();
    }

    private static Decoded.Failed fail(RequestMeta meta, String field, String message) {
        return new Decoded.Failed(
                meta,
                field == null
                        ? new StuiException(ErrorCode.INVALID_REQUEST, message)
                        : StuiException.invalidField(field, message));
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        return e.getOriginalMessage() + where;
    }

    private static String tokenName(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    // ---------------------------------------------------------------- answers

    /** Encodes a successful result in the request's encoding. */
    public byte[] encodeResult(RequestMeta meta, CommandResult result) {
        return encodeResultLent(meta, result).toByteArray();
    }

    /**
     * Encodes a successful result in the request's encoding, lent from this thread's answer buffer: for
     * a caller that sends it before this thread encodes another answer.
     */
    public EncodedAnswer encodeResultLent(RequestMeta meta, CommandResult result) {
        return encodeSuccessLent(meta, result.command(), result);
    }

    /**
     * Encodes a successful result given as any value Jackson can write (a record, a map, a
     * {@code JsonNode}) for {@code command}, in the request's encoding.
     */
    public byte[] encodeSuccess(RequestMeta meta, Command command, Object result) {
        return encodeSuccessLent(meta, command, result).toByteArray();
    }

    private EncodedAnswer encodeSuccessLent(RequestMeta meta, Command command, Object result) {
        AnswerBuffer out = AnswerBuffer.acquire();
        try {
            writeSuccess(out, meta, command, result);
            return out.lend();
        } finally {
            out.release();
        }
    }

    private void writeSuccess(AnswerBuffer out, RequestMeta meta, Command command, Object result) {
        try {
            JsonGenerator g = out.generator(factory);
            g.writeStartObject();
            if (meta.encoding() == Encoding.COMMAND) {
                writeId(g, ID, meta.id());
                g.writeFieldName(STATUS);
                g.writeString(SUCCESS);
                g.writeFieldName(RESULT);
                ResultWriter.write(g, result);
                writeTimestamp(g, out);
            } else {
                writeEnvelopeHead(g, meta, out);
                g.writeStringField("response_type", command.pascalName());
                g.writeFieldName("data");
                ResultWriter.write(g, result);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
            out.complete();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the result of " + command, e);
        }
    }

    /** Encodes an error answer in the request's encoding. */
    public byte[] encodeError(RequestMeta meta, StuiException error) {
        return encodeErrorLent(meta, error).toByteArray();
    }

    /** Encodes an error answer in the request's encoding, lent as {@link #encodeResultLent} is. */
    public EncodedAnswer encodeErrorLent(RequestMeta meta, StuiException error) {
        AnswerBuffer out = AnswerBuffer.acquire();
        try {
            writeError(out, meta, error);
            return out.lend();
        } finally {
            out.release();
        }
    }

    private void writeError(AnswerBuffer out, RequestMeta meta, StuiException error) {
        try {
            JsonGenerator g = out.generator(factory);
            g.writeStartObject();
            if (meta.encoding() == Encoding.COMMAND) {
                writeId(g, ID, meta.id());
                g.writeStringField("status", "error");
                g.writeStringField("error", error.getMessage());
                g.writeStringField("error_type", error.code().wireName());
                if (!error.details().isEmpty()) {
                    g.writeFieldName("details");
                    ResultWriter.write(g, error.details());
                }
                if (error.stackTraceText() != null) {
                    g.writeStringField("stack_trace", error.stackTraceText());
                }
                writeTimestamp(g, out);
            } else {
                writeEnvelopeHead(g, meta, out);
                g.writeStringField("response_type", "Error");
                g.writeObjectFieldStart("data");
                g.writeStringField("code", error.code().wireName());
                g.writeStringField("message", error.getMessage());
                g.writeFieldName("details");
                if (error.details().isEmpty()) {
                    g.writeNull();
                } else {
                    ResultWriter.write(g, error.details());
                }
                g.writeStringField("stack_trace", error.stackTraceText());
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
            out.complete();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode an error answer", e);
        }
    }

    /** The "timestamp" field, formatted into the buffer's scratch instead of a new String per answer. */
    private static void writeTimestamp(JsonGenerator g, AnswerBuffer out) throws IOException {
        g.writeFieldName(TIMESTAMP);
        g.writeRawUTF8String(out.timestamp, 0, Timestamps.nowInto(out.timestamp)); // ASCII, nothing to escape
    }

    /** Opens {@code payload.data} of an envelope answer, after id, version, timestamp, correlation_id. */
    private static void writeEnvelopeHead(JsonGenerator g, RequestMeta meta, AnswerBuffer out) throws IOException {
        g.writeStringField("id", MessageIds.newUuid());
        g.writeStringField("version", VERSION);
        writeTimestamp(g, out);
        writeId(g, CORRELATION_ID, meta.id());
        g.writeObjectFieldStart("payload");
        g.writeStringField("type", "Response");
        g.writeObjectFieldStart("data");
    }

    static void writeId(JsonGenerator g, SerializableString field, Object id) throws IOException {
        g.writeFieldName(field);
        switch (id) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Long l -> g.writeNumber(l);
            case Integer i -> g.writeNumber(i);
            case BigInteger b -> g.writeNumber(b);
            default -> g.writeString(id.toString());
        }
    }
}
