package io.stui.server.command;

import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;
import io.stui.server.session.SessionException;

/** Maps server-internal failures onto the protocol's error codes. */
final class Errors {
    private Errors() {}

    static StuiException of(SessionException e) {
        ErrorCode code = switch (e.reason()) {
            case INVALID_REQUEST -> ErrorCode.INVALID_REQUEST;
            case LIMIT -> ErrorCode.SESSION_ERROR;
            case PERMISSION_DENIED -> ErrorCode.PERMISSION_DENIED;
            case NOT_FOUND -> ErrorCode.SESSION_NOT_FOUND;
        };
        return new StuiException(code, e.getMessage());
    }
}
