package io.stui.zmq;

/** The backend asked for cannot run in this JVM, typically because libzmq cannot be loaded. */
public class BackendUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
