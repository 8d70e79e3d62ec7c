package io.stui.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one shared, immutable Jackson configuration of the protocol: snake_case property names for
 * records, {@link Instant} as ISO-8601 UTC text, bounded nesting.
 * Thread-safe; reuse {@link #MAPPER} rather than creating mappers.
 */
public final class ProtocolJson {
    /** Deepest JSON nesting accepted in a request (state_data included). */
    public static final int MAX_NESTING_DEPTH = 64;

    /** The shared mapper. Do not reconfigure it. */
    public static final ObjectMapper MAPPER = build();

    private ProtocolJson() {
    }

    /** The shared mapper's factory, for streaming parsers and generators. */
    public static JsonFactory factory() {
        return MAPPER.getFactory();
    }

    private static ObjectMapper build() {
        // Duplicate keys are checked by the request decoder for the fields it reads (Jackson's own
        // detection costs a hash set per object on every request).
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        SimpleModule time = new SimpleModule("stui-time");
        time.addSerializer(Instant.class, new InstantSerializer());
        time.addDeserializer(Instant.class, new InstantDeserializer());
        return JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
                .addModule(time)
                .build();
    }

    /** Writes an Instant as ISO-8601 UTC text, e.g. {@code 2025-08-30T10:30:00Z}. */
    private static final class InstantSerializer extends StdScalarSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Timestamps.format(value));
        }
    }

    /** Reads ISO-8601 text (with {@code Z} or an offset) as an Instant. */
    private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }
}
