package io.stui.protocol.result;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code info} object of {@code system_info}. Fields that do not apply to the requested info
 * type are null and left out; {@code extra} holds type-specific entries (packages, settings, ...)
 * written as further fields of the same object.
 *
 * @param smalltalkVersion the Smalltalk engine's version
 * @param vmVersion        the JVM running it
 * @param platform         operating system and architecture
 * @param memoryUsed       bytes of heap in use
 * @param memoryFree       bytes of heap free
 * @param zmqVersion       the libzmq (or JeroMQ) version
 * @param zmqBackend       {@code native} or {@code jeromq}
 * @param uptime           seconds since start
 * @param sessions         sessions currently open
 * @param extra            further entries, written flat into {@code info} (and read back from unknown
 *                         fields); never process environment or secrets
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SystemInfo(
        String smalltalkVersion,
        String vmVersion,
        String platform,
        Long memoryUsed,
        Long memoryFree,
        String zmqVersion,
        String zmqBackend,
        Long uptime,
        Integer sessions,
        @JsonAnySetter @JsonIgnore Map<String, Object> extra) {

    /** Normalises {@code extra}: never null, unmodifiable, insertion order kept. */
    public SystemInfo {
        extra = extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** Serialises {@code extra} flat into the object. */
    @JsonAnyGetter
    public Map<String, Object> extraFields() {
        return extra;
    }
}
