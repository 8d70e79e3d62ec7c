package io.stui.smalltalk.cli;

import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.EvalResult;
import io.stui.smalltalk.LoadResult;
import io.stui.smalltalk.SmalltalkEngine;
import io.stui.smalltalk.SourceFile;
import io.stui.smalltalk.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-alone Smalltalk evaluator.
 * <pre>
 *   StMain '3 + 4' '100 factorial'      evaluate each argument
 *   StMain -f file.st                   evaluate the chunks of a file (separated by lines holding only '!')
 *   StMain -                            the same from standard input
 *   StMain --load PATH ... '3 + 4'      load a Tonel package directory or a file first (repeatable)
 *   options: -t seconds (time limit per chunk, default 10), -q (print results only, no Transcript)
 * </pre>
 * Prints one printString per chunk (Transcript output first); failures print as "Error: ..." on standard output
 * too, and the exit code is 1 when any chunk failed, 2 on bad usage.
 */
public final class StMain {
    private StMain() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * Runs the evaluator as {@link #main} does but answers the exit code instead of exiting, so another command
     * line (such as {@code stui st}) can delegate to it.
     */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) throws IOException {
        List<String> chunks = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        Duration timeout = Duration.ofSeconds(10);
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    out.println("usage: st [-t seconds] [-q] [--load PATH]... (expression... | -f file | -)");
                    return 0;
                }
                case "-t" -> {
                    if (i + 1 >= args.length) return usage(err, "-t needs a number of seconds");
                    try {
                        timeout = Duration.ofMillis((long) (Double.parseDouble(args[++i]) * 1000));
                    } catch (NumberFormatException e) {
                        return usage(err, "-t needs a number of seconds");
                    }
                }
                case "-q" -> quiet = true;
                case "--load" -> {
                    if (i + 1 >= args.length) return usage(err, "--load needs a file or package directory");
                    loads.add(args[++i]);
                }
                case "-f" -> {
                    if (i + 1 >= args.length) return usage(err, "-f needs a file name");
                    chunks.addAll(split(Files.readString(Path.of(args[++i]), StandardCharsets.UTF_8)));
                }
                case "-" -> chunks.addAll(split(new String(stdin.readAllBytes(), StandardCharsets.UTF_8)));
                default -> chunks.add(a);
            }
        }
        if (chunks.isEmpty() && loads.isEmpty()) return usage(err, "nothing to evaluate");
        List<SourceFile> files;
        try {
            files = SourceFiles.read(loads);
        } catch (IOException e) {
            err.println("st: " + e.getMessage());
            return 2;
        }
        SmalltalkEngine engine = SmalltalkEngine.boot();
        EvalLimits limits = EvalLimits.defaults().withTimeout(timeout);
        boolean failed = false;
        try (Workspace ws = engine.newWorkspace()) {
            if (!files.isEmpty()) {
                LoadResult loaded = ws.load(files, limits);
                if (!loaded.ok()) {
                    out.println("Error: load failed: " + loaded.failure().describe());
                    return 1;
                }
                if (!quiet)
                    out.println("Loaded " + loaded.classesDefined().size() + " classes, "
                            + loaded.traitsDefined().size() + " traits, " + loaded.methodsDefined() + " methods");
            }
            for (String chunk : chunks) {
                if (chunk.isBlank()) continue;
                EvalResult r = ws.evaluate(chunk, limits);
                if (!quiet && !r.transcript().isEmpty())
                    out.print(r.transcript().endsWith("\n") ? r.transcript() : r.transcript() + "\n");
                if (r.ok()) out.println(r.printString());
                else {
                    failed = true;
                    out.println("Error: " + r.failure().describe());
                    if (!quiet) for (String f : r.failure().stackTrace()) out.println("  " + f);
                }
            }
        }
        return failed ? 1 : 0;
    }

    /** Chunks are separated by lines that hold only '!' (so '!' inside code needs no escaping). */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : text.split("\r?\n", -1)) {
            if (line.strip().equals("!")) {
                out.add(cur.toString());
                cur.setLength(0);
            } else cur.append(line).append('\n');
        }
        if (!cur.toString().isBlank()) out.add(cur.toString());
        return out;
    }

    private static int usage(PrintStream err, String msg) {
        err.println("st: " + msg + " (try -h)");
        return 2;
    }
}
