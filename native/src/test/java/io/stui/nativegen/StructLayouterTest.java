package io.stui.nativegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StructLayouterTest {

    private static HeaderModel.Field field(String name, CType type, long align) {
        return new HeaderModel.Field(name, type, "?", align);
    }

    private static final CType CHAR = new CType.Primitive(CType.Kind.CHAR);
    private static final CType SHORT = new CType.Primitive(CType.Kind.SHORT);
    private static final CType INT = new CType.Primitive(CType.Kind.INT);
    private static final CType PTR = new CType.Pointer("void");

    private static HeaderModel model(HeaderModel.Struct... structs) {
        return new HeaderModel(List.of(), List.of(structs), List.of(), List.of());
    }

    @Test
    void insertsPaddingBeforeFieldsAndAtTheEnd() {
        HeaderModel.Struct s =
                new HeaderModel.Struct("s", List.of(field("c", CHAR, 0), field("i", INT, 0), field("h", SHORT, 0)));
        StructLayouter.Layout layout = new StructLayouter(model(s)).layout(s);
        assertEquals(
                List.of(
                        new StructLayouter.FieldSlot(s.fields().get(0), 0, 1, false),
                        new StructLayouter.Padding(3),
                        new StructLayouter.FieldSlot(s.fields().get(1), 4, 4, false),
                        new StructLayouter.FieldSlot(s.fields().get(2), 8, 2, false),
                        new StructLayouter.Padding(2)),
                layout.members());
        assertEquals(12, layout.size());
        assertEquals(4, layout.alignment());
    }

    @Test
    void pollItemShapeHasNoPadding() {
        HeaderModel.Struct s = new HeaderModel.Struct(
                "zmq_pollitem_t",
                List.of(
                        field("socket", PTR, 0),
                        field("fd", INT, 0),
                        field("events", SHORT, 0),
                        field("revents", SHORT, 0)));
        StructLayouter.Layout layout = new StructLayouter(model(s)).layout(s);
        assertEquals(16, layout.size());
        assertEquals(8, layout.alignment());
        assertEquals(12, layout.slot("events").offset());
        assertEquals(14, layout.slot("revents").offset());
        assertTrue(layout.members().stream().noneMatch(m -> m instanceof StructLayouter.Padding));
    }

    @Test
    void alignedAttributeRaisesTheStructAlignmentLikeZmqMsgT() {
        HeaderModel.Struct s = new HeaderModel.Struct("zmq_msg_t", List.of(field("_", new CType.Array(CHAR, 64), 8)));
        StructLayouter.Layout layout = new StructLayouter(model(s)).layout(s);
        assertEquals(64, layout.size());
        assertEquals(8, layout.alignment());
        assertTrue(layout.slot("_").overAligned());
    }

    @Test
    void anAttributeBelowNaturalAlignmentChangesNothing() {
        HeaderModel.Struct s = new HeaderModel.Struct("s", List.of(field("i", INT, 2)));
        StructLayouter.Layout layout = new StructLayouter(model(s)).layout(s);
        assertEquals(4, layout.alignment());
        assertFalse(layout.slot("i").overAligned());
    }

    @Test
    void embeddedStructsUseTheirOwnLayout() {
        HeaderModel.Struct inner = new HeaderModel.Struct("inner", List.of(field("p", PTR, 0), field("c", CHAR, 0)));
        HeaderModel.Struct outer = new HeaderModel.Struct(
                "outer", List.of(field("c", CHAR, 0), field("in", new CType.Struct("inner"), 0)));
        StructLayouter layouter = new StructLayouter(model(inner, outer));
        assertEquals(16, layouter.layout(inner).size());
        StructLayouter.Layout layout = layouter.layout(outer);
        assertEquals(8, layout.slot("in").offset());
        assertEquals(24, layout.size());
    }
}
