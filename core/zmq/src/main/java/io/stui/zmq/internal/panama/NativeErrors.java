package io.stui.zmq.internal.panama;

import io.stui.zmq.ZmqError;
import io.stui.zmq.ZmqException;
import io.stui.zmq.bindings.zmq_h;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * errno numbers of libzmq on this platform and their portable names, from the constants the generated
 * bindings carry (zmq_h.EAGAIN() ...: the platform's errno as zmq.h sees it, and libzmq's own). Each is read
 * by name here, not looked up by reflection, which cost a short-lived client several milliseconds; the
 * compiler checks that the bindings have every name (NativeErrorsTest checks that none is left out).
 */
final class NativeErrors {
    private NativeErrors() {}

    private static final Map<ZmqError, Integer> NUMBERS = new EnumMap<>(ZmqError.class);
    private static final Map<Integer, ZmqError> CODES = new HashMap<>();

    static final int EAGAIN = zmq_h.EAGAIN();
    static final int EINTR = zmq_h.EINTR();
    static final int ETERM = zmq_h.ETERM();
    static final int ENOTSOCK = zmq_h.ENOTSOCK();

    static {
        number(ZmqError.EAGAIN, EAGAIN);
        number(ZmqError.EINTR, EINTR);
        number(ZmqError.ETERM, ETERM);
        number(ZmqError.EFSM, zmq_h.EFSM());
        number(ZmqError.ENOTSOCK, ENOTSOCK);
        number(ZmqError.EINVAL, zmq_h.EINVAL());
        number(ZmqError.EPROTONOSUPPORT, zmq_h.EPROTONOSUPPORT());
        number(ZmqError.ENOTSUP, zmq_h.ENOTSUP());
        number(ZmqError.EADDRINUSE, zmq_h.EADDRINUSE());
        number(ZmqError.EADDRNOTAVAIL, zmq_h.EADDRNOTAVAIL());
        number(ZmqError.ENODEV, zmq_h.ENODEV());
        number(ZmqError.ENOENT, zmq_h.ENOENT());
        number(ZmqError.EMSGSIZE, zmq_h.EMSGSIZE());
        number(ZmqError.EHOSTUNREACH, zmq_h.EHOSTUNREACH());
        number(ZmqError.ECONNREFUSED, zmq_h.ECONNREFUSED());
        number(ZmqError.ENOCOMPATPROTO, zmq_h.ENOCOMPATPROTO());
        number(ZmqError.EMTHREAD, zmq_h.EMTHREAD());
        number(ZmqError.EMFILE, zmq_h.EMFILE());
        number(ZmqError.EFAULT, zmq_h.EFAULT());
        number(ZmqError.ENOMEM, zmq_h.ENOMEM());
        number(ZmqError.ENOBUFS, zmq_h.ENOBUFS());
        number(ZmqError.ENETDOWN, zmq_h.ENETDOWN());
        number(ZmqError.ETIMEDOUT, zmq_h.ETIMEDOUT());
    }

    private static void number(ZmqError code, int errno) {
        NUMBERS.put(code, errno);
        CODES.putIfAbsent(errno, code);
    }

    static ZmqError code(int errno) {
        return CODES.getOrDefault(errno, ZmqError.OTHER);
    }

    /** This platform's number for a portable name (0 for OTHER). */
    static int errno(ZmqError code) {
        return NUMBERS.getOrDefault(code, 0);
    }

    static ZmqException error(String operation, int errno, String endpoint) {
        return new ZmqException(operation, errno, code(errno), Lib.strerror(errno), endpoint);
    }

    /** A call to a function the loaded libzmq does not export: ENOTSUP, naming the function and version. */
    static ZmqException missingFunction(String function, String libzmqVersion) {
        int errno = errno(ZmqError.ENOTSUP);
        return new ZmqException(
                function,
                errno,
                ZmqError.ENOTSUP,
                "libzmq " + libzmqVersion + " does not export " + function
                        + "; this operation needs a libzmq that does (a newer release, or one built with the draft API)",
                null);
    }

    static ZmqException closed(String operation) {
        return error(operation, ENOTSOCK, null);
    }
}
