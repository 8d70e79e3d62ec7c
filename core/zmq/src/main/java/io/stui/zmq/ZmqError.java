package io.stui.zmq;

/**
 * Portable names for the errors ZeroMQ reports. The numbers behind them differ between libzmq (which
 * uses the platform's errno values) and JeroMQ (which uses its own), so compare names, not numbers.
 */
public enum ZmqError {
    /** Would block: not an error for the caller, the API returns false, an empty Optional or -1. */
    EAGAIN("Resource temporarily unavailable"),
    /** A blocking call was interrupted by a signal; the API retries it. */
    EINTR("Interrupted system call"),
    /** The context is closing; close the socket. */
    ETERM("Context was terminated"),
    /** The operation is not allowed in the socket's current state (for example REQ sending twice). */
    EFSM("Operation cannot be accomplished in current state"),
    /** The socket is closed (or was never a socket). */
    ENOTSOCK("Socket operation on non-socket"),
    EINVAL("Invalid argument"),
    EPROTONOSUPPORT("Protocol not supported"),
    ENOTSUP("Operation not supported"),
    EADDRINUSE("Address already in use"),
    EADDRNOTAVAIL("Cannot assign requested address"),
    ENODEV("No such device"),
    ENOENT("No such file or directory"),
    EMSGSIZE("Message too long"),
    EHOSTUNREACH("No route to host"),
    ECONNREFUSED("Connection refused"),
    ENOCOMPATPROTO("The protocol is not compatible with the socket type"),
    EMTHREAD("No thread available"),
    EMFILE("Too many open files"),
    EFAULT("Bad address"),
    ENOMEM("Cannot allocate memory"),
    ENOBUFS("No buffer space available"),
    ENETDOWN("Network is down"),
    ETIMEDOUT("Connection timed out"),
    /** Any errno this enum has no name for; {@link ZmqException#errno()} has the number. */
    OTHER("Unknown error");

    private final String description;

    ZmqError(String description) {
        this.description = description;
    }

    /** The usual strerror text, used when the backend has none. */
    public String description() {
        return description;
    }

    /** The constant with this name, or {@link #OTHER}. */
    public static ZmqError byName(String name) {
        for (ZmqError c : values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return OTHER;
    }
}
