package io.stui.nativegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CTypeParserTest {

    private final CTypeParser parser =
            new CTypeParser(Map.of("size_t", "unsigned long", "zmq_fd_t", "int", "handle_t", "zmq_fd_t"));

    @Test
    void mapsBuiltinsToJextractLayouts() {
        assertEquals(CType.Kind.CHAR, kind("unsigned char"));
        assertEquals(CType.Kind.SHORT, kind("short"));
        assertEquals(CType.Kind.INT, kind("const unsigned int"));
        assertEquals(CType.Kind.LONG, kind("long"));
        assertEquals(CType.Kind.LONG, kind("size_t"), "size_t is C_LONG, carried as Java long");
        assertEquals(CType.Kind.LONG_LONG, kind("unsigned long long"));
        assertEquals(CType.Kind.DOUBLE, kind("double"));
        assertEquals(CType.Kind.BOOL, kind("_Bool"));
        assertEquals("long", CType.Kind.LONG.javaType());
        assertEquals("C_LONG", CType.Kind.LONG.layoutConstant());
    }

    @Test
    void resolvesTypedefChains() {
        assertEquals(CType.Kind.INT, kind("handle_t"));
    }

    @Test
    void everyPointerIsAPointer() {
        assertEquals(new CType.Pointer("const char"), parser.parse("const char *"));
        assertEquals(new CType.Pointer("void *"), parser.parse("void **"));
        assertEquals(new CType.Pointer("zmq_free_fn"), parser.parse("zmq_free_fn *"));
        assertEquals(new CType.Pointer("void (*)(void *)"), parser.parse("void (*)(void *)"));
    }

    @Test
    void parsesArraysStructsAndReturnTypes() {
        assertEquals(new CType.Array(new CType.Primitive(CType.Kind.CHAR), 64), parser.parse("unsigned char[64]"));
        assertEquals(new CType.Struct("zmq_msg_t"), parser.parse("struct zmq_msg_t"));
        assertEquals(new CType.Pointer("const char"), parser.parseReturnType("const char *(int)"));
        assertEquals(new CType.Void(), parser.parseReturnType("void (int *, int *, int *)"));
        assertEquals(new CType.Primitive(CType.Kind.LONG), parser.parseReturnType("unsigned long (void *)"));
    }

    @Test
    void rejectsUnknownTypes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parser.parse("FILE"));
        assertEquals("unknown C type: 'FILE'", e.getMessage());
    }

    private CType.Kind kind(String spelling) {
        return ((CType.Primitive) parser.parse(spelling)).kind();
    }
}
