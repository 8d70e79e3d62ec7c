package io.stui.bench;

import io.stui.bench.cli.BaselineCommand;
import io.stui.bench.cli.GateCommand;
import io.stui.bench.cli.LoadCommand;
import io.stui.bench.cli.SmalltalkCommand;
import io.stui.bench.cli.SoakCommand;
import io.stui.bench.cli.StartupCommand;
import io.stui.bench.micro.MicroCommand;
import io.stui.bench.micro.NoGcCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code stui bench}: {@code load} (protocol load generator), {@code gate} (CI
 * performance gate) and {@code micro} (JMH microbenchmarks against the C reference programs).
 */
@Command(
        name = "stui bench",
        mixinStandardHelpOptions = true,
        version = "stui-bench 0.1.0",
        description = "Benchmarks for STUI: protocol load, a CI performance gate, and ZeroMQ microbenchmarks.",
        subcommands = {
            LoadCommand.class,
            GateCommand.class,
            BaselineCommand.class,
            StartupCommand.class,
            SoakCommand.class,
            SmalltalkCommand.class,
            MicroCommand.class,
            NoGcCommand.class
        })
public final class BenchMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: load, gate or micro");
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (tests run it without exiting the JVM). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new BenchMain()).setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("stui bench: " + e.getMessage());
            return 2;
        });
        return cl;
    }
}
