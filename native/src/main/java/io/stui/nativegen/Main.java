package io.stui.nativegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Command line entry point: runs clang on a header (or reads saved dumps), generates the bindings and
 * writes them under {@code --output} in the package's directory, removing generated files that no
 * longer correspond to a declaration.
 *
 * <pre>
 * java -cp ... io.stui.nativegen.Main --header /usr/include/zmq.h --output bindings/src/main/java
 *      [--clang clang] [-D NAME[=VALUE]]... [--include-function NAME|@FILE]...
 *      [--include-constant NAME|@FILE]... [--include-struct NAME|@FILE]... [--include-typedef NAME|@FILE]...
 *      [--allow-absent] [--ast saved.json --macros saved.txt]
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
        List<String> defines = new java.util.ArrayList<>();
        Map<IncludeKind, Set<String>> includes = new EnumMap<>(IncludeKind.class);
        boolean allowAbsent = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--allow-absent")) {
                allowAbsent = true;
                continue;
            }
            if (args[i].startsWith("-D") && args[i].length() > 2) {
                defines.add(args[i].substring(2));
                continue;
            }
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                usage(args[i] + " needs a value");
            }
            IncludeKind kind = IncludeKind.ofOption(args[i]);
            if (kind != null) {
                includes.computeIfAbsent(kind, k -> new LinkedHashSet<>()).addAll(includeNames(value));
                i++;
                continue;
            }
            switch (args[i]) {
                case "--header" -> header = value;
                case "--output" -> output = value;
                case "--clang" -> clang = value;
                case "--ast" -> ast = value;
                case "--macros" -> macros = value;
                case "-D", "--define-macro" -> defines.add(value);
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        if (output == null) {
            usage("--output is required");
        }
        if (!defines.isEmpty() && (ast != null || macros != null)) {
            usage("-D applies when clang runs; saved --ast/--macros dumps already carry their defines");
        }
        try {
            GenerationOptions options = new GenerationOptions(defines, includes, allowAbsent);
            Path written = run(GeneratorConfig.zmq(), header, Path.of(output), clang, ast, macros, options);
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
        return run(config, header, outputRoot, clang, astFile, macroFile, GenerationOptions.ALL);
    }

    /**
     * A function name, or as jextract takes it {@code @file}: one name per line, {@code #} comments.
     */
    static List<String> includeNames(String value) {
        if (value == null || !value.startsWith("@")) {
            return value == null ? List.of() : List.of(value);
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

    /**
     * As above, with jextract's options: {@code -D} macros for clang, the function and constant filters,
     * and whether included names the header lacks are skipped (see {@link GenerationOptions}).
     */
    public static Path run(
            GeneratorConfig config,
            String header,
            Path outputRoot,
            String clang,
            String astFile,
            String macroFile,
            GenerationOptions options)
            throws IOException {
        Map<String, String> files = generate(config, header, clang, astFile, macroFile, options);
        return write(files, outputRoot.resolve(config.packageName().replace('.', '/')));
    }

    /** The generated files by name, without writing them. */
    static Map<String, String> generate(
            GeneratorConfig config,
            String header,
            String clang,
            String astFile,
            String macroFile,
            GenerationOptions options)
            throws IOException {
        ClangRunner runner = new ClangRunner(clang);
        String astJson = astFile != null
                ? Files.readString(Path.of(astFile), StandardCharsets.UTF_8)
                : runner.astJson(header, options.clangArguments());
        String macroDump = macroFile != null
                ? Files.readString(Path.of(macroFile), StandardCharsets.UTF_8)
                : runner.macroDump(header, options.clangArguments());
        HeaderModel model = new ClangAstReader(header).read(astJson);
        if (model.functions().isEmpty()) {
            throw new IOException("no function declarations of " + header + " found in the AST; was it dumped from "
                    + "that exact path?");
        }
        MacroTable table = MacroTable.parse(macroDump);
        String label = config.headerFileName() + " " + new BindingGenerator(config).version(new MacroEvaluator(table))
                + options.definesLabel();
        for (IncludeKind kind : List.of(IncludeKind.FUNCTION, IncludeKind.TYPEDEF)) {
            if (!options.included(kind).isEmpty()) {
                model = model.keep(kind, options.declaredOnly(kind, model.names(kind), label));
            }
        }
        return new BindingGenerator(config, options).generate(model, MacroTable.parse(macroDump));
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
                + " [-D NAME[=VALUE]]... [--include-function NAME|@FILE]... [--include-constant NAME|@FILE]..."
                + " [--include-struct NAME|@FILE]... [--include-typedef NAME|@FILE]... [--allow-absent]"
                + " [--ast ast.json --macros macros.txt]");
        System.exit(2);
    }
}
