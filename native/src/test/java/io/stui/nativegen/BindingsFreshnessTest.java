package io.stui.nativegen;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerates the bindings with clang into a temporary folder and compares them with the committed
 * {@code bindings/src/main/java}: any difference means someone edited generated code or the header or
 * generator changed without {@code native/regen-bindings.sh} being run. Skipped when clang or zmq.h is missing.
 */
class BindingsFreshnessTest {

    private static final String HEADER = System.getProperty("stui.zmq.header", "/usr/include/zmq.h");
    private static final String CLANG = System.getProperty("stui.clang", "clang");

    @Test
    void committedBindingsMatchFreshlyGeneratedOnes(@TempDir Path temp) throws IOException {
        assumeTrue(
                new ClangRunner(CLANG).available(),
                "clang is missing (" + CLANG + " --version failed): freshness of the committed bindings not checked");
        assumeTrue(
                Files.isRegularFile(Path.of(HEADER)),
                HEADER + " is missing (install libzmq3-dev): freshness of the committed bindings not checked");

        Path fresh = Main.run(HEADER, temp, CLANG, null, null);
        Path committedRoot = Path.of(System.getProperty("stui.bindings.sources", "../bindings/src/main/java"));
        Path committed =
                committedRoot.resolve(GeneratorConfig.zmq().packageName().replace('.', '/'));

        String difference = firstDifference(committed, fresh);
        if (difference != null) {
            fail("The committed bindings are stale: " + difference
                    + ". Run native/regen-bindings.sh from the repository root and commit the result.");
        }
    }

    /** Describes the first difference between two folders of .java files, or returns null if equal. */
    static String firstDifference(Path committed, Path fresh) throws IOException {
        TreeSet<String> committedFiles = javaFiles(committed);
        TreeSet<String> freshFiles = javaFiles(fresh);
        for (String name : freshFiles) {
            if (!committedFiles.contains(name)) {
                return name + " is generated but not committed in " + committed;
            }
        }
        for (String name : committedFiles) {
            if (!freshFiles.contains(name)) {
                return committed.resolve(name) + " is committed but no longer generated";
            }
        }
        for (String name : freshFiles) {
            List<String> a = Files.readAllLines(committed.resolve(name), StandardCharsets.UTF_8);
            List<String> b = Files.readAllLines(fresh.resolve(name), StandardCharsets.UTF_8);
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                String left = i < a.size() ? a.get(i) : "<end of file>";
                String right = i < b.size() ? b.get(i) : "<end of file>";
                if (!left.equals(right)) {
                    return committed.resolve(name) + " line " + (i + 1) + " differs: committed [" + left
                            + "] but generated [" + right + "]";
                }
            }
            if (!Files.readString(committed.resolve(name)).equals(Files.readString(fresh.resolve(name)))) {
                return committed.resolve(name) + " differs in line endings or trailing newline";
            }
        }
        return null;
    }

    private static TreeSet<String> javaFiles(Path dir) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".java"))
                    .forEach(names::add);
        }
        return names;
    }
}
