package io.stui.protocol.result;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param suspended     true when a debug-mode evaluation stopped (breakpoint, halt, error); absent otherwise
 * @param debugId       the suspended evaluation's id for {@code debug}; absent unless suspended
 * @param inspection    the value inspected, as {@code inspect} answers it; only with {@code evaluation_mode: Inspect}
 */
public record EvaluateResult(
        String result,
        String resultType,
        long executionTime,
        boolean hasError,
        String transcript,
        String objectId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean suspended,
        @JsonInclude(JsonInclude.Include.NON_NULL) String debugId,
        @JsonInclude(JsonInclude.Include.NON_NULL) InspectResult inspection)
        implements CommandResult {
    /** An evaluation without an inspection (every mode but Inspect). */
    public EvaluateResult(
            String result,
            String resultType,
            long executionTime,
            boolean hasError,
            String transcript,
            String objectId,
            Boolean suspended,
            String debugId) {
        this(result, resultType, executionTime, hasError, transcript, objectId, suspended, debugId, null);
    }

    /** An evaluation that answered (the only kind before the live debugger). */
    public EvaluateResult(
            String result,
            String resultType,
            long executionTime,
            boolean hasError,
            String transcript,
            String objectId) {
        this(result, resultType, executionTime, hasError, transcript, objectId, null, null, null);
    }

    public Command command() {
        return Command.EVALUATE;
    }
}
