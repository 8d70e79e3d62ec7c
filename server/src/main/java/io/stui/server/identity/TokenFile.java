package io.stui.server.identity;

import io.stui.server.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's token file: one {@code identity token} pair a line ({@code #} comments and blank lines allowed).
 * Tokens are at least {@value #MIN_TOKEN_LENGTH} characters (as the STUI connection form requires) and unique;
 * identities follow the client id rules. The table keeps only SHA-256 digests of the tokens, so a heap dump or a
 * debugger shows no token, and a lookup compares digests, not the secret's characters one by one.
 */
public final class TokenFile {

    /** The shortest token accepted. */
    public static final int MIN_TOKEN_LENGTH = 16;
    /** The longest token accepted: more is no safer, and bounds what a lookup hashes. */
    public static final int MAX_TOKEN_LENGTH = 1024;

    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    private final Map<String, String> identityByDigest;

    private TokenFile(Map<String, String> identityByDigest) {
        this.identityByDigest = Map.copyOf(identityByDigest);
    }

    /** Reads and checks a token file; errors name the line, never a token. */
    public static TokenFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(
                    "Cannot read the token file " + path + " (" + e.getClass().getSimpleName() + ").");
        }
        Map<String, String> byDigest = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            String where = "Token file " + path + " line " + (i + 1);
            if (parts.length != 2) {
                throw new ConfigException(where + " must be 'identity token' (two words).");
            }
            if (!IDENTITY.matcher(parts[0]).matches()) {
                throw new ConfigException(
                        where
                                + ": the identity must be 1-128 letters, digits or . _ : @ -, starting with a letter or digit.");
            }
            if (parts[1].length() < MIN_TOKEN_LENGTH || parts[1].length() > MAX_TOKEN_LENGTH) {
                throw new ConfigException(
                        where + ": the token must be " + MIN_TOKEN_LENGTH + " to " + MAX_TOKEN_LENGTH + " characters.");
            }
            if (byDigest.putIfAbsent(digest(parts[1]), parts[0]) != null) {
                throw new ConfigException(where + ": this token is already given to another line; tokens are unique.");
            }
        }
        if (byDigest.isEmpty()) {
            throw new ConfigException("Token file " + path + " holds no tokens; a server with a token file "
                    + "would refuse every client.");
        }
        return new TokenFile(byDigest);
    }

    /** The identity a token names, if the file has it. */
    public Optional<String> identityOf(String token) {
        if (token == null || token.length() < MIN_TOKEN_LENGTH || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return Optional.ofNullable(identityByDigest.get(digest(token)));
    }

    /** How many tokens the file holds. */
    public int size() {
        return identityByDigest.size();
    }

    private static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
