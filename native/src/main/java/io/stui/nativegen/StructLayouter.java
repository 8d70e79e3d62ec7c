package io.stui.nativegen;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a struct as the System V x86-64 / AArch64 LP64 ABI does: each field at the next offset that
 * is a multiple of its alignment (the larger of its natural alignment and an {@code aligned} attribute),
 * the struct aligned to its most aligned field and its size rounded up to that alignment. Gaps become
 * padding members, as in jextract's layouts.
 */
public final class StructLayouter {

    /** One member of the computed layout: a field at an offset, or padding. */
    public sealed interface Member permits FieldSlot, Padding {}

    /**
     * A field placed at {@code offset}.
     *
     * @param field      the C field
     * @param offset     byte offset in the struct
     * @param alignment  effective alignment in bytes
     * @param overAligned true if an attribute raised the alignment above the type's natural one
     */
    public record FieldSlot(HeaderModel.Field field, long offset, long alignment, boolean overAligned)
            implements Member {}

    /** {@code bytes} of padding. */
    public record Padding(long bytes) implements Member {}

    /** A struct's members with padding, its size and alignment in bytes. */
    public record Layout(List<Member> members, long size, long alignment) {
        /** The placed field of that C name, or throws. */
        public FieldSlot slot(String fieldName) {
            return members.stream()
                    .filter(m -> m instanceof FieldSlot f && f.field().name().equals(fieldName))
                    .map(FieldSlot.class::cast)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no field " + fieldName));
        }
    }

    private final HeaderModel model;

    /** @param model resolves structs embedded by value */
    public StructLayouter(HeaderModel model) {
        this.model = model;
    }

    /** Lays out {@code struct}. */
    public Layout layout(HeaderModel.Struct struct) {
        List<Member> members = new ArrayList<>();
        long offset = 0;
        long structAlign = 1;
        for (HeaderModel.Field field : struct.fields()) {
            long natural = alignment(field.type());
            long align = Math.max(natural, field.alignAttribute());
            long aligned = roundUp(offset, align);
            if (aligned > offset) {
                members.add(new Padding(aligned - offset));
            }
            members.add(new FieldSlot(field, aligned, align, align > natural));
            offset = aligned + size(field.type());
            structAlign = Math.max(structAlign, align);
        }
        long size = roundUp(offset, structAlign);
        if (size > offset) {
            members.add(new Padding(size - offset));
        }
        return new Layout(List.copyOf(members), size, structAlign);
    }

    /** Size in bytes of a type as a struct member. */
    public long size(CType type) {
        return switch (type) {
            case CType.Primitive p -> p.kind().size();
            case CType.Pointer ignored -> CType.POINTER_SIZE;
            case CType.Array a -> a.count() * size(a.element());
            case CType.Struct s -> layout(model.struct(s.name())).size();
            case CType.Void ignored -> throw new IllegalArgumentException("void has no size");
        };
    }

    /** Natural alignment in bytes of a type. */
    public long alignment(CType type) {
        return switch (type) {
            case CType.Primitive p -> p.kind().size();
            case CType.Pointer ignored -> CType.POINTER_SIZE;
            case CType.Array a -> alignment(a.element());
            case CType.Struct s -> layout(model.struct(s.name())).alignment();
            case CType.Void ignored -> throw new IllegalArgumentException("void has no alignment");
        };
    }

    private static long roundUp(long value, long align) {
        return (value + align - 1) / align * align;
    }
}
