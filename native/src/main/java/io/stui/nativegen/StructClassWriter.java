package io.stui.nativegen;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes one class per struct in jextract's shape: {@code layout()}, per field {@code $layout()},
 * {@code $offset()}, getter and setter (array fields also get {@code $dimensions()} and indexed
 * accessors), then {@code asSlice}, {@code sizeof}, {@code allocate}, {@code allocateArray} and
 * {@code reinterpret}. Field names that are not legal Java get jextract's trailing underscore
 * ({@code _} becomes {@code __}); the layout keeps the C name.
 */
final class StructClassWriter {

    private final GeneratorConfig config;
    private final String version;
    private final Layouts layouts;
    private final StructLayouter layouter;

    StructClassWriter(GeneratorConfig config, String version, StructLayouter layouter) {
        this.config = config;
        this.version = version;
        this.layouts = new Layouts(config.headerClassName());
        this.layouter = layouter;
    }

    String write(HeaderModel.Struct struct) {
        String cls = JavaNames.safe(struct.name());
        StructLayouter.Layout layout = layouter.layout(struct);
        SourceBuilder out = new SourceBuilder(config, version);
        out.cSnippet("", "", CSignatures.struct(struct));
        out.openClass("public", cls);
        List<String> members = new ArrayList<>();
        for (StructLayouter.Member member : layout.members()) {
            members.add(
                    switch (member) {
                        case StructLayouter.Padding p -> "MemoryLayout.paddingLayout(" + p.bytes() + ")";
                        case StructLayouter.FieldSlot f ->
                            layouts.expression(f.field().type())
                                    + (f.overAligned() ? ".withByteAlignment(" + f.alignment() + ")" : "")
                                    + ".withName(\"" + f.field().name() + "\")";
                    });
        }
        out.line("    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(");
        for (int i = 0; i < members.size(); i++) {
            out.line("        " + members.get(i) + (i + 1 < members.size() ? "," : ""));
        }
        out.line("    ).withName(\"" + struct.name() + "\");");
        out.blank();
        out.javadoc("    ", "The layout of this struct");
        out.line("    public static final GroupLayout layout() {");
        out.line("        return $LAYOUT;");
        out.line("    }");
        for (StructLayouter.Member member : layout.members()) {
            if (member instanceof StructLayouter.FieldSlot slot) {
                field(out, slot);
            }
        }
        trailer(out);
        out.line("}");
        return out.toString();
    }

    private void field(SourceBuilder out, StructLayouter.FieldSlot slot) {
        HeaderModel.Field field = slot.field();
        String cName = field.name();
        String name = JavaNames.safe(cName);
        String decl = CSignatures.fieldDeclarator(field.spelling(), cName);
        String layoutClass = Layouts.layoutClass(field.type());
        out.blank();
        out.line("    private static final " + layoutClass + " " + name + "$LAYOUT = (" + layoutClass
                + ")$LAYOUT.select(groupElement(\"" + cName + "\"));");
        out.blank();
        out.cSnippet("    ", "Layout for field:", decl);
        out.line("    public static final " + layoutClass + " " + name + "$layout() {");
        out.line("        return " + name + "$LAYOUT;");
        out.line("    }");
        out.blank();
        out.line("    private static final long " + name + "$OFFSET = " + slot.offset() + ";");
        out.blank();
        out.cSnippet("    ", "Offset for field:", decl);
        out.line("    public static final long " + name + "$offset() {");
        out.line("        return " + name + "$OFFSET;");
        out.line("    }");
        switch (field.type()) {
            case CType.Primitive ignored -> valueAccessors(out, name, decl, Layouts.carrier(field.type()));
            case CType.Pointer ignored -> valueAccessors(out, name, decl, "MemorySegment");
            case CType.Array array -> {
                segmentAccessors(out, name, decl);
                arrayAccessors(out, cName, name, decl, array);
            }
            case CType.Struct ignored -> segmentAccessors(out, name, decl);
            case CType.Void ignored -> throw new IllegalArgumentException("void field " + cName);
        }
    }

    private static void valueAccessors(SourceBuilder out, String name, String decl, String carrier) {
        out.blank();
        out.cSnippet("    ", "Getter for field:", decl);
        out.line("    public static " + carrier + " " + name + "(MemorySegment struct) {");
        out.line("        return struct.get(" + name + "$LAYOUT, " + name + "$OFFSET);");
        out.line("    }");
        out.blank();
        out.cSnippet("    ", "Setter for field:", decl);
        out.line("    public static void " + name + "(MemorySegment struct, " + carrier + " fieldValue) {");
        out.line("        struct.set(" + name + "$LAYOUT, " + name + "$OFFSET, fieldValue);");
        out.line("    }");
    }

