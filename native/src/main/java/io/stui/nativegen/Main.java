package io.stui.nativegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Command line entry point: runs clang on a header (or reads saved dumps), generates the bindings and
 * writes them under {@code --output} in the package's directory, removing generated files that no
 * longer correspond to a declaration.
 *
 * <pre>
 * java -cp ... io.stui.nativegen.Main --header /usr/include/zmq.h --output bindings/src/main/java
 *      [--clang clang] [--ast saved.json --macros saved.txt]
 * </pre>
 */
public final class Main {

    private Main() {}

    /** Runs the generator; exits with status 2 on bad arguments and 1 on failure. */
    public static void main(String[] args) {
        String header = "/usr/include/zmq.h";
        String output = null;
        String clang = "clang";
        String ast = null;
        String macros = null;
        java.util.Set<String> include = new java.util.LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--header" -> header = value;
                case "--output" -> output = value;
                case "--clang" -> clang = value;
                case "--ast" -> ast = value;
                case "--macros" -> macros = value;
                case "--include-function" -> include.addAll(includeNames(value));
                default -> usage("unknown argument " + args[i]);
            }
            if (value == null) {
                usage(args[i] + " needs a value");
            }
            i++;
        }
        if (output == null) {
            usage("--output is required");
        }
        try {
            Path written = run(GeneratorConfig.zmq(), header, Path.of(output), clang, ast, macros, include);
            System.out.println("Bindings written to " + written);
        } catch (IOException | RuntimeException e) {
            System.err.println("Binding generation failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Generates the bindings of {@code header} into {@code outputRoot}; returns the package directory.
     * {@code astFile}/{@code macroFile} may be null, in which case clang is run.
     */
    public static Path run(String header, Path outputRoot, String clang, String astFile, String macroFile)
            throws IOException {
        return run(GeneratorConfig.zmq(), header, outputRoot, clang, astFile, macroFile);
    }

    /** As {@link #run(String, Path, String, String, String)}, for another header or package. */
    public static Path run(
            GeneratorConfig config, String header, Path outputRoot, String clang, String astFile, String macroFile)
            throws IOException {
        return run(config, header, outputRoot, clang, astFile, macroFile, java.util.Set.of());
    }

    /**
     * A function name, or as jextract takes it {@code @file}: one name per line, {@code #} comments.
     */
    static java.util.List<String> includeNames(String value) {
        if (value == null || !value.startsWith("@")) {
            return value == null ? java.util.List.of() : java.util.List.of(value);
        }
        try {
            return Files.readAllLines(Path.of(value.substring(1)), StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + value.substring(1) + ": " + e.getMessage(), e);
        }
    }

    /** As above, generating only the functions named in {@code includeFunctions} (all when it is empty). */
    public static Path run(
            GeneratorConfig config,
            String header,
            Path outputRoot,
            String clang,
            String astFile,
            String macroFile,
            java.util.Set<String> includeFunctions)
            throws IOException {
        ClangRunner runner = new ClangRunner(clang);
        String astJson =
                astFile != null ? Files.readString(Path.of(astFile), StandardCharsets.UTF_8) : runner.astJson(header);
        String macroDump = macroFile != null
                ? Files.readString(Path.of(macroFile), StandardCharsets.UTF_8)
                : runner.macroDump(header);
        HeaderModel model = new ClangAstReader(header).read(astJson);
        if (model.functions().isEmpty()) {
            throw new IOException("no function declarations of " + header + " found in the AST; was it dumped from "
                    + "that exact path?");
        }
        model = model.onlyFunctions(includeFunctions);
        Map<String, String> files = new BindingGenerator(config).generate(model, MacroTable.parse(macroDump));
        return write(files, outputRoot.resolve(config.packageName().replace('.', '/')));
    }

    /** Writes the files and deletes other {@code .java} files in the package directory. */
    static Path write(Map<String, String> files, Path packageDir) throws IOException {
        Files.createDirectories(packageDir);
        try (Stream<Path> existing = Files.list(packageDir)) {
            for (Path stale : existing.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !files.containsKey(p.getFileName().toString()))
                    .toList()) {
                Files.delete(stale);
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(packageDir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return packageDir;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: Main --output DIR [--header /usr/include/zmq.h] [--clang clang]"
                + " [--include-function NAME|@FILE]..."
                + " [--ast ast.json --macros macros.txt]");
        System.exit(2);
    }
}
