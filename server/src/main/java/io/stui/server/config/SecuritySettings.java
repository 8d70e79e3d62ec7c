package io.stui.server.config;

import java.nio.file.Path;

/**
 * Who may use the server, and how many sessions it holds (issue #16). Paths only: the files hold secrets or keys
 * and are read at start, never shown to clients.
 *
 * @param tokenFile       file of {@code identity token} lines; every request must carry a token of it (null: none)
 * @param curveClientKeys directory of the public certificates of the clients CURVE lets in (null: any key)
 * @param plainPasswords  file of {@code user=password} lines for ZeroMQ's PLAIN mechanism (null: PLAIN off)
 * @param maxSessions     live sessions the server holds at once, all clients together
 */
public record SecuritySettings(Path tokenFile, Path curveClientKeys, Path plainPasswords, int maxSessions) {

    /** Live sessions at once by default: far beyond one team's use, far below what exhausts the heap. */
    public static final int DEFAULT_MAX_SESSIONS = 1000;

    /** No authentication, the default cap. */
    public static SecuritySettings defaults() {
        return new SecuritySettings(null, null, null, DEFAULT_MAX_SESSIONS);
    }

    /** True when clients prove who they are (a token file, allowed CURVE keys or PLAIN passwords). */
    public boolean authenticates() {
        return tokenFile != null || curveClientKeys != null || plainPasswords != null;
    }
}
