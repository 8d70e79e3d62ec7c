package io.stui.bench.load;

/** A load that could not run at all (no client could start, server unreachable); the message says why. */
public final class LoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
