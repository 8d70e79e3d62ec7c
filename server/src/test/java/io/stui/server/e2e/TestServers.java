package io.stui.server.e2e;

import io.stui.server.StuiServer;
import io.stui.server.config.ConfigLoader;
import io.stui.server.config.FrontMode;
import io.stui.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Starts in-process servers on a free loopback port with a store in a temporary directory. */
final class TestServers {
    private TestServers() {}

    /**
     * Settings under which only an interrupt stops {@code [true] whileTrue}: no step budget (it spends 100 million
     * steps in about 0.15 s, sooner than an interrupt may arrive) and a 30 s time limit that still bounds every
     * evaluation; room for the sessions one test class opens.
     */
    static final Map<String, String> LOOPS_RUN_UNTIL_INTERRUPTED =
            Map.of("eval-timeout-ms", "30000", "instruction-budget", "0", "max-sessions-per-client", "20");

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

    /** GET {@code path} from the server's health/metrics port on loopback, with a 10 s limit. */
    static HttpResponse<String> httpGet(HttpClient http, int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
