package io.stui.protocol.client;

import io.stui.protocol.ErrorCode;
import io.stui.protocol.StuiException;

/**
 * No answer came from the server in time: after every try of a blocking call, or within the
 * timeout of a pipelined one. The code is {@link ErrorCode#TIMEOUT}; unlike a {@code Timeout}
 * answered by the server, this one is raised by the client.
 */
public class ServerUnavailableException extends StuiException {
    private static final long serialVersionUID = 1L;

    public ServerUnavailableException(String message) {
        super(ErrorCode.TIMEOUT, message);
    }
}
