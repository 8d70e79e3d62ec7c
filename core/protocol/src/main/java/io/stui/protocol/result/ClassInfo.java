package io.stui.protocol.result;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A class as {@code browse_class} and {@code list_classes} describe it.
 *
 * @param name        class name
 * @param superclass  superclass name, or null for a root class
 * @param comment     class comment, or null
 * @param packageName the package (category) it belongs to; {@code package} on the wire
 * @param isSystem    true for kernel classes, false for classes defined in a session
 */
public record ClassInfo(
        String name,
        String superclass,
        String comment,
        @JsonProperty("package") String packageName,
        boolean isSystem) {}
