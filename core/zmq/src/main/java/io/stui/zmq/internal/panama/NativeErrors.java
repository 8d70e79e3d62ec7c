package io.stui.zmq.internal.panama;

import io.stui.zmq.ErrorCode;
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
    private static final Map<ErrorCode, Integer> LINUX = Map.ofEntries(
            Map.entry(ErrorCode.EAGAIN, 11),
            Map.entry(ErrorCode.EINTR, 4),
            Map.entry(ErrorCode.EINVAL, 22),
            Map.entry(ErrorCode.ENOTSOCK, 88),
            Map.entry(ErrorCode.EPROTONOSUPPORT, 93),
            Map.entry(ErrorCode.ENOTSUP, 95),
            Map.entry(ErrorCode.EADDRINUSE, 98),
            Map.entry(ErrorCode.EADDRNOTAVAIL, 99),
            Map.entry(ErrorCode.ENODEV, 19),
            Map.entry(ErrorCode.ENOENT, 2),
            Map.entry(ErrorCode.EMSGSIZE, 90),
            Map.entry(ErrorCode.EHOSTUNREACH, 113),
            Map.entry(ErrorCode.ECONNREFUSED, 111),
            Map.entry(ErrorCode.EMFILE, 24),
            Map.entry(ErrorCode.EFAULT, 14),
            Map.entry(ErrorCode.ENOMEM, 12),
            Map.entry(ErrorCode.ENOBUFS, 105),
            Map.entry(ErrorCode.ENETDOWN, 100),
            Map.entry(ErrorCode.ETIMEDOUT, 110),
            Map.entry(ErrorCode.EFSM, HAUSNUMERO + 51),
            Map.entry(ErrorCode.ENOCOMPATPROTO, HAUSNUMERO + 52),
            Map.entry(ErrorCode.ETERM, HAUSNUMERO + 53),
            Map.entry(ErrorCode.EMTHREAD, HAUSNUMERO + 54));

    private static final Map<ErrorCode, Integer> NUMBERS = new EnumMap<>(ErrorCode.class);
    private static final Map<Integer, ErrorCode> CODES = new HashMap<>();

    static final int EAGAIN;
    static final int EINTR;
    static final int ETERM;
    static final int ENOTSOCK;

    static {
        for (ErrorCode c : ErrorCode.values()) {
            if (c == ErrorCode.OTHER) {
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

    static ErrorCode code(int errno) {
        return CODES.getOrDefault(errno, ErrorCode.OTHER);
    }

    static ZmqException error(String operation, int errno, String endpoint) {
        return new ZmqException(operation, errno, code(errno), Lib.strerror(errno), endpoint);
    }

    static ZmqException closed(String operation) {
        return error(operation, ENOTSOCK, null);
    }
}
