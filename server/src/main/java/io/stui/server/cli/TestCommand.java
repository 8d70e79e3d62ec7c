package io.stui.server.cli;

import io.stui.smalltalk.cli.TestMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code stui test …}: load Tonel packages locally and run their SUnit tests (the smalltalk module's runner). */
@Command(
        name = "test",
        description = {
            "Load Tonel packages or file-outs locally and run the SUnit tests they define.",
            "usage: stui test [--lenient] [--per-class] [--class GLOB] [-t seconds] PATH...",
            "Last line: 'N passed, M failed' (errors count as failed); exit 1 if any failed."
        })
final class TestCommand implements Callable<Integer> {

    /** Everything after {@code test}, options included, goes to the runner unchanged. */
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        return TestMain.run(args.toArray(String[]::new), System.out, System.err);
    }
}
