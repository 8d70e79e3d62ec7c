package io.stui.server.cli;

import io.stui.server.store.StoreException;
import io.stui.server.store.StoreTools;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stui store check|backup|restore}: the operator's tools for a store file. */
@Command(
        name = "store",
        mixinStandardHelpOptions = true,
        description = "Check, back up (online) and restore a server's store file.",
        subcommands = {StoreCommand.Check.class, StoreCommand.Backup.class, StoreCommand.Restore.class})
final class StoreCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static int print(StoreTools.Report r, String what) {
        r.facts().forEach(f -> System.out.println(what + ": " + f));
        r.problems().forEach(p -> System.out.println(what + ": PROBLEM " + p));
        System.out.println(what + (r.ok() ? ": ok" : ": " + r.problems().size() + " problem(s)"));
        return r.ok() ? 0 : 1;
    }

    /** A tool that may refuse its files (a {@link StoreException}). */
    private interface Tool {
        int run();
    }

    /** Runs {@code tool}; a refusal is printed as {@code stui store SUBCOMMAND: why} with exit code 2. */
    private static int orRefused(String subcommand, Tool tool) {
        try {
            return tool.run();
        } catch (StoreException e) {
            System.err.println("stui store " + subcommand + ": " + e.getMessage());
            return 2;
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Read the whole store: SQLite's integrity check, the schema, the snapshots. Exit 0 sound,"
                    + " 1 problems found. Safe while a server runs.")
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The store file.")
        Path file;

        @Override
        public Integer call() {
            return print(StoreTools.check(file), file.toString());
        }
    }

    @Command(
            name = "backup",
            mixinStandardHelpOptions = true,
            description = "Write a consistent copy of the store (as of one commit) while a server may be using it,"
                    + " then check the copy.")
    static final class Backup implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The store file.")
        Path file;

        @Option(names = "--to", required = true, paramLabel = "OUT", description = "The backup file (must not exist).")
        Path out;

        @Override
        public Integer call() {
            return orRefused("backup", () -> print(StoreTools.backup(file, out), out.toString()));
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Replace a store with a checked backup; the server must be stopped. The replaced store is"
                    + " kept beside it as <store>.before-restore-<time>.")
    static final class Restore implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "BACKUP", description = "The backup file.")
        Path backup;

        @Option(names = "--to", required = true, paramLabel = "FILE", description = "The store file to replace.")
        Path store;

        @Override
        public Integer call() {
            return orRefused("restore", () -> {
                Path kept = StoreTools.restore(backup, store);
                System.out.println("restored " + backup + " to " + store
                        + (kept == null ? "" : "; the previous store is kept as " + kept));
                return 0;
            });
        }
    }
}
