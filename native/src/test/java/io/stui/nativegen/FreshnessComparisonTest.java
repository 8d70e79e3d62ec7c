package io.stui.nativegen;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison the freshness check uses names the first differing file and line. */
class FreshnessComparisonTest {

    @Test
    void reportsFirstDifferingLine(@TempDir Path temp) throws IOException {
        Path committed = Files.createDirectories(temp.resolve("committed"));
        Path fresh = Files.createDirectories(temp.resolve("fresh"));
        Files.writeString(committed.resolve("a.java"), "one\ntwo\nthree\n");
        Files.writeString(fresh.resolve("a.java"), "one\nTWO\nthree\n");
        String difference = BindingsFreshnessTest.firstDifference(committed, fresh);
        assertTrue(difference.contains("a.java line 2 differs: committed [two] but generated [TWO]"), difference);
    }

    @Test
    void reportsMissingAndExtraFiles(@TempDir Path temp) throws IOException {
        Path committed = Files.createDirectories(temp.resolve("committed"));
        Path fresh = Files.createDirectories(temp.resolve("fresh"));
        Files.writeString(fresh.resolve("new_t.java"), "x\n");
        assertTrue(BindingsFreshnessTest.firstDifference(committed, fresh)
                .contains("new_t.java is generated but not committed"));
        Files.writeString(committed.resolve("new_t.java"), "x\n");
        Files.writeString(committed.resolve("old_t.java"), "x\n");
        assertTrue(BindingsFreshnessTest.firstDifference(committed, fresh)
                .contains("old_t.java is committed but no longer generated"));
        Files.delete(committed.resolve("old_t.java"));
        assertNull(BindingsFreshnessTest.firstDifference(committed, fresh));
    }
}
