package io.stui.zmq;

/**
 * A real ZeroMQ error (never a would-block: that is a normal result of the API).
 *
 * <p>Carries the backend's errno number, its portable name ({@link #code()}), the error text
 * ({@code zmq_strerror} for libzmq) and, for bind/connect/unbind/disconnect, the endpoint.
 */
public class ZmqException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final ZmqError code;
    private final String errorText;
    private final String operation;
    private final String endpoint;

    /**
     * @param operation what was being done, e.g. "bind" or "send"
     * @param errno     the backend's error number
     * @param code      its portable name
     * @param errorText the backend's description of the error
     * @param endpoint  the endpoint involved, or null
     */
    public ZmqException(String operation, int errno, ZmqError code, String errorText, String endpoint) {
        super(format(operation, errno, code, errorText, endpoint));
        this.errno = errno;
        this.code = code;
        this.errorText = errorText;
        this.operation = operation;
        this.endpoint = endpoint;
    }

    private static String format(String operation, int errno, ZmqError code, String text, String endpoint) {
        StringBuilder sb = new StringBuilder(operation);
        if (endpoint != null) {
            sb.append(" '").append(endpoint).append('\'');
        }
        sb.append(" failed: ")
                .append(code == ZmqError.OTHER ? "errno " + errno : code.name())
                .append(" (")
                .append(text)
                .append(", errno ")
                .append(errno)
                .append(')');
        String hint = hint(code, endpoint != null);
        if (!hint.isEmpty()) {
            sb.append("; ").append(hint);
        }
        return sb.toString();
    }

    private static String hint(ZmqError code, boolean hasEndpoint) {
        return switch (code) {
            case EADDRINUSE -> "another socket holds this address; pick another port or bind to tcp://127.0.0.1:*";
            case EPROTONOSUPPORT -> "use one of tcp://, ipc://, inproc:// (or pgm/epgm/ws where built in)";
            case EINVAL -> hasEndpoint ? "check the endpoint syntax, e.g. tcp://127.0.0.1:5555" : "check the argument";
            case ENOTSOCK -> "the socket is closed; create a new one";
            case ETERM -> "the context is closing; close this socket";
            case EFSM -> "this socket type needs strict send/receive alternation (REQ: send, then receive)";
            case ENOCOMPATPROTO -> "this transport does not work with this socket type";
            case ENODEV, EADDRNOTAVAIL -> "the address is not available on this machine";
            default -> "";
        };
    }

    /** The backend's error number (platform errno for libzmq, JeroMQ's own numbers for JeroMQ). */
    public int errno() {
        return errno;
    }

    /** The portable name of the error. */
    public ZmqError code() {
        return code;
    }

    /** The errno name, e.g. {@code "EFSM"}, or {@code "errno N"} for numbers without a name. */
    public String errorName() {
        return code == ZmqError.OTHER ? "errno " + errno : code.name();
    }

    /** The backend's error text (libzmq's {@code zmq_strerror}). */
    public String errorText() {
        return errorText;
    }

    /** What was being done when the error happened, e.g. "connect". */
    public String operation() {
        return operation;
    }

    /** The endpoint of a bind/connect/unbind/disconnect, or null. */
    public String endpoint() {
        return endpoint;
    }

    /** True when the context is closing (ETERM): the socket should be closed. */
    public boolean isContextTerminated() {
        return code == ZmqError.ETERM;
    }
}
