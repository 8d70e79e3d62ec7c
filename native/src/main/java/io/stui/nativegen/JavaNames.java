package io.stui.nativegen;

import javax.lang.model.SourceVersion;

/**
 * Maps C identifiers to legal Java identifiers the way jextract does: a name that is a Java keyword
 * (including {@code _}, reserved since Java 9), a restricted identifier ({@code var}, {@code yield},
 * {@code record}, {@code sealed}, {@code permits}) or a type name the generated code uses unqualified
 * gets a trailing underscore. So {@code zmq_msg_t}'s field {@code _} becomes {@code __}.
 */
public final class JavaNames {

    private JavaNames() {}

    /** The Java name for a C identifier. */
    public static String safe(String name) {
        if (!SourceVersion.isIdentifier(name) && !"_".equals(name)) {
            throw new IllegalArgumentException("not a C identifier: '" + name + "'");
        }
        boolean clash = "_".equals(name) || SourceVersion.isKeyword(name) || isRestricted(name) || isUsedType(name);
        return clash ? name + "_" : name;
    }

    /** The Java name of a parameter; unnamed C parameters become {@code x0}, {@code x1}... by position. */
    public static String parameter(String name, int index) {
        return name.isEmpty() ? "x" + index : safe(name);
    }

    private static boolean isRestricted(String name) {
        return switch (name) {
            case "var", "yield", "record", "sealed", "permits" -> true;
            default -> false;
        };
    }

    private static boolean isUsedType(String name) {
        return switch (name) {
            case "String",
                    "Struct",
                    "MethodHandle",
                    "VarHandle",
                    "ByteOrder",
                    "FunctionDescriptor",
                    "LibraryLookup",
                    "MemoryLayout",
                    "Arena",
                    "NativeArena",
                    "MemorySegment",
                    "ValueLayout" -> true;
            default -> false;
        };
    }
}
