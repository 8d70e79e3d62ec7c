package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.util.List;

/**
 * Result of {@code list_client_sessions}.
 *
 * @param clientId     the client
 * @param sessionCount number of sessions listed
 * @param sessions     the client's sessions
 */
public record ListClientSessionsResult(String clientId, int sessionCount, List<SessionSummary> sessions)
        implements CommandResult {
    public Command command() {
        return Command.LIST_CLIENT_SESSIONS;
    }
}
