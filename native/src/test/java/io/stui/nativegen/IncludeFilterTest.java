package io.stui.nativegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jextract's {@code --include-function/-struct/-typedef}: only the named declarations of a kind are
 * generated, the other kinds stay whole, and a name the header does not declare is an error naming it.
 */
class IncludeFilterTest {
    @TempDir
    Path dir;

    private Map<String, String> generate(Map<IncludeKind, Set<String>> includes) throws IOException {
        Path ast = Files.writeString(dir.resolve("ast.json"), SampleHeader.AST);
        Path macros = Files.writeString(dir.resolve("macros.txt"), SampleHeader.MACROS);
        return Main.generate(
                GeneratedCodeTest.CONFIG,
                SampleHeader.MAIN_FILE,
                "clang",
                ast.toString(),
                macros.toString(),
                new GenerationOptions(List.of(), includes, false));
    }

    private String headerClass(Map<String, String> files) {
        return files.get(GeneratedCodeTest.CONFIG.headerClassName() + ".java");
    }

    @Test
    void onlyTheNamedFunctionsAreGeneratedAndTheStructsStay() throws IOException {
        Map<String, String> everything = generate(Map.of());
        Map<String, String> files = generate(Map.of(IncludeKind.FUNCTION, Set.of("abs", "blob_size")));
        String header = headerClass(files);
        assertTrue(header.contains(" abs("), "abs is generated");
        assertTrue(header.contains(" blob_size("), "blob_size is generated");
        assertFalse(header.contains(" labs("), "labs is left out");
        assertTrue(headerClass(everything).contains(" labs("), "labs is there without the filter");
        assertEquals(everything.keySet(), files.keySet(), "struct and function-type classes all stay");
    }

    @Test
    void onlyTheNamedStructsGetAClassAndTheirLayoutStillSeesTheOthers() throws IOException {
        Map<String, String> everything = generate(Map.of());
        assertTrue(
                everything.containsKey("point.java") && everything.containsKey("blob.java"),
                everything.keySet()::toString);
        Map<String, String> files = generate(Map.of(IncludeKind.STRUCT, Set.of("blob")));
        assertTrue(files.containsKey("blob.java"));
        assertFalse(files.containsKey("point.java"), "point is left out");
        assertEquals(everything.get("blob.java"), files.get("blob.java"), "blob is generated as without the filter");
        assertEquals(headerClass(everything), headerClass(files), "functions and constants stay whole");
    }

    @Test
    void onlyTheNamedTypedefsAreGenerated() throws IOException {
        Map<String, String> everything = generate(Map.of());
        assertTrue(everything.containsKey("free_fn.java"), everything.keySet()::toString);
        Map<String, String> files = generate(Map.of(IncludeKind.TYPEDEF, Set.of("fd_t")));
        assertFalse(files.containsKey("free_fn.java"), "the function type free_fn is left out");
        assertTrue(headerClass(files).contains(" fd_t "), "the builtin typedef fd_t stays");
        assertTrue(files.containsKey("point.java"), "structs are another kind");
    }

    @Test
    void anEmptyListKeepsEverything() throws IOException {
        assertEquals(generate(Map.of()), generate(Map.of(IncludeKind.FUNCTION, Set.of())));
    }

    @Test
    void aNameTheHeaderDoesNotDeclareIsAnErrorNamingItsOption() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> generate(Map.of(IncludeKind.STRUCT, Set.of("blob", "nothing"))));
        assertTrue(e.getMessage().contains("--include-struct"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> generate(Map.of(IncludeKind.FUNCTION, Set.of("abs", "zmq_nothing"))));
        assertTrue(
                e.getMessage().contains("--include-function") && e.getMessage().contains("zmq_nothing"),
                e.getMessage());
    }

    @Test
    void everyIncludeOptionNamesItsKind() {
        for (IncludeKind kind : IncludeKind.values()) {
            assertEquals(kind, IncludeKind.ofOption(kind.option()));
        }
        assertEquals(null, IncludeKind.ofOption("--include-union"), "zmq.h has no unions: not an option here");
    }

    @Test
    void namesComeFromAnArgumentFileAsJextractTakesThem() throws IOException {
        Path file = Files.writeString(dir.resolve("functions.txt"), "# the socket calls\nabs\n\n  labs  \n");
        assertEquals(List.of("abs", "labs"), Main.includeNames("@" + file));
        assertEquals(List.of("strlen"), Main.includeNames("strlen"));
    }
}
