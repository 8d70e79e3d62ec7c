package io.stui.nativegen;

/**
 * An integer constant as C evaluates it: the value and its C type, which decides the Java type
 * ({@code int} for {@code int}/{@code unsigned int}, {@code long} for the {@code long} types, as jextract).
 *
 * @param value the value; for unsigned types the bit pattern, normalised to the type's width
 * @param type  the C type of the expression
 */
public record IntegerConstant(long value, Type type) {

    /** The C integer types a constant expression can have on LP64 ({@code long long} folds into {@code long}). */
    public enum Type {
        INT(false, false),
        UINT(false, true),
        LONG(true, false),
        ULONG(true, true);

        private final boolean wide;
        private final boolean unsigned;

        Type(boolean wide, boolean unsigned) {
            this.wide = wide;
            this.unsigned = unsigned;
        }

        /** 64 bits. */
        public boolean wide() {
            return wide;
        }

        /** Unsigned. */
        public boolean unsigned() {
            return unsigned;
        }

        /** The type of a binary arithmetic result (C's usual arithmetic conversions, LP64). */
        static Type common(Type a, Type b) {
            if (a.wide || b.wide) {
                return (a == ULONG || b == ULONG) ? ULONG : LONG;
            }
            return (a == UINT || b == UINT) ? UINT : INT;
        }
    }

    /** Builds a constant, truncating the value to the width of the type. */
    public static IntegerConstant of(long value, Type type) {
        long normalised = switch (type) {
            case INT -> (int) value;
            case UINT -> value & 0xFFFF_FFFFL;
            case LONG, ULONG -> value;
        };
        return new IntegerConstant(normalised, type);
    }

    /** The Java type of the getter jextract would generate. */
    public String javaType() {
        return type.wide() ? "long" : "int";
    }

    /** Zero test, for conditions. */
    boolean isTrue() {
        return value != 0;
    }
}
