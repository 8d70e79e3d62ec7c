package io.stui.smalltalk.cli;

import io.stui.smalltalk.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the files a command line names into {@link SourceFile}s (the engine itself never reads paths): a file is
 * itself; a Tonel package directory (one holding {@code package.st}) is its {@code .st} files; any other directory
 * is the package directories and {@code .st} files directly inside it (a repository's {@code src/}).
 */
public final class SourceFiles {
    private SourceFiles() {}

    public static List<SourceFile> read(List<String> paths) throws IOException {
        List<SourceFile> out = new ArrayList<>();
        for (String p : paths) read(Path.of(p), out, true);
        return out;
    }

    private static void read(Path path, List<SourceFile> out, boolean top) throws IOException {
        if (Files.isRegularFile(path)) {
            out.add(new SourceFile(name(path), Files.readString(path, StandardCharsets.UTF_8)));
            return;
        }
        if (!Files.isDirectory(path)) throw new IOException(path + ": no such file or directory");
        boolean isPackage = Files.isRegularFile(path.resolve("package.st"));
        List<Path> entries;
        try (Stream<Path> s = Files.list(path)) {
            entries = s.sorted().toList();
        }
        for (Path e : entries) {
            if (Files.isRegularFile(e) && e.getFileName().toString().endsWith(".st"))
                out.add(new SourceFile(name(e), Files.readString(e, StandardCharsets.UTF_8)));
            else if (!isPackage && top && Files.isDirectory(e) && Files.isRegularFile(e.resolve("package.st")))
                read(e, out, false);
        }
    }

    /** The package directory and file name, which is how errors quote it. */
    private static String name(Path p) {
        Path parent = p.getParent();
        return parent == null || parent.getFileName() == null
                ? p.getFileName().toString()
                : parent.getFileName() + "/" + p.getFileName();
    }
}
