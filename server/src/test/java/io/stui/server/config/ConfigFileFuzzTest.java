package io.stui.server.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Configuration files against arbitrary contents (Jazzer), as JSON and as properties: a file is read into settings and
 * resolved into a configuration, or refused with a {@link ConfigException} that says what to fix; nothing else
 * escapes. In the normal test run only the committed inputs under {@code ConfigFileFuzzTestInputs/} are replayed;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class ConfigFileFuzzTest {

    private static final Path DIR = temporaryDirectory();

    @FuzzTest(maxDuration = "5s")
    void jsonFileLoadsOrSaysWhatToFix(byte[] contents) {
        loadsOrSaysWhatToFix(DIR.resolve("stui.json"), contents);
    }

    @FuzzTest(maxDuration = "5s")
    void propertiesFileLoadsOrSaysWhatToFix(byte[] contents) {
        loadsOrSaysWhatToFix(DIR.resolve("stui.properties"), contents);
    }

    private static void loadsOrSaysWhatToFix(Path file, byte[] contents) {
        try {
            Files.write(file, contents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Map<String, String> settings = ConfigLoader.readFile(file);
            assertNotNull(ConfigLoader.resolve(settings));
        } catch (ConfigException refused) {
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
        }
    }

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("stui-config-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
