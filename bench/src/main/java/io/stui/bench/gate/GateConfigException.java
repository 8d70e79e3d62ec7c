package io.stui.bench.gate;

/** A gate configuration file that cannot be used; the message says where and why. */
public final class GateConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public GateConfigException(String message) {
        super(message);
    }

    public GateConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
