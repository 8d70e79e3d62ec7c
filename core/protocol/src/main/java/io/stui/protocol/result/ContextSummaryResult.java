package io.stui.protocol.result;

import io.stui.protocol.Command;
import java.util.List;

/**
 * Result of {@code get_context_summary}.
 *
 * @param sessionId      the session
 * @param variables      workspace variables with class and printString
 * @param historySize    evaluations in the history
 * @param lastEvaluation the last one, or null
 * @param inspectorState inspector selection
 */
public record ContextSummaryResult(
        String sessionId,
        List<VariableSummary> variables,
        int historySize,
        LastEvaluation lastEvaluation,
        InspectorState inspectorState)
        implements CommandResult {
    public Command command() {
        return Command.GET_CONTEXT_SUMMARY;
    }
}
