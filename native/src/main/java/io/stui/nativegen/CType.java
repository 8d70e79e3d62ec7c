package io.stui.nativegen;

/**
 * A C type as the generator needs it: enough to choose a memory layout and a Java carrier.
 *
 * <p>The target is LP64 (Linux and macOS on 64-bit hardware), the platform clang was run on:
 * {@code long} and pointers are 8 bytes, as jextract's own output for such a platform assumes.
 */
public sealed interface CType {

    /** {@code void}, only meaningful as a return type. */
    record Void() implements CType {}

    /** A builtin arithmetic type; signedness does not matter to a layout. */
    record Primitive(Kind kind) implements CType {}

    /** Any data or function pointer; {@code pointee} is the C spelling of what it points to, for documentation. */
    record Pointer(String pointee) implements CType {}

    /** A fixed-size array, as found in struct fields. */
    record Array(CType element, long count) implements CType {}

    /** A struct passed or embedded by value, resolved by name against the header's structs. */
    record Struct(String name) implements CType {}

    /** The builtin types, each with the jextract layout constant and Java carrier it maps to. */
    enum Kind {
        BOOL("C_BOOL", "boolean", "OfBoolean", 1),
        CHAR("C_CHAR", "byte", "OfByte", 1),
        SHORT("C_SHORT", "short", "OfShort", 2),
        INT("C_INT", "int", "OfInt", 4),
        LONG("C_LONG", "long", "OfLong", 8),
        LONG_LONG("C_LONG_LONG", "long", "OfLong", 8),
        FLOAT("C_FLOAT", "float", "OfFloat", 4),
        DOUBLE("C_DOUBLE", "double", "OfDouble", 8);

        private final String layoutConstant;
        private final String javaType;
        private final String valueLayoutClass;
        private final int size;

        Kind(String layoutConstant, String javaType, String valueLayoutClass, int size) {
            this.layoutConstant = layoutConstant;
            this.javaType = javaType;
            this.valueLayoutClass = valueLayoutClass;
            this.size = size;
        }

        /** Name of the {@code C_*} constant in the header class. */
        public String layoutConstant() {
            return layoutConstant;
        }

        /** Java carrier type of the layout. */
        public String javaType() {
            return javaType;
        }

        /** Simple name of the {@code ValueLayout} subtype, e.g. {@code OfInt}. */
        public String valueLayoutClass() {
            return valueLayoutClass;
        }

        /** Size in bytes; on LP64 every builtin is naturally aligned to its size. */
        public int size() {
            return size;
        }
    }

    /** Size in bytes of a pointer on the target. */
    int POINTER_SIZE = 8;
}
