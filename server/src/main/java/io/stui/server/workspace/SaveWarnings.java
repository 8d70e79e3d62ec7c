package io.stui.server.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Warnings owed to a session's client, given with its next answer (the {@code warnings} field): a failed
 * auto-save must reach the person whose work is at risk, not only the server's log. Bounded: a few texts per
 * session, a cap on sessions with warnings outstanding.
 */
public final class SaveWarnings {
    static final int PER_SESSION = 4;
    static final int SESSIONS = 10_000;

    private final ConcurrentHashMap<String, List<String>> pending = new ConcurrentHashMap<>();

    /** Notes a warning for a session's next answer (the oldest are kept when too many pile up). */
    public void add(String sessionId, String text) {
        if (pending.size() >= SESSIONS && !pending.containsKey(sessionId)) {
            return;
        }
        pending.compute(sessionId, (id, list) -> {
            List<String> l = list == null ? new ArrayList<>() : list;
            if (l.size() < PER_SESSION) {
                l.add(text);
            }
            return l;
        });
    }

    /** The warnings owed to a session, removed: each is given once. */
    public List<String> take(String sessionId) {
        List<String> l = pending.remove(sessionId);
        return l == null ? List.of() : l;
    }

    /** The warning given for a failed auto-save. */
    public static String autosaveFailed(String error) {
        return "The automatic save of this session's workspace failed (" + error
                + "); it is retried, and your work is kept in memory until it succeeds or you save_context.";
    }
}
