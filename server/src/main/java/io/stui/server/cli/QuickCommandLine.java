package io.stui.server.cli;

import io.stui.protocol.Encoding;
import io.stui.server.config.SettingKeys;
import io.stui.smalltalk.cli.StMain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiPredicate;

/**
 * The common forms of {@code stui eval}, {@code stui call}, {@code stui st} and {@code stui serve}, read without
 * picocli:
 * picocli builds its model of a command by reflection from classes too old a format for the JVM's
 * class archive, which took a fifth of these commands' start-up. Only what picocli would read the same
 * way is accepted here (the connection flags, {@code --session}, the positional arguments); anything
 * else (help, a bad value, an unknown flag, {@code --}, an {@code @file}, a credential in the
 * environment) answers null, and picocli parses the line and says what it says today.
 */
final class QuickCommandLine {
    private QuickCommandLine() {}

    /** Runs {@code args} when they are a common form; null when picocli must read them. */
    static Integer run(String[] args) {
        if (args.length == 0) {
            return null;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        Callable<Integer> command = switch (args[0]) {
            case "eval" -> eval(rest, System.getenv());
            case "call" -> call(rest, System.getenv());
            case "st" -> st(rest);
            case "serve" -> serve(rest);
            default -> null;
        };
        if (command == null) {
            return null;
        }
        try {
            return command.call();
        } catch (Exception e) {
            // what picocli's execute() does with an exception a command throws
            e.printStackTrace();
            return 1;
        }
    }

    /** {@code stui eval [flags] CODE}, or null. */
    static EvalCommand eval(List<String> args, Map<String, String> env) {
        EvalCommand eval = new EvalCommand();
        eval.client = defaults(env);
        if (eval.client == null) {
            return null;
        }
        List<String> positional = positionals(args, eval.client, (name, value) -> {
            if (!name.equals("-s") && !name.equals("--session")) {
                return false;
            }
            eval.session = value;
            return true;
        });
        if (positional == null || positional.size() != 1) {
            return null;
        }
        eval.code = positional.get(0);
        return eval;
    }

    /** {@code stui call [flags] COMMAND [KEY=VALUE...]}, or null. */
    static CallCommand call(List<String> args, Map<String, String> env) {
        CallCommand call = new CallCommand();
        call.client = defaults(env);
        if (call.client == null) {
            return null;
        }
        List<String> positional = positionals(args, call.client, (name, value) -> false);
        if (positional == null || positional.isEmpty()) {
            return null;
        }
        call.command = positional.get(0);
        call.pairs = List.copyOf(positional.subList(1, positional.size()));
        return call;
    }

    /**
     * Reads the flags into {@code client} (and those {@code own} takes) and answers the positional arguments,
     * or null when any argument is one picocli must read: a flag neither knows, a flag without its value, or a
     * positional argument that is not plain.
     */
    private static List<String> positionals(
            List<String> args, ClientOptionsMixin client, BiPredicate<String, String> own) {
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = optionName(arg);
            if (name == null) {
                if (!plain(arg)) {
                    return null;
                }
                positional.add(arg);
                continue;
            }
            String value = optionValue(args, i);
            if (value == null || !(own.test(name, value) || connectionFlag(client, name, value))) {
                return null;
            }
            if (!arg.contains("=")) {
                i++;
            }
        }
        return positional;
    }

    /**
     * The flags of {@code stui serve} that take a value, by setting key: each is {@code --key}. QuickCommandLineTest
     * checks it against ServeCommand's options.
     */
    static final Set<String> SERVE_SETTINGS = SettingKeys.valuedFlags();

    /**
     * {@code stui serve [--key VALUE | --key=VALUE]...} with settings flags only, each at most once, or null:
     * the settings are checked where picocli's reading of them is checked, by the settings loader.
     */
    static ServeCommand serve(List<String> args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = optionName(arg);
            if (name == null || !name.startsWith("--")) {
                return null;
            }
            String key = name.substring(2);
            String value = optionValue(args, i);
            // a repeated flag is an error picocli reports
            if (!SERVE_SETTINGS.contains(key) || value == null || flags.containsKey(key)) {
                return null;
            }
            flags.put(key, value);
            if (!arg.contains("=")) {
                i++;
            }
        }
        ServeCommand serve = new ServeCommand();
        serve.quickFlags = flags;
        return serve;
    }

    /** {@code stui st ...}: everything goes to the evaluator, as StCommand's {@code @Unmatched} does. */
    static Callable<Integer> st(List<String> args) {
        if (!args.stream().allMatch(a -> !a.equals("--") && !a.startsWith("@"))) {
            return null;
        }
        String[] all = args.toArray(String[]::new);
        return () -> StMain.run(all, System.in, System.out, System.err);
    }

    /**
     * The connection flags as picocli would fill them with none given; null (picocli then reads the
     * line) when a credential comes from the environment, since its errors are picocli's to report.
     */
    private static ClientOptionsMixin defaults(Map<String, String> env) {
        if (env.containsKey("STUI_TOKEN_FILE")
                || env.containsKey("STUI_CLIENT_KEY")
                || env.containsKey("STUI_SERVER_KEY")) {
            return null;
        }
        ClientOptionsMixin o = new ClientOptionsMixin();
        String endpoint = env.get(ClientOptionsMixin.ENDPOINT_VARIABLE);
        o.endpoint = endpoint == null || endpoint.isEmpty()
                ? io.stui.protocol.client.ClientOptions.DEFAULT_ENDPOINT
                : endpoint;
        o.timeoutMs = Long.parseLong(ClientOptionsMixin.DEFAULT_TIMEOUT_MS);
        o.tries = Integer.parseInt(ClientOptionsMixin.DEFAULT_TRIES);
        o.encoding = Encoding.COMMAND;
        return o;
    }

    /** Sets the connection flag {@code name}; false when it is not one read here or its value is not picocli's. */
    private static boolean connectionFlag(ClientOptionsMixin o, String name, String value) {
        try {
            switch (name) {
                case "-e", "--endpoint" -> o.endpoint = value;
                case "--timeout-ms" -> o.timeoutMs = Long.parseLong(value);
                case "--tries" -> o.tries = Integer.parseInt(value);
                default -> {
                    return false;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The flag an argument names ({@code --name=value} gives {@code --name}), or null for a positional one. */
    private static String optionName(String arg) {
        if (!arg.startsWith("-") || arg.equals("-")) {
            return null;
        }
        int eq = arg.indexOf('=');
        return arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
    }

    /** The value of the flag at {@code i}: after its {@code =}, else the next argument; null when there is none. */
    private static String optionValue(List<String> args, int i) {
        String arg = args.get(i);
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
            return arg.substring(eq + 1);
        }
        if (i + 1 >= args.size() || !plain(args.get(i + 1))) {
            return null;
        }
        return args.get(i + 1);
    }

    /** An argument picocli reads as it is (not a flag, not an argument file). */
    private static boolean plain(String arg) {
        return !arg.startsWith("-") && !arg.startsWith("@");
    }
}
