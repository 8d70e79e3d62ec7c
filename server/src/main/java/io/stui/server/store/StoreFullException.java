package io.stui.server.store;

/**
 * The store could not write because its disk (or its size limit) is full. Nothing was changed; the same write
 * succeeds once space returns, with no restart.
 */
public final class StoreFullException extends StoreException {
    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
