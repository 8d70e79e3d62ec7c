package io.stui.protocol;

import java.util.Optional;

/**
 * The error codes of the STUI protocol. The command encoding carries them in {@code error_type},
 * the envelope encoding in {@code code}; the wire name is the enum constant's {@link #wireName()}.
 */
public enum ErrorCode {
    INVALID_REQUEST("InvalidRequest"),
    EVALUATION_ERROR("EvaluationError"),
    OBJECT_NOT_FOUND("ObjectNotFound"),
    CLASS_NOT_FOUND("ClassNotFound"),
    METHOD_NOT_FOUND("MethodNotFound"),
    PERMISSION_DENIED("PermissionDenied"),
    INTERNAL_ERROR("InternalError"),
    TIMEOUT("Timeout"),
    UNSUPPORTED_OPERATION("UnsupportedOperation"),
    SESSION_ERROR("SessionError"),
    SESSION_NOT_FOUND("SessionNotFound"),
    /** A method or a loaded file does not parse or compile; details name the line and column (and the file). */
    COMPILATION_ERROR("CompilationError"),
    /** The evaluation was stopped by an {@code interrupt}. */
    INTERRUPTED("Interrupted"),
    /** The store's disk (or its size limit) is full: writes fail until space returns; deletes still work. */
    STORAGE_FULL("StorageFull"),
    /** The answer is larger than the server's {@code max-answer-bytes}; nothing of it was sent. */
    RESPONSE_TOO_LARGE("ResponseTooLarge");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    /** The name written on the wire, e.g. {@code "SessionNotFound"}. */
    public String wireName() {
        return wireName;
    }

    /** The code with this wire name, if any (exact, case-sensitive match). */
    public static Optional<ErrorCode> fromWireName(String name) {
        for (ErrorCode code : values()) {
            if (code.wireName.equals(name)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
