package io.stui.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A protocol-level failure: what a server answers as an error and what a client raises when it
 * receives one. Carries an {@link ErrorCode}, a one-sentence message for a person, optional
 * structured details (field name, line, column, ...) and an optional Smalltalk stack trace.
 */
public class StuiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Map<String, Object> details;
    private final String stackTraceText;

    /** An error with details (may be null or empty) and no stack trace. */
    public StuiException(ErrorCode code, String message, Map<String, ?> details) {
        this(code, message, details, null, null);
    }

    /** An error without details. */
    public StuiException(ErrorCode code, String message) {
        this(code, message, null, null, null);
    }

    /**
     * The full form.
     *
     * @param stackTraceText the Smalltalk (or server) stack trace sent as {@code stack_trace}; may be null
     * @param cause          a local cause, never sent on the wire; may be null
     */
    public StuiException(
            ErrorCode code, String message, Map<String, ?> details, String stackTraceText, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.details = details == null || details.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.stackTraceText = stackTraceText;
    }

    /**
     * Text from a request as an error message quotes it: at most 64 characters, so an answer never echoes an
     * input of unbounded length.
     */
    public static String shown(String fromRequest) {
        return fromRequest.length() <= 64
                ? fromRequest
                : fromRequest.substring(0, 64) + "... (" + fromRequest.length() + " characters)";
    }

    /** An {@code InvalidRequest} naming the offending field (recorded in details as {@code field}). */
    public static StuiException invalidField(String field, String message) {
        return new StuiException(ErrorCode.INVALID_REQUEST, message, Map.of("field", shown(field)));
    }

    /** The protocol error code. */
    public ErrorCode code() {
        return code;
    }

    /** Structured details, never null (empty when there are none). */
    public Map<String, Object> details() {
        return details;
    }

    /** The field this error is about, when it is an error about one request field. */
    public String field() {
        Object field = details.get("field");
        return field instanceof String s ? s : null;
    }

    /** The stack trace text sent on the wire, or null. */
    public String stackTraceText() {
        return stackTraceText;
    }

    @Override
    public String toString() {
        return code.wireName() + ": " + getMessage();
    }
}
