package io.stui.protocol.request;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What {@code system_info} reports. Wire names are PascalCase; lookup ignores case. */
public enum InfoType {
    BASIC("Basic"),
    MEMORY("Memory"),
    PACKAGES("Packages"),
    ENVIRONMENT("Environment"),
    ALL("All");

    private final String wireName;

    InfoType(String wireName) {
        this.wireName = wireName;
    }

    /** The PascalCase name sent on the wire. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The info type with this name, ignoring case ({@code "Memory"}, {@code "memory"}). */
    public static Optional<InfoType> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.toUpperCase(Locale.ROOT);
        for (InfoType t : values()) {
            if (t.name().equals(upper)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
