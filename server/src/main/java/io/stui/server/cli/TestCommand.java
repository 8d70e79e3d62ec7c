package io.stui.server.cli;

import io.stui.protocol.Encoding;
import io.stui.protocol.StuiException;
import io.stui.protocol.client.ClientOptions;
import io.stui.protocol.client.StuiClient;
import io.stui.protocol.request.CodeFile;
import io.stui.protocol.result.LoadCodeResult;
import io.stui.protocol.result.RunTestsResult;
import io.stui.protocol.result.TestFailure;
import io.stui.smalltalk.cli.TestMain;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code stui test …}: load Tonel packages and run their SUnit tests, locally (the smalltalk module's runner), or
 * with {@code --endpoint} in a running server's image ({@code load_code}, then {@code run_tests} for the classes it
 * defined), printing the same lines.
 */
@Command(
        name = "test",
        description = {
            "Load Tonel packages or file-outs and run the SUnit tests they define: locally, or with",
            "--endpoint E [--session ID] [--encoding envelope] in that server's image (or session).",
            "usage: stui test [--lenient] [--per-class] [--class GLOB] [-t seconds] PATH...",
            "       stui test --endpoint E [--session ID] [--class GLOB] PATH...",
            "Last line: 'N passed, M failed' (errors count as failed); exit 1 if any failed."
        })
final class TestCommand implements Callable<Integer> {

    /** Everything after {@code test}, options included, goes to the runner unchanged. */
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (args.contains("--endpoint") || args.contains("-e")) {
            return remote(args, System.out, System.err);
        }
        return TestMain.run(args.toArray(String[]::new), System.out, System.err);
    }

    /** The server's side of a test run; exit codes as the local runner's (0 passed, 1 failed, 2 not loaded). */
    static int remote(List<String> args, PrintStream out, PrintStream err) {
        String endpoint = null;
        String session = null;
        Encoding encoding = Encoding.COMMAND;
        List<String> classGlobs = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean hasValue = i + 1 < args.size();
            switch (a) {
                case "-e", "--endpoint", "--session", "--encoding", "--class" -> {
                    if (!hasValue) {
                        err.println("test: " + a + " needs a value (try -h)");
                        return 2;
                    }
                    String v = args.get(++i);
                    switch (a) {
                        case "--session" -> session = v;
                        case "--encoding" -> encoding = Encoding.valueOf(v.toUpperCase(java.util.Locale.ROOT));
                        case "--class" -> classGlobs.add(v);
                        default -> endpoint = v;
                    }
                }
                default -> {
                    if (a.startsWith("-")) {
                        err.println("test: " + a + " is for the local runner only (without --endpoint)");
                        return 2;
                    }
                    paths.add(a);
                }
            }
        }
        if (paths.isEmpty()) {
            err.println("test: no package or file to test (try -h)");
            return 2;
        }
        List<CodeFile> files;
        try {
            files = ServerCode.read(paths);
        } catch (IOException e) {
            err.println("test: " + e.getMessage());
            return 2;
        }
        // one try: a test run is not worth repeating behind the user's back; loads and runs can take a while
        ClientOptions options = ClientOptions.defaults(endpoint)
                .withEncoding(encoding)
                .withTimeout(Duration.ofMinutes(10))
                .withTries(1);
        try (StuiClient c = StuiClient.connect(options)) {
            LoadCodeResult loaded;
            try {
                loaded = c.loadCode(files, session);
            } catch (StuiException e) {
                err.println("test: did not load: " + e.getMessage());
                return 2;
            }
            int passed = 0, failed = 0, errors = 0, skipped = 0;
            List<TestFailure> failures = new ArrayList<>();
            for (String cls : loaded.classesDefined()) {
                if (!classGlobs.isEmpty() && classGlobs.stream().noneMatch(g -> glob(g, cls))) {
                    continue;
                }
                RunTestsResult r = c.runTests(cls, null, session);
                passed += r.passed();
                failed += r.failed();
                errors += r.errors();
                skipped += r.skipped();
                failures.addAll(r.failures());
            }
            ServerCode.print(new RunTestsResult(passed, failed, errors, skipped, failures), out);
            return failed + errors > 0 ? 1 : 0;
        } catch (StuiException e) {
            err.println("test: " + e.code().wireName() + ": " + e.getMessage());
            return 2;
        }
    }

    private static boolean glob(String glob, String name) {
        return name.matches(
                java.util.regex.Pattern.quote(glob).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
    }
}
