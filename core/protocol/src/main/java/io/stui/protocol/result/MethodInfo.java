package io.stui.protocol.result;

import java.util.List;

/**
 * A method as {@code browse_class} and {@code get_method} describe it.
 *
 * @param name          the selector
 * @param source        the full source text
 * @param category      the method category (protocol), or null
 * @param isClassMethod true for a class-side method
 * @param arguments     argument names in order
 * @param comment       the method's first comment, or null
 */
public record MethodInfo(
        String name, String source, String category, boolean isClassMethod, List<String> arguments, String comment) {}
