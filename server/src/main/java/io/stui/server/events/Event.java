package io.stui.server.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * One event for the events socket: its topic (a session id, or {@code image}), its kind, the request it belongs to
 * (or null) and its fields. Encoded on the publisher's thread, never on the thread that raised it.
 *
 * @param topic     the first frame: subscribers filter on it
 * @param kind      {@code transcript}, {@code busy}, {@code idle}, {@code evaluation_started}...
 * @param requestId the id of the request the event belongs to, or null
 * @param fields    the event's {@code result} object (values: strings, numbers, booleans, null)
 * @param at        when it happened, epoch milliseconds
 */
public record Event(String topic, String kind, String requestId, Map<String, Object> fields, long at) {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The second frame: {@code {"event", "topic", "seq", "request_id", "result", "timestamp"}}, UTF-8 JSON. */
    public byte[] toJson(long seq) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("event", kind);
            g.writeStringField("topic", topic);
            g.writeNumberField("seq", seq);
            g.writeStringField("request_id", requestId);
            g.writeObjectFieldStart("result");
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                g.writeFieldName(e.getKey());
                switch (e.getValue()) {
                    case null -> g.writeNull();
                    case Boolean b -> g.writeBoolean(b);
                    case Integer i -> g.writeNumber(i);
                    case Long l -> g.writeNumber(l);
                    default -> g.writeString(e.getValue().toString());
                }
            }
            g.writeEndObject();
            g.writeStringField("timestamp", Instant.ofEpochMilli(at).toString());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The topic frame's bytes. */
    byte[] topicBytes() {
        return topic.getBytes(StandardCharsets.UTF_8);
    }
}
