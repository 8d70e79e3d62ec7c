package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.util.List;

/**
 * Result of {@code get_history}.
 *
 * @param entries    the page asked for, oldest first
 * @param totalCount how many entries the history holds
 */
public record GetHistoryResult(List<HistoryItem> entries, int totalCount) implements CommandResult {
    public Command command() {
        return Command.GET_HISTORY;
    }
}
