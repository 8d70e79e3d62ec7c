package io.stui.server.config;

import java.nio.file.Path;

/**
 * Encryption, who may use the server, and how many sessions it holds (issue #16). The CURVE secret key is held
 * here, so {@link #toString()} hides it; the other files hold secrets or keys too and are named by path only, read
 * at start, never shown to clients.
 *
 * @param curveSecretKey  Z85 CURVE server secret key, or null for no encryption
 * @param insecure        the operator explicitly accepts a non-loopback bind without CURVE
 * @param tokenFile       file of {@code identity token} lines; every request must carry a token of it (null: none)
 * @param curveClientKeys directory of the public certificates of the clients CURVE lets in (null: any key)
 * @param plainPasswords  file of {@code user=password} lines for ZeroMQ's PLAIN mechanism (null: PLAIN off)
 * @param maxSessions     live sessions the server holds at once, all clients together
 */
public record SecuritySettings(
        String curveSecretKey,
        boolean insecure,
        Path tokenFile,
        Path curveClientKeys,
        Path plainPasswords,
        int maxSessions) {

    public SecuritySettings {
        if (curveSecretKey != null && curveSecretKey.isBlank()) {
            curveSecretKey = null;
        }
    }

    /** Live sessions at once by default: far beyond one team's use, far below what exhausts the heap. */
    public static final int DEFAULT_MAX_SESSIONS = 1000;

    /** No authentication, the default cap. */
    public static SecuritySettings defaults() {
        return new SecuritySettings(null, false, null, null, null, DEFAULT_MAX_SESSIONS);
    }

    /** True when clients prove who they are (a token file, allowed CURVE keys or PLAIN passwords). */
    public boolean authenticates() {
        return tokenFile != null || curveClientKeys != null || plainPasswords != null;
    }

    /** True when CURVE encryption is configured. */
    public boolean curveEnabled() {
        return curveSecretKey != null;
    }

    @Override
    public String toString() {
        return "SecuritySettings[curve=" + curveEnabled() + ", insecure=" + insecure + ", tokenFile=" + tokenFile
                + ", curveClientKeys=" + curveClientKeys + ", plainPasswords=" + plainPasswords + ", maxSessions="
                + maxSessions + "]";
    }
}
