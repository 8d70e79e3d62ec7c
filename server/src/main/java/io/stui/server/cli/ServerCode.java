package io.stui.server.cli;

import io.stui.protocol.request.CodeFile;
import io.stui.protocol.result.RunTestsResult;
import io.stui.protocol.result.TestFailure;
import io.stui.smalltalk.SourceFile;
import io.stui.smalltalk.cli.SourceFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code stui load} and {@code stui test --endpoint} share: the user's files and Tonel directories read here,
 * on the client (the server never reads paths), and a test run printed as the local {@code stui test} prints it.
 */
final class ServerCode {
    private ServerCode() {}

    /** Files and Tonel package directories (or a repository's {@code src/}) as {@code load_code}'s files. */
    static List<CodeFile> read(List<String> paths) throws IOException {
        List<CodeFile> out = new ArrayList<>();
        for (SourceFile f : SourceFiles.read(paths)) {
            out.add(new CodeFile(f.name(), f.contents()));
        }
        return out;
    }

    /** The lines the local runner prints: failures and errors, skips, then {@code N passed, M failed}. */
    static void print(RunTestsResult r, PrintStream out) {
        for (TestFailure f : r.failures()) {
            if (!f.kind().equals("skipped")) {
                out.println("FAIL " + describe(f));
            }
        }
        for (TestFailure f : r.failures()) {
            if (f.kind().equals("skipped")) {
                out.println("SKIP " + describe(f));
            }
        }
        int failed = r.failed() + r.errors();
        out.println(r.passed() + " passed, " + failed + " failed"
                + (r.skipped() > 0 ? ", " + r.skipped() + " skipped" : ""));
    }

    private static String describe(TestFailure f) {
        return f.className() + ">>#" + f.selector() + (f.line() > 0 ? " (line " + f.line() + ")" : "") + ": "
                + f.message();
    }
}
