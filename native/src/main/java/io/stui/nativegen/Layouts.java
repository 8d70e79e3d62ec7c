package io.stui.nativegen;

/**
 * The Java spellings jextract uses for a C type: the layout expression built from the header class's
 * {@code C_*} constants, the Java carrier type, and the static type of the layout.
 */
final class Layouts {

    private final String headerClass;

    Layouts(String headerClass) {
        this.headerClass = headerClass;
    }

    /** Layout expression, e.g. {@code zmq_h.C_INT} or {@code MemoryLayout.sequenceLayout(64, zmq_h.C_CHAR)}. */
    String expression(CType type) {
        return switch (type) {
            case CType.Primitive p -> headerClass + "." + p.kind().layoutConstant();
            case CType.Pointer ignored -> headerClass + ".C_POINTER";
            case CType.Array a -> "MemoryLayout.sequenceLayout(" + a.count() + ", " + expression(a.element()) + ")";
            case CType.Struct s -> s.name() + ".layout()";
            case CType.Void ignored -> throw new IllegalArgumentException("void has no layout");
        };
    }

    /** Java type values of this C type are carried as. */
    static String carrier(CType type) {
        return switch (type) {
            case CType.Primitive p -> p.kind().javaType();
            case CType.Pointer ignored -> "MemorySegment";
            case CType.Array ignored -> "MemorySegment";
            case CType.Struct ignored -> "MemorySegment";
            case CType.Void ignored -> "void";
        };
    }

    /** Static type of the layout, e.g. {@code OfInt}, {@code AddressLayout}, {@code SequenceLayout}. */
    static String layoutClass(CType type) {
        return switch (type) {
            case CType.Primitive p -> p.kind().valueLayoutClass();
            case CType.Pointer ignored -> "AddressLayout";
            case CType.Array ignored -> "SequenceLayout";
            case CType.Struct ignored -> "GroupLayout";
            case CType.Void ignored -> throw new IllegalArgumentException("void has no layout");
        };
    }
}
