package io.stui.nativegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs clang to obtain the two inputs of the generator: the JSON AST
 * ({@code clang -Xclang -ast-dump=json -fsyntax-only header}) and the macro dump
 * ({@code clang -dM -E header}).
 */
public final class ClangRunner {

    private final String clang;

    /** @param clang the clang executable, e.g. {@code clang} or {@code /usr/bin/clang-14} */
    public ClangRunner(String clang) {
        this.clang = clang;
    }

    /** True if {@code clang --version} runs and succeeds. */
    public boolean available() {
        try {
            run(List.of(clang, "--version"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The JSON AST of {@code header}. */
    public String astJson(String header) throws IOException {
        return astJson(header, List.of());
    }

    /** The JSON AST of {@code header}, with further clang arguments (e.g. {@code -DZMQ_BUILD_DRAFT_API}). */
    public String astJson(String header, List<String> clangArguments) throws IOException {
        return run(command(List.of("-Xclang", "-ast-dump=json", "-fsyntax-only"), clangArguments, header));
    }

    /** The macro definitions in effect after {@code header}. */
    public String macroDump(String header) throws IOException {
        return macroDump(header, List.of());
    }

    /** The macro definitions in effect after {@code header}, with further clang arguments. */
    public String macroDump(String header, List<String> clangArguments) throws IOException {
        return run(command(List.of("-dM", "-E"), clangArguments, header));
    }

    private List<String> command(List<String> mode, List<String> clangArguments, String header) {
        List<String> command = new ArrayList<>();
        command.add(clang);
        command.addAll(mode);
        command.addAll(clangArguments);
        command.add(header);
        return command;
    }

    private static String run(List<String> command) throws IOException {
        Path out = Files.createTempFile("nativegen-clang", ".out");
        Path err = Files.createTempFile("nativegen-clang", ".err");
        try {
            Process process;
            try {
                process = new ProcessBuilder(new ArrayList<>(command))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
            } catch (IOException e) {
                throw new IOException(
                        "cannot run " + command.getFirst() + " (is clang installed and on PATH?): " + e.getMessage(),
                        e);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out after 120 s: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue() + ": "
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
