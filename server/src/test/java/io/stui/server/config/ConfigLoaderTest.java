package io.stui.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsMatchTheProtocol() {
        ServerConfig c = ConfigLoader.load(Map.of(), Map.of());
        assertEquals("tcp://127.0.0.1:5555", c.front().endpoint());
        assertEquals(Runtime.getRuntime().availableProcessors(), c.front().workers());
        assertEquals(Duration.ofSeconds(5), c.limits().evalTimeout());
        assertEquals(5, c.sessions().maxPerClient());
        assertEquals(Duration.ofSeconds(3600), c.sessions().timeout());
        assertEquals(Duration.ofSeconds(300), c.sessions().cleanupInterval());
        assertEquals(0, c.metrics().port());
        assertFalse(c.curveEnabled());
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws Exception {
        Path file = dir.resolve("stui.properties");
        Files.writeString(file, """
                workers=3
                eval-timeout-ms=1000
                max-sessions-per-client=7
                metrics-port=9100
                """);
        Map<String, String> env = Map.of(
                "STUI_CONFIG", file.toString(),
                "STUI_EVAL_TIMEOUT_MS", "2000",
                "STUI_MAX_SESSIONS_PER_CLIENT", "8",
                "STUI_ZMQ_BACKEND", "jeromq");
        ServerConfig c = ConfigLoader.load(env, Map.of("max-sessions-per-client", "9"));
        assertEquals(3, c.front().workers()); // file
        assertEquals(Duration.ofSeconds(2), c.limits().evalTimeout()); // env over file
        assertEquals(9, c.sessions().maxPerClient()); // flag over env
        assertEquals(9100, c.metrics().port()); // file
        assertEquals(Duration.ofSeconds(3600), c.sessions().timeout()); // default
    }

    @Test
    void aPropertiesFileWithABrokenEscapeIsRefusedWithWhatToFix() throws Exception {
        Path file = dir.resolve("broken.properties");
        Files.writeString(file, "endpoint=\\u12");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.readFile(file));
        assertTrue(e.getMessage().contains("not a valid properties file"), e.getMessage());
    }

    @Test
    void jsonFilesWithListsAndTheConfigFlag() throws Exception {
        Path file = dir.resolve("stui.json");
        Files.writeString(file, """
                {"allow-clients": ["ide-*", "ops"], "deny-clients": "bad", "session-timeout": 60, "insecure": false}
                """);
        ServerConfig c = ConfigLoader.load(Map.of(), Map.of("config", file.toString()));
        assertEquals(List.of("ide-*", "ops"), c.sessions().allowClients());
        assertEquals(List.of("bad"), c.sessions().denyClients());
        assertEquals(Duration.ofSeconds(60), c.sessions().timeout());
    }

    @Test
    void unknownKeysAndBadValuesAreNamed() throws Exception {
        Path file = dir.resolve("stui.properties");
        Files.writeString(file, "wokers=3\n");
        ConfigException e = assertThrows(
                ConfigException.class, () -> ConfigLoader.load(Map.of(), Map.of("config", file.toString())));
        assertTrue(e.getMessage().contains("wokers"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("STUI_WORKERS", "many"), Map.of()));
        assertTrue(e.getMessage().contains("workers"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(), Map.of("metrics-port", "70000")));
        assertTrue(e.getMessage().contains("metrics-port"), e.getMessage());
    }

    @Test
    void theEventsSocketFollowsTheSameBindRulesAndCanBeSwitchedOff() {
        ServerConfig d = ConfigLoader.load(Map.of(), Map.of());
        assertEquals(null, d.events().endpoint()); // the main endpoint's next port, resolved at start
        assertEquals(1000, d.events().hwm());
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(Map.of(), Map.of("events-endpoint", "tcp://0.0.0.0:5556")));
        assertTrue(e.getMessage().contains("events-endpoint"), e.getMessage());
        assertEquals(
                "none",
                ConfigLoader.load(Map.of("STUI_EVENTS_ENDPOINT", "none"), Map.of())
                        .events()
                        .endpoint());
        assertEquals(
                "tcp://127.0.0.1:5556", io.stui.server.events.EventPublisher.defaultEndpoint("tcp://127.0.0.1:5555"));
        assertEquals("tcp://127.0.0.1:*", io.stui.server.events.EventPublisher.defaultEndpoint("tcp://127.0.0.1:*"));
        assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(), Map.of("events-hwm", "-1")));
    }

    @Test
    void nonLoopbackBindNeedsCurveOrInsecure() throws Exception {
        ConfigException e = assertThrows(
                ConfigException.class, () -> ConfigLoader.load(Map.of(), Map.of("endpoint", "tcp://*:5555")));
        assertTrue(e.getMessage().contains("--insecure"), e.getMessage());
        assertThrows(
                ConfigException.class, () -> ConfigLoader.load(Map.of(), Map.of("endpoint", "tcp://0.0.0.0:5555")));
        assertThrows(
                ConfigException.class, () -> ConfigLoader.load(Map.of(), Map.of("endpoint", "tcp://10.1.2.3:5555")));
        assertTrue(ConfigLoader.load(Map.of(), Map.of("endpoint", "tcp://*:5555", "insecure", "true"))
                .security()
                .insecure());
        String key = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6";
        Path keyFile = dir.resolve("server.key");
        Files.writeString(keyFile, key + "\n");
        ServerConfig c = ConfigLoader.load(
                Map.of("STUI_CURVE_SECRET_KEY_FILE", keyFile.toString()), Map.of("endpoint", "tcp://*:5555"));
        assertTrue(c.curveEnabled());
        assertFalse(c.toString().contains(key));
        assertFalse(c.nonSecretSettings().toString().contains(keyFile.toString()));
        for (String local :
                List.of("tcp://127.0.0.1:1", "tcp://localhost:1", "tcp://[::1]:1", "ipc:///tmp/x", "inproc://x")) {
            assertTrue(ConfigLoader.isLoopbackEndpoint(local), local);
        }
    }

    @Test
    void aJsonFileThatIsNotOneObjectIsRefusedSayingWhy() throws Exception {
        Path trailing = dir.resolve("trailing.json");
        Files.writeString(trailing, "{\"workers\": 2} {\"workers\": 3}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.readFile(trailing));
        assertEquals(
                "Cannot read configuration file " + trailing + ": More after the JSON value (line 1, column 16)",
                e.getMessage());

        Path twice = dir.resolve("twice.json");
        Files.writeString(twice, "{\"workers\": 2, \"workers\": 3}");
        assertEquals(
                "Cannot read configuration file " + twice + ": Duplicate key 'workers'",
                assertThrows(ConfigException.class, () -> ConfigLoader.readFile(twice))
                        .getMessage());

        Path list = dir.resolve("list.json");
        Files.writeString(list, "[1]");
        assertEquals(
                "Configuration file " + list + " must hold one JSON object of settings.",
                assertThrows(ConfigException.class, () -> ConfigLoader.readFile(list))
                        .getMessage());
    }

    @Test
    void frontModeAndOldGenerationCeilingAreSettingsLikeAnyOther() throws Exception {
        ServerConfig d = ConfigLoader.load(Map.of(), Map.of());
        assertEquals(FrontMode.FAST, d.front().mode());
        assertEquals(8, d.image().oldGenFloorMiB());
        assertEquals(1.15, d.image().oldGenFactor());
        ServerConfig c = ConfigLoader.load(
                Map.of("STUI_FRONT_MODE", "plain", "STUI_OLD_GEN_FACTOR", "1.5"), Map.of("old-gen-floor-mib", "16"));
        assertEquals(FrontMode.PLAIN, c.front().mode());
        assertEquals(1.5, c.image().oldGenFactor());
        assertEquals(16, c.image().oldGenFloorMiB());
        assertEquals("plain", c.nonSecretSettings().get("front_mode"));
        assertEquals(
                FrontMode.FAST,
                ConfigLoader.load(Map.of("STUI_FRONT_MODE", "plain"), Map.of("front-mode", "FAST"))
                        .front()
                        .mode(),
                "a flag wins over the environment");
        assertEquals(
                "Setting front-mode must be plain or fast, got 'quick'.",
                assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(), Map.of("front-mode", "quick")))
                        .getMessage());
        assertEquals(
                "Setting old-gen-factor must be between 1 and 100, got 0.5.",
                assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of(), Map.of("old-gen-factor", "0.5")))
                        .getMessage());
    }

    @Test
    void aJsonSettingThatIsAnObjectIsRefusedByName() throws Exception {
        Path nested = dir.resolve("nested.json");
        Files.writeString(nested, "{\"workers\": {\"count\": 2}}");
        assertEquals(
                "Setting workers in " + nested
                        + " must be a string, a number, a boolean or a list of those, not a JSON object.",
                assertThrows(ConfigException.class, () -> ConfigLoader.readFile(nested))
                        .getMessage());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"workers\": ");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.readFile(broken))
                .getMessage()
                .startsWith("Cannot read configuration file " + broken + ": "));
    }
}
