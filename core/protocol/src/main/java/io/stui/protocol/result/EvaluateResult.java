package io.stui.protocol.result;

import io.stui.protocol.Command;

/**
 * Result of {@code evaluate}.
 *
 * @param result        the printString of the value
 * @param resultType    the value's class name
 * @param executionTime milliseconds spent evaluating
 * @param hasError      false for a result (failures are error answers)
 * @param transcript    text written to Transcript during this evaluation ("" when none)
 * @param objectId      the value's id in the session's object registry, or null outside a session
 */
public record EvaluateResult(
        String result, String resultType, long executionTime, boolean hasError, String transcript, String objectId)
        implements CommandResult {
    public Command command() {
        return Command.EVALUATE;
    }
}
