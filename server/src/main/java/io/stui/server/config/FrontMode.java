package io.stui.server.config;

import java.util.Locale;
import java.util.Optional;

/** How the server's front answers requests (setting {@code front-mode}). */
public enum FrontMode {
    /**
     * The zguide shape: a ROUTER in front of the worker pool. Only the cheapest commands (ping, counters) are
     * answered on the front thread; everything else runs on a worker. The oracle the fast mode is tested against.
     */
    PLAIN,
    /**
     * The engine's interactive commands run in place on the front thread, which hands its sockets to another
     * thread when one takes long: two thread hand-offs fewer per request.
     */
    FAST;

    /** The setting's value: {@code plain} or {@code fast}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named {@code plain} or {@code fast} (any case). */
    public static Optional<FrontMode> fromName(String name) {
        for (FrontMode m : values()) {
            if (m.wireName().equalsIgnoreCase(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
