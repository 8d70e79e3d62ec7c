package io.stui.zmq.internal.jeromq;

import io.stui.zmq.ErrorCode;
import io.stui.zmq.ZmqException;
import zmq.ZError;

/** Maps JeroMQ's own errno numbers to portable names and builds exceptions. */
final class JeromqErrors {
    private JeromqErrors() {}

    static ErrorCode code(int errno) {
        return switch (errno) {
            case ZError.EAGAIN -> ErrorCode.EAGAIN;
            case ZError.EINTR -> ErrorCode.EINTR;
            case ZError.ETERM -> ErrorCode.ETERM;
            case ZError.EFSM -> ErrorCode.EFSM;
            case ZError.ENOTSOCK -> ErrorCode.ENOTSOCK;
            case ZError.EINVAL -> ErrorCode.EINVAL;
            case ZError.EPROTONOSUPPORT -> ErrorCode.EPROTONOSUPPORT;
            case ZError.ENOTSUP -> ErrorCode.ENOTSUP;
            case ZError.EADDRINUSE -> ErrorCode.EADDRINUSE;
            case ZError.EADDRNOTAVAIL -> ErrorCode.EADDRNOTAVAIL;
            case ZError.ENOENT -> ErrorCode.ENOENT;
            case ZError.EMSGSIZE -> ErrorCode.EMSGSIZE;
            case ZError.EHOSTUNREACH -> ErrorCode.EHOSTUNREACH;
            case ZError.ECONNREFUSED -> ErrorCode.ECONNREFUSED;
            case ZError.ENOCOMPATPROTO -> ErrorCode.ENOCOMPATPROTO;
            case ZError.EMTHREAD -> ErrorCode.EMTHREAD;
            case ZError.EMFILE -> ErrorCode.EMFILE;
            case ZError.EFAULT -> ErrorCode.EFAULT;
            case ZError.ENOBUFS -> ErrorCode.ENOBUFS;
            case ZError.ENETDOWN -> ErrorCode.ENETDOWN;
            case ZError.ETIMEDOUT -> ErrorCode.ETIMEDOUT;
            default -> ErrorCode.OTHER;
        };
    }

    static ZmqException error(String operation, int errno, String endpoint) {
        ErrorCode code = code(errno);
        String text = errno == 0 ? "JeroMQ reported a failure without an error number" : ZError.toString(errno);
        if (text == null || text.isBlank() || text.startsWith("errno")) {
            text = code.description();
        }
        return new ZmqException(operation, errno, code, text, endpoint);
    }

    static UnsupportedOperationException unsupported(String feature) {
        return new UnsupportedOperationException(
                "The JeroMQ backend does not support " + feature + "; use the native backend (libzmq) for it");
    }
}
