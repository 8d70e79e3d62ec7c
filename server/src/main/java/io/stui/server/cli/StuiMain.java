package io.stui.server.cli;

import io.stui.server.StuiServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code stui} launcher: {@code serve}, {@code call}, {@code eval}, {@code repl}, {@code st}, {@code test},
 * {@code demo}, {@code keygen} and {@code store}. Run {@code stui help <subcommand>} for each one's flags.
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
            StoreCommand.class,
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
        if (args.length > 0 && args[0].equals("serve")) {
            ServeHeadStart.begin();
        }
        Integer quick = QuickCommandLine.run(args);
        if (quick != null) {
            return quick;
        }
        CommandLine single = args.length > 0 ? quickCommand(args[0]) : null;
        if (single != null) {
            return single.setCaseInsensitiveEnumValuesAllowed(true)
                    .execute(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        return new CommandLine(new StuiMain())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    /**
     * The commands a person waits for ({@code eval}, {@code call}, {@code st}, and {@code serve} until
     * its first answer) run with a command line of their own: picocli builds its model of every
     * subcommand it is given, by reflection and without help from the JVM's class archive (its
     * classes are too old a format to be archived), and building the whole launcher's loaded the
     * REPL's (JLine) and the demo's classes on every start. Null for the other commands.
     */
    private static CommandLine quickCommand(String name) {
        Object command = switch (name) {
            case "eval" -> new EvalCommand();
            case "call" -> new CallCommand();
            case "st" -> new StCommand();
            case "serve" -> new ServeCommand();
            default -> null;
        };
        return command == null ? null : new CommandLine(command).setCommandName("stui " + name);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
