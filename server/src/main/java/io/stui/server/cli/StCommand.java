package io.stui.server.cli;

import io.stui.smalltalk.cli.StMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code stui st …}: the smalltalk module's stand-alone evaluator, with no server and no ZeroMQ. */
@Command(
        name = "st",
        description = {
            "Evaluate Smalltalk locally, without a server (the smalltalk module's evaluator).",
            "usage: stui st [-t seconds] [-q] (expression... | -f file | -)"
        })
final class StCommand implements Callable<Integer> {

    /** Everything after {@code st}, options included, goes to the evaluator unchanged. */
    @Unmatched
    List<String> args = new ArrayList<>();

    /** Delegates to {@link StMain#run} so the launcher, not the evaluator, decides when the JVM exits. */
    @Override
    public Integer call() throws Exception {
        return StMain.run(args.toArray(String[]::new), System.in, System.out, System.err);
    }
}
