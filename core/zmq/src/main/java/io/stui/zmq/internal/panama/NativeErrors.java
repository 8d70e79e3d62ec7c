package io.stui.zmq.internal.panama;

import io.stui.zmq.ZmqError;
import io.stui.zmq.ZmqException;
import io.stui.zmq.bindings.zmq_h;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * errno numbers of libzmq on this platform and their portable names. The numbers come from the
 * constants the generated bindings carry (zmq_h.EAGAIN() ...); names the bindings lack fall back to
 * Linux's values, since libzmq uses the platform's errno.
 */
final class NativeErrors {
    private NativeErrors() {}

    private static final int HAUSNUMERO = 156384712;
    private static final Map<ZmqError, Integer> LINUX = Map.ofEntries(
            Map.entry(ZmqError.EAGAIN, 11),
            Map.entry(ZmqError.EINTR, 4),
            Map.entry(ZmqError.EINVAL, 22),
            Map.entry(ZmqError.ENOTSOCK, 88),
            Map.entry(ZmqError.EPROTONOSUPPORT, 93),
            Map.entry(ZmqError.ENOTSUP, 95),
            Map.entry(ZmqError.EADDRINUSE, 98),
            Map.entry(ZmqError.EADDRNOTAVAIL, 99),
            Map.entry(ZmqError.ENODEV, 19),
            Map.entry(ZmqError.ENOENT, 2),
            Map.entry(ZmqError.EMSGSIZE, 90),
            Map.entry(ZmqError.EHOSTUNREACH, 113),
            Map.entry(ZmqError.ECONNREFUSED, 111),
            Map.entry(ZmqError.EMFILE, 24),
            Map.entry(ZmqError.EFAULT, 14),
            Map.entry(ZmqError.ENOMEM, 12),
            Map.entry(ZmqError.ENOBUFS, 105),
            Map.entry(ZmqError.ENETDOWN, 100),
            Map.entry(ZmqError.ETIMEDOUT, 110),
            Map.entry(ZmqError.EFSM, HAUSNUMERO + 51),
            Map.entry(ZmqError.ENOCOMPATPROTO, HAUSNUMERO + 52),
            Map.entry(ZmqError.ETERM, HAUSNUMERO + 53),
            Map.entry(ZmqError.EMTHREAD, HAUSNUMERO + 54));

    private static final Map<ZmqError, Integer> NUMBERS = new EnumMap<>(ZmqError.class);
    private static final Map<Integer, ZmqError> CODES = new HashMap<>();

    static final int EAGAIN;
    static final int EINTR;
    static final int ETERM;
    static final int ENOTSOCK;

    static {
        for (ZmqError c : ZmqError.values()) {
            if (c == ZmqError.OTHER) {
                continue;
            }
            Integer n = fromBindings(c.name());
            if (n == null) {
                n = LINUX.get(c);
            }
            if (n != null) {
                NUMBERS.put(c, n);
                CODES.putIfAbsent(n, c);
            }
        }
        EAGAIN = zmq_h.EAGAIN();
        EINTR = zmq_h.EINTR();
        ETERM = zmq_h.ETERM();
        ENOTSOCK = zmq_h.ENOTSOCK();
    }

    private static Integer fromBindings(String name) {
        try {
            Method m = zmq_h.class.getMethod(name);
            if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == int.class) {
                return (Integer) m.invoke(null);
            }
        } catch (ReflectiveOperationException e) {
            // Not generated: the Linux table answers.
        }
        return null;
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
