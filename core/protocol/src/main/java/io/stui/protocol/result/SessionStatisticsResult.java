package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code get_session_statistics}.
 *
 * @param totalSessions        sessions currently held
 * @param activeClients        distinct clients with a session
 * @param maxSessionsPerClient the per-client limit
 * @param defaultTimeout       default idle timeout, seconds
 * @param cleanupInterval      seconds between expiry sweeps
 */
public record SessionStatisticsResult(
        int totalSessions, int activeClients, int maxSessionsPerClient, long defaultTimeout, long cleanupInterval)
        implements CommandResult {
    public Command command() {
        return Command.GET_SESSION_STATISTICS;
    }
}
