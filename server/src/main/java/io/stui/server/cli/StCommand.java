package io.stui.server.cli;

import io.stui.smalltalk.cli.StMain;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stui st …}: the smalltalk module's stand-alone evaluator, with no server and no ZeroMQ. */
@Command(name = "st", description = {"Evaluate Smalltalk locally, without a server (the smalltalk module's evaluator).",
        "usage: stui st [-t seconds] [-q] (expression... | -f file | -)"})
final class StCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ARGS", description = "Arguments for the evaluator (see usage).")
    List<String> args = List.of();

    @Override
    public Integer call() throws Exception {
        StMain.main(args.toArray(String[]::new));
        return 0;
    }
}
