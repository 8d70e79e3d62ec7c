package io.stui.server.store;

import java.util.List;

/**
 * A workspace snapshot as kept on disk.
 *
 * @param sessionId   the session it belongs to
 * @param kind        {@link ContextKind#SAVED} for {@code save_context}, {@link ContextKind#AUTO} for auto-saves
 * @param savedAt     epoch milliseconds
 * @param snapshot    the engine's opaque snapshot bytes
 * @param variables   workspace variable names at the time of the save
 * @param historySize number of evaluations in the history at the time of the save
 * @param meta        server-side metadata as a JSON object text (inspector selection, known object ids)
 */
public record StoredContext(
        String sessionId,
        ContextKind kind,
        long savedAt,
        byte[] snapshot,
        List<String> variables,
        int historySize,
        String meta) {

    public StoredContext {
        variables = List.copyOf(variables);
        if (meta == null || meta.isBlank()) {
            meta = "{}";
        }
    }
}
