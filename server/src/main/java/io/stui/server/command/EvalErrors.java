package io.stui.server.command;

import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.smalltalk.EvalFailure;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a failed evaluation into the protocol error a client sees. */
final class EvalErrors {
    private EvalErrors() {}

    /** True for failures caused by the time limit, the step budget or an interrupt. */
    static boolean isLimit(EvalFailure f) {
        return f.kind() == EvalFailure.Kind.TIMEOUT
                || f.kind() == EvalFailure.Kind.BUDGET
                || f.kind() == EvalFailure.Kind.INTERRUPTED;
    }

    static StuiException of(EvalFailure f, long timeoutMillis) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error_class", f.errorClass());
        details.put("message_text", f.messageText());
        details.put("kind", f.kind().name());
        if (f.kind() == EvalFailure.Kind.SYNTAX) {
            details.put("line", f.line());
            details.put("column", f.column());
        }
        String trace = f.stackTrace().isEmpty() ? null : String.join("\n", f.stackTrace());
        return switch (f.kind()) {
            case TIMEOUT ->
                new StuiException(
                        ErrorCode.TIMEOUT,
                        "Evaluation stopped after its time limit of " + timeoutMillis
                                + " ms; make it faster or ask the operator to raise eval-timeout-ms.",
                        details,
                        trace,
                        null);
            case BUDGET ->
                new StuiException(
                        ErrorCode.TIMEOUT,
                        "Evaluation stopped: " + f.messageText()
                                + "; make it do less work or ask the operator to raise instruction-budget.",
                        details,
                        trace,
                        null);
            case INTERRUPTED ->
                new StuiException(
                        ErrorCode.INTERRUPTED,
                        "Evaluation was interrupted: " + f.messageText() + ".",
                        details,
                        trace,
                        null);
            case INTERNAL ->
                new StuiException(
                        ErrorCode.INTERNAL_ERROR,
                        "The evaluator failed: " + f.describe() + "; the workspace is still usable.",
                        details,
                        trace,
                        null);
            default -> new StuiException(ErrorCode.EVALUATION_ERROR, f.describe(), details, trace, null);
        };
    }
}
