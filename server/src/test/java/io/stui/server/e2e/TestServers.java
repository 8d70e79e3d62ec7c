package io.stui.server.e2e;

import io.stui.server.StuiServer;
import io.stui.server.config.ConfigLoader;
import io.stui.server.config.FrontMode;
import io.stui.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts in-process servers on a free loopback port with a store in a temporary directory. */
final class TestServers {
    private TestServers() {}

    static ServerConfig config(FrontMode mode, Path dir, Map<String, String> overrides) {
        Map<String, String> flags = new HashMap<>();
        flags.put("front-mode", mode.wireName());
        flags.put("endpoint", "tcp://127.0.0.1:*");
        flags.put("store", dir.resolve("stui.db").toString());
        flags.put("workers", "2");
        flags.putAll(overrides);
        return ConfigLoader.load(Map.of(), flags);
    }

    static StuiServer start(FrontMode mode, Path dir, Map<String, String> overrides) {
        return StuiServer.start(config(mode, dir, overrides));
    }

    static StuiServer start(FrontMode mode, Path dir) {
        return start(mode, dir, Map.of());
    }
}