    private static void segmentAccessors(SourceBuilder out, String name, String decl) {
        out.blank();
        out.cSnippet("    ", "Getter for field:", decl);
        out.line("    public static MemorySegment " + name + "(MemorySegment struct) {");
        out.line("        return struct.asSlice(" + name + "$OFFSET, " + name + "$LAYOUT.byteSize());");
        out.line("    }");
        out.blank();
        out.cSnippet("    ", "Setter for field:", decl);
        out.line("    public static void " + name + "(MemorySegment struct, MemorySegment fieldValue) {");
        out.line("        MemorySegment.copy(fieldValue, 0L, struct, " + name + "$OFFSET, " + name
                + "$LAYOUT.byteSize());");
        out.line("    }");
    }

    private static void arrayAccessors(SourceBuilder out, String cName, String name, String decl, CType.Array array) {
        List<Long> dims = new ArrayList<>();
        CType element = array;
        while (element instanceof CType.Array a) {
            dims.add(a.count());
            element = a.element();
        }
        if (!(element instanceof CType.Primitive) && !(element instanceof CType.Pointer)) {
            return; // arrays of structs keep the segment accessors only
        }
        String carrier = Layouts.carrier(element);
        List<String> dimText = dims.stream().map(String::valueOf).toList();
        out.blank();
        out.line("    private static long[] " + name + "$DIMS = { " + String.join(", ", dimText) + " };");
        out.blank();
        out.cSnippet("    ", "Dimensions for array field:", decl);
        out.line("    public static long[] " + name + "$dimensions() {");
        out.line("        return " + name + "$DIMS;");
        out.line("    }");
        // The handle walks from the struct, so its base offset coordinate is the struct's (0), not the field's.
        List<String> path = new ArrayList<>(List.of("groupElement(\"" + cName + "\")"));
        List<String> indexParams = new ArrayList<>();
        List<String> indexArgs = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            path.add("sequenceElement()");
            indexParams.add("long index" + i);
            indexArgs.add("index" + i);
        }
        out.line("    private static final VarHandle " + name + "$ELEM_HANDLE = $LAYOUT.varHandle("
                + String.join(", ", path) + ");");
        out.blank();
        out.cSnippet("    ", "Indexed getter for field:", decl);
        out.line("    public static " + carrier + " " + name + "(MemorySegment struct, "
                + String.join(", ", indexParams) + ") {");
        out.line("        return (" + carrier + ")" + name + "$ELEM_HANDLE.get(struct, 0L, "
                + String.join(", ", indexArgs) + ");");
        out.line("    }");
        out.blank();
        out.cSnippet("    ", "Indexed setter for field:", decl);
        out.line("    public static void " + name + "(MemorySegment struct, " + String.join(", ", indexParams) + ", "
                + carrier + " fieldValue) {");
        out.line("        " + name + "$ELEM_HANDLE.set(struct, 0L, " + String.join(", ", indexArgs) + ", fieldValue);");
        out.line("    }");
    }

    private static void trailer(SourceBuilder out) {
        out.blank();
        out.javadoc(
                "    ",
                "Obtains a slice of {@code arrayParam} which selects the array element at {@code index}.",
                "The returned segment has address {@code arrayParam.address() + index * layout().byteSize()}");
        out.line("    public static MemorySegment asSlice(MemorySegment array, long index) {");
        out.line("        return array.asSlice(layout().byteSize() * index);");
        out.line("    }");
        out.blank();
        out.javadoc("    ", "The size (in bytes) of this struct");
        out.line("    public static long sizeof() { return layout().byteSize(); }");
        out.blank();
        out.javadoc("    ", "Allocate a segment of size {@code layout().byteSize()} using {@code allocator}");
        out.line("    public static MemorySegment allocate(SegmentAllocator allocator) {");
        out.line("        return allocator.allocate(layout());");
        out.line("    }");
        out.blank();
        out.javadoc(
                "    ",
                "Allocate an array of size {@code elementCount} using {@code allocator}.",
                "The returned segment has size {@code elementCount * layout().byteSize()}.");
        out.line("    public static MemorySegment allocateArray(long elementCount, SegmentAllocator allocator) {");
        out.line("        return allocator.allocate(MemoryLayout.sequenceLayout(elementCount, layout()));");
        out.line("    }");
        out.blank();
        out.javadoc(
                "    ",
                "Reinterprets {@code addr} using target {@code arena} and {@code cleanupAction} (if any).",
                "The returned segment has size {@code layout().byteSize()}");
        out.line(
                "    public static MemorySegment reinterpret(MemorySegment addr, Arena arena, Consumer<MemorySegment> cleanup) {");
        out.line("        return reinterpret(addr, 1, arena, cleanup);");
        out.line("    }");
        out.blank();
        out.javadoc(
                "    ",
                "Reinterprets {@code addr} using target {@code arena} and {@code cleanupAction} (if any).",
                "The returned segment has size {@code elementCount * layout().byteSize()}");
        out.line(
                "    public static MemorySegment reinterpret(MemorySegment addr, long elementCount, Arena arena, Consumer<MemorySegment> cleanup) {");
        out.line("        return addr.reinterpret(layout().byteSize() * elementCount, arena, cleanup);");
        out.line("    }");
    }
}
