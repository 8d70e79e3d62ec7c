package io.stui.smalltalk.cli;

import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.LoadFailure;
import io.stui.smalltalk.LoadResult;
import io.stui.smalltalk.SmalltalkEngine;
import io.stui.smalltalk.SourceFile;
import io.stui.smalltalk.TestRunResult;
import io.stui.smalltalk.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads Tonel packages (or file-outs) and runs the SUnit tests they define.
 * <pre>
 *   TestMain PATH...                    load, then run every TestCase subclass the paths define
 *   options: --lenient (leave out what cannot be defined, and say so), --class GLOB (only those classes),
 *            --per-class (a pass-rate line per class), -t SECONDS (time limit per test, default 10)
 * </pre>
 * Prints each failure and error as {@code FAIL Class>>#selector (line N): message}, skips as {@code SKIP ...},
 * and closes with {@code N passed, M failed} (errors count as failed; {@code , K skipped} when some were).
 * Exit code: 0 all passed, 1 some failed, 2 bad usage or the code did not load.
 */
public final class TestMain {
    private TestMain() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    /** As {@link #main}, answering the exit code (for {@code stui test}). */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        List<String> paths = new ArrayList<>();
        List<String> globs = new ArrayList<>();
        boolean lenient = false;
        boolean perClass = false;
        Duration timeout = Duration.ofSeconds(10);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> {
                    out.println("usage: test [--lenient] [--per-class] [--class GLOB] [-t seconds] PATH...");
                    return 0;
                }
                case "--lenient" -> lenient = true;
                case "--per-class" -> perClass = true;
                case "--class" -> {
                    if (i + 1 >= args.length) return usage(err, "--class needs a class name or glob");
                    globs.add(args[++i]);
                }
                case "-t" -> {
                    if (i + 1 >= args.length) return usage(err, "-t needs a number of seconds");
                    try {
                        timeout = Duration.ofMillis((long) (Double.parseDouble(args[++i]) * 1000));
                    } catch (NumberFormatException e) {
                        return usage(err, "-t needs a number of seconds");
                    }
                }
                default -> {
                    if (args[i].startsWith("-")) return usage(err, "unknown option " + args[i]);
                    paths.add(args[i]);
                }
            }
        }
        if (paths.isEmpty()) return usage(err, "no package or file to test");
        List<SourceFile> files;
        try {
            files = SourceFiles.read(paths);
        } catch (IOException e) {
            err.println("test: " + e.getMessage());
            return 2;
        }
        EvalLimits limits = EvalLimits.defaults().withTimeout(timeout);
        try (Workspace ws = SmalltalkEngine.boot().newWorkspace()) {
            LoadResult loaded = ws.load(files, limits, lenient);
            if (!loaded.ok()) {
                err.println("test: did not load: " + loaded.failure().describe());
                return 2;
            }
            for (LoadFailure skipped : loaded.skipped()) err.println("left out: " + skipped.describe());
            List<String> classes = loaded.classesDefined();
            if (!globs.isEmpty()) {
                List<java.util.regex.Pattern> ps = globs.stream()
                        .map(g -> java.util.regex.Pattern.compile(
                                g.replace("*", ".*").replace("?", ".")))
                        .toList();
                classes = classes.stream()
                        .filter(c -> ps.stream().anyMatch(p -> p.matcher(c).matches()))
                        .toList();
            }
            TestRunResult r = ws.runTestClasses(classes, limits);
            for (TestRunResult.TestProblem p : r.problems())
                if (p.kind() != TestRunResult.Kind.SKIPPED) out.println("FAIL " + p.describe());
            for (TestRunResult.TestProblem p : r.problems())
                if (p.kind() == TestRunResult.Kind.SKIPPED) out.println("SKIP " + p.describe());
            if (perClass) {
                for (TestRunResult.ClassCount c : r.perClass())
                    out.printf(
                            "%-40s %5d run %5d passed %5d failed %4d skipped %5.1f%%%n",
                            c.className(),
                            c.run(),
                            c.passed(),
                            c.failed(),
                            c.skipped(),
                            c.run() == 0 ? 0.0 : 100.0 * c.passed() / c.run());
            }
            out.println(r.summary());
            return r.failed() > 0 ? 1 : 0;
        }
    }

    private static int usage(PrintStream err, String msg) {
        err.println("test: " + msg + " (try -h)");
        return 2;
    }
}
