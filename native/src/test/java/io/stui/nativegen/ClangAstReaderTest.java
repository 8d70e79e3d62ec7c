package io.stui.nativegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClangAstReaderTest {

    private final HeaderModel model = read();

    private static HeaderModel read() {
        try {
            return new ClangAstReader(SampleHeader.MAIN_FILE).read(SampleHeader.AST);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void keepsOnlyTheMainHeadersOwnFunctionsTrackingFilesInDocumentOrder() {
        // system_function sits in stddef.h (file inherited from the previous location),
        // after_include in stdlib.h; the rest inherit /tmp/sample.h.
        assertEquals(
                List.of("strlen", "abs", "labs", "blob_size"),
                model.functions().stream().map(HeaderModel.Function::name).toList());
    }

    @Test
    void mapsParameterAndReturnTypesThroughTypedefs() {
        HeaderModel.Function strlen = model.functions().getFirst();
        assertEquals(new CType.Primitive(CType.Kind.LONG), strlen.returnType(), "size_t resolves to unsigned long");
        assertEquals("size_t", strlen.returnSpelling());
        assertInstanceOf(CType.Pointer.class, strlen.params().getFirst().type());
        HeaderModel.Function blobSize = model.functions().get(3);
        assertEquals(
                new CType.Primitive(CType.Kind.INT), blobSize.params().get(1).type(), "fd_t is int");
        assertEquals("", model.functions().get(1).params().getFirst().name(), "unnamed parameter stays unnamed");
    }

    @Test
    void readsCompleteStructsWithAlignedAttributesAndSkipsForwardDeclarations() {
        assertEquals(
                List.of("point", "blob"),
                model.structs().stream().map(HeaderModel.Struct::name).toList());
        HeaderModel.Field blobField = model.struct("blob").fields().getFirst();
        assertEquals("_", blobField.name());
        assertEquals(8, blobField.alignAttribute());
        assertEquals(new CType.Array(new CType.Primitive(CType.Kind.CHAR), 64), blobField.type());
        assertInstanceOf(
                CType.Pointer.class, model.struct("point").fields().get(3).type(), "self pointer");
    }

    @Test
    void readsFunctionAndPrimitiveTypedefs() {
        assertEquals(1, model.functionTypedefs().size());
        HeaderModel.FunctionTypedef freeFn = model.functionTypedefs().getFirst();
        assertEquals("free_fn", freeFn.name());
        assertInstanceOf(CType.Void.class, freeFn.returnType());
        assertEquals(2, freeFn.params().size());
        assertEquals(
                List.of("fd_t"),
                model.primitiveTypedefs().stream()
                        .map(HeaderModel.PrimitiveTypedef::name)
                        .toList());
    }

    @Test
    void aHeaderPathThatIsNotTheMainFileYieldsNothing() throws IOException {
        HeaderModel other = new ClangAstReader("/tmp/other.h").read(SampleHeader.AST);
        assertTrue(other.functions().isEmpty());
    }

    @Test
    void unknownTypesFailNamingTheSpelling() {
        String ast = """
            {"inner":[{"id":"1","kind":"FunctionDecl","loc":{"file":"/tmp/x.h"},"name":"f",
              "type":{"qualType":"mystery_t (void)"}}]}
            """;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ClangAstReader("/tmp/x.h").read(ast));
        assertTrue(e.getMessage().contains("mystery_t"), e.getMessage());
    }
}
