package io.stui.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.server.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("tokens"), text);
    }

    @Test
    void mapsTokensToIdentities() throws IOException {
        TokenFile t = TokenFile.read(file("# team\n\nalice  aaaaaaaaaaaaaaaa1\nbob bbbbbbbbbbbbbbbb2\n"));
        assertEquals(2, t.size());
        assertEquals(Optional.of("alice"), t.identityOf("aaaaaaaaaaaaaaaa1"));
        assertEquals(Optional.of("bob"), t.identityOf("bbbbbbbbbbbbbbbb2"));
        assertEquals(Optional.empty(), t.identityOf("aaaaaaaaaaaaaaaa"));
        assertEquals(Optional.empty(), t.identityOf(null));
        assertEquals(Optional.empty(), t.identityOf("x".repeat(TokenFile.MAX_TOKEN_LENGTH + 1)));
    }

    @Test
    void refusesShortDuplicateOrMalformedLinesWithoutShowingTheToken() throws IOException {
        String shortToken = "tooshort-15char";
        for (String text : new String[] {
            "alice " + shortToken + "\n",
            "alice aaaaaaaaaaaaaaaa1\nbob aaaaaaaaaaaaaaaa1\n",
            "alice\n",
            "al/ice aaaaaaaaaaaaaaaa1\n",
            "# only comments\n"
        }) {
            ConfigException e = assertThrows(ConfigException.class, () -> TokenFile.read(file(text)), text);
            assertFalse(e.getMessage().contains(shortToken) || e.getMessage().contains("aaaaaaaaaaaaaaaa1"), text);
        }
        ConfigException e =
                assertThrows(ConfigException.class, () -> TokenFile.read(file("alice " + shortToken + "\n")));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("16"), e.getMessage());
    }
}
