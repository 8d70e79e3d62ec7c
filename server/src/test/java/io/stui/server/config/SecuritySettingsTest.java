package io.stui.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.zmq.Curve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity settings: named files must exist, client keys need CURVE, the cap has a default. */
class SecuritySettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAuthenticateNobodyAndCapAtAThousand() {
        SecuritySettings s = ConfigLoader.resolve(Map.of()).security();
        assertFalse(s.authenticates());
        assertEquals(1000, s.maxSessions());
        assertEquals(
                250,
                ConfigLoader.resolve(Map.of("max-sessions", "250")).security().maxSessions());
    }

    @Test
    void aMissingFileOrClientKeysWithoutCurveAreRefused() throws IOException {
        ConfigException missing = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.resolve(
                        Map.of("token-file", dir.resolve("nope").toString())));
        assertTrue(missing.getMessage().contains("token-file"), missing.getMessage());
        Path keys = Files.createDirectory(dir.resolve("keys"));
        ConfigException noCurve = assertThrows(
                ConfigException.class, () -> ConfigLoader.resolve(Map.of("curve-client-keys", keys.toString())));
        assertTrue(noCurve.getMessage().contains("curve-secret-key"), noCurve.getMessage());
        SecuritySettings s = ConfigLoader.resolve(Map.of(
                        "curve-client-keys", keys.toString(),
                        "curve-secret-key", Curve.generateKeyPair().secretKeyZ85()))
                .security();
        assertTrue(s.authenticates());
        assertThrows(ConfigException.class, () -> ConfigLoader.resolve(Map.of("max-sessions", "0")));
    }
}
