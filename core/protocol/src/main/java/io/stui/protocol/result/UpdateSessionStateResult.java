package io.stui.protocol.result;

import com.fasterxml.jackson.databind.JsonNode;
import io.stui.protocol.Command;
import java.time.Instant;

/**
 * Result of {@code update_session_state}.
 *
 * @param sessionId         the session
 * @param lastModified      the time of this update
 * @param sessionState      the state now stored
 * @param updateSuccessful  true
 */
public record UpdateSessionStateResult(
        String sessionId, Instant lastModified, JsonNode sessionState, boolean updateSuccessful)
        implements CommandResult {
    public Command command() {
        return Command.UPDATE_SESSION_STATE;
    }
}
