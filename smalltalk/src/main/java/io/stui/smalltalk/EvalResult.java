package io.stui.smalltalk;

import java.time.Duration;

/**
 * The outcome of {@link Workspace#evaluate}: either a value (printString, class, registry id) or a failure.
 * The Transcript output and elapsed time are reported in both cases.
 */
public record EvalResult(
        String printString,
        String className,
        String objectId,
        String transcript,
        Duration elapsed,
        EvalFailure failure) {
    public boolean ok() {
        return failure == null;
    }

    static EvalResult success(
            String printString, String className, String objectId, String transcript, Duration elapsed) {
        return new EvalResult(printString, className, objectId, transcript, elapsed, null);
    }

    static EvalResult failed(EvalFailure failure, String transcript, Duration elapsed) {
        return new EvalResult(null, null, null, transcript, elapsed, failure);
    }
}
