package io.stui.server.cli;

import io.stui.server.StuiServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code stui} launcher: {@code serve}, {@code call}, {@code eval}, {@code repl}, {@code st}, {@code test},
 * {@code demo} and {@code keygen}. Run {@code stui help <subcommand>} for each one's flags.
 */
@Command(
        name = "stui",
        mixinStandardHelpOptions = true,
        version = "stui " + StuiServer.VERSION,
        description = "STUI: a Smalltalk server over ZeroMQ, and its command-line client.",
        subcommands = {
            ServeCommand.class,
            CallCommand.class,
            EvalCommand.class,
            ReplCommand.class,
            StCommand.class,
            TestCommand.class,
            LoadCommand.class,
            DemoCommand.class,
            KeygenCommand.class,
            CommandLine.HelpCommand.class
        })
public final class StuiMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Entry point of the shaded jar. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the launcher and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        return new CommandLine(new StuiMain())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
