package io.stui.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
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
 * The protocol's one shared Jackson configuration: a {@link #factory()} for the streaming parsers and
 * generators the codecs use (bounded nesting), and a {@link #mapper()} with snake_case property names
 * for records and {@link Instant} as ISO-8601 UTC text, for clients and tools that bind answers to
 * records. Both thread-safe and immutable; reuse them rather than making others.
 *
 * <p>The mapper is built on first use only: the server encodes with the factory alone
 * ({@link ResultWriter}), and an unused {@code ObjectMapper} would still load its classes.
 */
public final class ProtocolJson {
    /** Deepest JSON nesting accepted in a request (state_data included). */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final JsonFactory FACTORY = newFactory();

    private ProtocolJson() {}

    /** The shared factory, for streaming parsers and generators. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** The shared mapper, built on first use. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    private static JsonFactory newFactory() {
        // Duplicate keys are checked by the request decoder for the fields it reads (Jackson's own
        // detection costs a hash set per object on every request). The codecs close their parsers and
        // generators, never the caller's streams.
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        // enforced by the blocking parsers while they read the token, before any conversion
                        .maxNumberLength(NumberBound.MAX_LENGTH)
                        .build())
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
    }

    /** The mapper and its parts, loaded on first use only (a class's verification loads the types it uses). */
    private static final class MapperHolder {
        static final ObjectMapper MAPPER = buildMapper();

        private static ObjectMapper buildMapper() {
            SimpleModule time = new SimpleModule("stui-time");
            time.addSerializer(Instant.class, new InstantSerializer());
            time.addDeserializer(Instant.class, new InstantDeserializer());
            // its own factory: a mapper makes itself its factory's codec
            return JsonMapper.builder(newFactory())
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
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
}
