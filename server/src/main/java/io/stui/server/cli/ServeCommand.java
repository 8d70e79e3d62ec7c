package io.stui.server.cli;

import io.stui.server.StuiServer;
import io.stui.server.config.ConfigException;
import io.stui.server.config.ConfigLoader;
import io.stui.server.config.ServerConfig;
import io.stui.server.config.SettingKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stui serve}: runs the server until SIGTERM or Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        modelTransformer = ServeCommand.SettingFlags.class,
        description = {
            "Run the STUI server until SIGTERM or Ctrl-C.",
            "Settings: flags > STUI_* environment > --config file > defaults (see server/README.md)."
        })
final class ServeCommand implements Callable<Integer> {

    /** Gives the command a flag {@code --key} for each setting that has one ({@link SettingKeys}). */
    static final class SettingFlags implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            for (String key : SettingKeys.ALL) {
                String help = SettingKeys.flagHelp(key);
                if (help != null) {
                    command.addOption(OptionSpec.builder("--" + key)
                            .type(String.class)
                            .paramLabel(SettingKeys.flagLabel(key))
                            .description(help)
                            .build());
                }
            }
            return command;
        }
    }

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Settings file (.properties or .json); also STUI_CONFIG.")
    String config;

    @Option(names = "--insecure", description = "Allow a non-loopback bind without CURVE (clear text on the network).")
    Boolean insecure;

    @Spec
    CommandSpec spec;

    /** The flags read by {@link QuickCommandLine} instead of picocli, by setting key; null when picocli read them. */
    Map<String, String> quickFlags;

    /** The flags given, by setting key: each option's long name without its dashes. */
    Map<String, String> flags() {
        if (quickFlags != null) {
            return quickFlags;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            Object value = o.getValue();
            if (value != null && !o.usageHelp() && !o.versionHelp()) {
                m.put(o.longestName().substring(2), value.toString());
            }
        }
        return m;
    }

    @Override
    public Integer call() throws Exception {
        ServerConfig cfg;
        try {
            cfg = ConfigLoader.load(System.getenv(), flags());
        } catch (ConfigException e) {
            System.err.println("stui serve: " + e.getMessage());
            return 2;
        }
        StuiServer server;
        try {
            server = StuiServer.start(cfg);
        } catch (IllegalStateException | ConfigException | io.stui.server.store.StoreException e) {
            System.err.println("stui serve: " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(server::close, "stui-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.println("stui server " + StuiServer.VERSION + " listening on " + server.endpoint()
                + (server.metricsPort() > 0
                        ? ", metrics on http://" + cfg.metrics().host() + ":" + server.metricsPort() + "/metrics"
                        : "")
                + " (Ctrl-C to stop)");
        System.out.flush();
        server.awaitStop();
        return 0;
    }
}
