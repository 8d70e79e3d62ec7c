package io.stui.server.session;

/** A session operation was refused; {@link #reason()} maps onto the protocol's error codes. */
public final class SessionException extends RuntimeException {

    /** Why the operation was refused. */
    public enum Reason {
        /** Missing or malformed parameter ({@code InvalidRequest}). */
        INVALID_REQUEST,
        /** A limit was reached ({@code SessionError}). */
        LIMIT,
        /** The client is not allowed ({@code PermissionDenied}). */
        PERMISSION_DENIED,
        /** Unknown, closed or expired session ({@code SessionNotFound}). */
        NOT_FOUND
    }

    private final Reason reason;

    public SessionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the operation was refused. */
    public Reason reason() {
        return reason;
    }
}
