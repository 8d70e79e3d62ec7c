package io.stui.protocol.result;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.protocol.Command;
import java.time.Instant;
import java.util.Map;

/**
 * Result of {@code restore_session}.
 *
 * @param sessionId        the session
 * @param clientId         its owner
 * @param createdAt        creation time
 * @param lastModified     last change
 * @param timeout          idle seconds before expiry
 * @param isActive         whether it is open
 * @param sessionState     what the client stored with {@code update_session_state} (an object, {} if nothing)
 * @param workspaceContext workspace variable names
 * @param inspectorState   inspector selection
 * @param objectRegistry   object id to a description of the object
 */
public record RestoreSessionResult(
        String sessionId,
        String clientId,
        Instant createdAt,
        Instant lastModified,
        long timeout,
        boolean isActive,
        JsonNode sessionState,
        WorkspaceContext workspaceContext,
        InspectorState inspectorState,
        Map<String, String> objectRegistry)
        implements CommandResult {
    public Command command() {
        return Command.RESTORE_SESSION;
    }
}
