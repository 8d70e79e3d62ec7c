package io.stui.zmq.internal.jeromq;

import io.stui.zmq.ZmqError;
import io.stui.zmq.ZmqException;
import zmq.ZError;

/** Maps JeroMQ's own errno numbers to portable names and builds exceptions. */
final class JeromqErrors {
    private JeromqErrors() {}

    /** JeroMQ has no ENODEV (libzmq's answer to binding a host that does not resolve): the platform's number. */
    static final int ENODEV = 19;

    static ZmqError code(int errno) {
        return switch (errno) {
            case ZError.EAGAIN -> ZmqError.EAGAIN;
            case ZError.EINTR -> ZmqError.EINTR;
            case ZError.ETERM -> ZmqError.ETERM;
            case ZError.EFSM -> ZmqError.EFSM;
            case ZError.ENOTSOCK -> ZmqError.ENOTSOCK;
            case ZError.EINVAL -> ZmqError.EINVAL;
            case ZError.EPROTONOSUPPORT -> ZmqError.EPROTONOSUPPORT;
            case ZError.ENOTSUP -> ZmqError.ENOTSUP;
            case ZError.EADDRINUSE -> ZmqError.EADDRINUSE;
            case ZError.EADDRNOTAVAIL -> ZmqError.EADDRNOTAVAIL;
            case ENODEV -> ZmqError.ENODEV;
            case ZError.ENOENT -> ZmqError.ENOENT;
            case ZError.EMSGSIZE -> ZmqError.EMSGSIZE;
            case ZError.EHOSTUNREACH -> ZmqError.EHOSTUNREACH;
            case ZError.ECONNREFUSED -> ZmqError.ECONNREFUSED;
            case ZError.ENOCOMPATPROTO -> ZmqError.ENOCOMPATPROTO;
            case ZError.EMTHREAD -> ZmqError.EMTHREAD;
            case ZError.EMFILE -> ZmqError.EMFILE;
            case ZError.EFAULT -> ZmqError.EFAULT;
            case ZError.ENOBUFS -> ZmqError.ENOBUFS;
            case ZError.ENETDOWN -> ZmqError.ENETDOWN;
            case ZError.ETIMEDOUT -> ZmqError.ETIMEDOUT;
            default -> ZmqError.OTHER;
        };
    }

    /** JeroMQ's number for a portable name (0 for OTHER). */
    static int errno(ZmqError code) {
        return switch (code) {
            case EAGAIN -> ZError.EAGAIN;
            case EINTR -> ZError.EINTR;
            case ETERM -> ZError.ETERM;
            case EFSM -> ZError.EFSM;
            case ENOTSOCK -> ZError.ENOTSOCK;
            case EINVAL -> ZError.EINVAL;
            case EPROTONOSUPPORT -> ZError.EPROTONOSUPPORT;
            case ENOTSUP -> ZError.ENOTSUP;
            case EADDRINUSE -> ZError.EADDRINUSE;
            case EADDRNOTAVAIL -> ZError.EADDRNOTAVAIL;
            case ENODEV -> ENODEV;
            case ENOENT -> ZError.ENOENT;
            case EMSGSIZE -> ZError.EMSGSIZE;
            case EHOSTUNREACH -> ZError.EHOSTUNREACH;
            case ECONNREFUSED -> ZError.ECONNREFUSED;
            case ENOCOMPATPROTO -> ZError.ENOCOMPATPROTO;
            case EMTHREAD -> ZError.EMTHREAD;
            case EMFILE -> ZError.EMFILE;
            case EFAULT -> ZError.EFAULT;
            case ENOBUFS -> ZError.ENOBUFS;
            case ENETDOWN -> ZError.ENETDOWN;
            case ETIMEDOUT -> ZError.ETIMEDOUT;
            default -> 0;
        };
    }

    static ZmqException error(String operation, int errno, String endpoint) {
        ZmqError code = code(errno);
        String text = errno == 0 ? "JeroMQ reported a failure without an error number" : jeromqText(errno);
        if (text == null || text.isBlank() || text.startsWith("errno")) {
            text = code.description();
        }
        return new ZmqException(operation, errno, code, text, endpoint);
    }

    /**
     * What JeroMQ threw instead of setting an errno, as the {@link ZmqException} libzmq's errno gives:
     * its socket types throw UnsupportedOperationException ("Must Override") for an operation the type
     * does not have, where libzmq says ENOTSUP; name resolution and some socket calls throw ZMQException.
     * Returns null for anything else (a bug, left to propagate).
     */
    static ZmqException translate(RuntimeException e, String operation, String endpoint) {
        return switch (e) {
            case ZmqException z -> z;
            case org.zeromq.UncheckedZMQException z ->
                error(operation, z instanceof org.zeromq.ZMQException ze ? ze.getErrorCode() : 0, endpoint);
            case UnsupportedOperationException u -> error(operation, ZError.ENOTSUP, endpoint);
            default -> null;
        };
    }

    private static String jeromqText(int errno) {
        try {
            return ZError.toString(errno);
        } catch (IllegalArgumentException e) { // a number JeroMQ has no text for (ENODEV)
            return null;
        }
    }

    /** ENOTSUP for what JeroMQ lacks, saying so: a ZmqException like every other failure. */
    static ZmqException unsupported(String feature) {
        return new ZmqException(
                feature,
                ZError.ENOTSUP,
                ZmqError.ENOTSUP,
                "the JeroMQ backend does not support this; use the native backend (libzmq) for it",
                null);
    }
}
