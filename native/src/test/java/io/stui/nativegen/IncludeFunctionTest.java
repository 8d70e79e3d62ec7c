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

/** jextract's --include-function: only the named functions are generated; names come inline or from @file. */
class IncludeFunctionTest {
    private static HeaderModel sample() throws IOException {
        return new ClangAstReader(SampleHeader.MAIN_FILE).read(SampleHeader.AST);
    }

    @Test
    void onlyTheNamedFunctionsAreGeneratedAndTheStructsStay() throws IOException {
        HeaderModel only = sample().onlyFunctions(Set.of("abs", "blob_size"));
        assertEquals(
                List.of("abs", "blob_size"),
                only.functions().stream().map(HeaderModel.Function::name).toList());
        assertEquals(sample().structs(), only.structs());
        Map<String, String> files =
                new BindingGenerator(GeneratedCodeTest.CONFIG).generate(only, MacroTable.parse(SampleHeader.MACROS));
        String header = files.get(GeneratedCodeTest.CONFIG.headerClassName() + ".java");
        assertTrue(header.contains(" abs("), "abs is generated");
        assertFalse(header.contains(" labs("), "labs is left out");
        assertFalse(header.contains(" strlen("), "strlen is left out");
    }

    @Test
    void anEmptyListKeepsEverything() throws IOException {
        assertEquals(sample(), sample().onlyFunctions(Set.of()));
    }

    @Test
    void aNameTheHeaderDoesNotDeclareIsAnError() throws IOException {
        HeaderModel model = sample();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> model.onlyFunctions(Set.of("abs", "zmq_nothing")));
        assertTrue(e.getMessage().contains("zmq_nothing"), e.getMessage());
    }

    @Test
    void namesComeFromAnArgumentFileAsJextractTakesThem(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("functions.txt"), "# the socket calls\nabs\n\n  labs  \n");
        assertEquals(List.of("abs", "labs"), Main.includeNames("@" + file));
        assertEquals(List.of("strlen"), Main.includeNames("strlen"));
    }
}
