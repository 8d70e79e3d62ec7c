package io.stui.zmq.internal.panama;

import io.stui.zmq.ZmqException;
import io.stui.zmq.bindings.zmq_h;
import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

/**
 * The libzmq downcalls the native backend makes, built from the generated bindings' addresses and
 * descriptors so that each failing call can capture errno itself (a later zmq_errno() call may see
 * a value the JVM has overwritten).
 *
 * <p>Blocking calls are never {@code critical} (that would stall the garbage collector while they
 * wait); only short non-blocking ones (zmq_msg_data/more, and sends/receives with DONTWAIT)
 * are. Touching this class loads libzmq: initialisation fails if it cannot be loaded. The handles
 * themselves are linked group by group, when a program first uses a group (the nested holder classes).
 */
final class Lib {
    private Lib() {}

    private static final Linker LINKER = Linker.nativeLinker();
    static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));

    private static final Class<?> P = MemorySegment.class;

    private enum Mode {
        PLAIN,
        CRITICAL,
        ERRNO,
        CRITICAL_ERRNO,
        CRITICAL_HEAP_ERRNO
    }

    /**
     * Loads libzmq before any function is resolved: a library that cannot load at all fails this class
     * (the backend is unavailable), and is not mistaken below for a function the library lacks.
     */
    private static final MemoryLayout LIBRARY_LOADED = zmq_h.C_INT;

    private static final MethodHandle MISSING;

    static {
        // Checked here, not where the _RAW handles are linked, so that a platform without 64-bit addresses
        // finds the backend unavailable when it loads, and not at its first socket.
        if (ValueLayout.ADDRESS.byteSize() != Long.BYTES) {
            throw new UnsupportedOperationException("the native backend needs 64-bit addresses");
        }
        try {
            MISSING = MethodHandles.lookup()
                    .findStatic(Lib.class, "missingFunction", MethodType.methodType(Object.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The handle {@code resolve} builds, or, when the loaded libzmq lacks the function (an older
     * release, or a build without the draft API), one of the same type that throws a {@link ZmqException}
     * naming the function and the library's version at each call. So a missing function costs only the
     * operations that need it, never this class's initialisation (jextract's holder classes throw an
     * {@link UnsatisfiedLinkError} when first touched).
     */
    static MethodHandle orMissing(String function, Supplier<MethodHandle> resolve, MethodType type) {
        try {
            return resolve.get();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            MethodHandle thrower = MethodHandles.insertArguments(MISSING, 0, function)
                    .asType(MethodType.methodType(type.returnType()));
            return MethodHandles.dropArguments(thrower, 0, type.parameterList());
        }
    }

    private static Object missingFunction(String function) {
        throw NativeErrors.missingFunction(function, versionOrUnknown());
    }

    private static String versionOrUnknown() {
        try {
            return version();
        } catch (RuntimeException e) {
            return "(version unknown)";
        }
    }

    private static MethodHandle h(
            String function,
            Supplier<MemorySegment> address,
            Supplier<FunctionDescriptor> fd,
            Mode mode,
            Class<?> ret,
            Class<?>... params) {
        boolean capture = mode == Mode.ERRNO || mode == Mode.CRITICAL_ERRNO || mode == Mode.CRITICAL_HEAP_ERRNO;
        Class<?>[] all = params;
        if (capture) {
            all = new Class<?>[params.length + 1];
            all[0] = P;
            System.arraycopy(params, 0, all, 1, params.length);
        }
        MethodType type = MethodType.methodType(ret, all);
        return orMissing(function, () -> h(address.get(), fd.get(), mode, type), type);
    }

    private static MethodHandle h(MemorySegment address, FunctionDescriptor fd, Mode mode, MethodType type) {
        MethodHandle mh = switch (mode) {
            case PLAIN -> LINKER.downcallHandle(address, fd);
            case CRITICAL -> LINKER.downcallHandle(address, fd, Linker.Option.critical(false));
            case ERRNO -> LINKER.downcallHandle(address, fd, Linker.Option.captureCallState("errno"));
            case CRITICAL_ERRNO ->
                LINKER.downcallHandle(
                        address, fd, Linker.Option.critical(false), Linker.Option.captureCallState("errno"));
            case CRITICAL_HEAP_ERRNO ->
                LINKER.downcallHandle(
                        address, fd, Linker.Option.critical(true), Linker.Option.captureCallState("errno"));
        };
        // Adapt once to the exact types used below, so the bindings may map size_t/int a little differently.
        return mh.asType(type);
    }

    /**
     * A critical downcall without errno capture whose pointer arguments and result are passed as 64-bit
     * addresses (the generated descriptor with each address layout made a long; the same registers on
     * every 64-bit ABI the linker supports).
     */
    private static MethodHandle raw(
            String function,
            Supplier<MemorySegment> address,
            Supplier<FunctionDescriptor> fd,
            Class<?> ret,
            Class<?>... params) {
        MethodType type = MethodType.methodType(ret, params);
        return orMissing(function, () -> raw(address.get(), fd.get(), type), type);
    }

    private static MethodHandle raw(MemorySegment address, FunctionDescriptor fd, MethodType type) {
        MemoryLayout[] args =
                fd.argumentLayouts().stream().map(Lib::addressAsLong).toArray(MemoryLayout[]::new);
        FunctionDescriptor rawFd = fd.returnLayout()
                .map(r -> FunctionDescriptor.of(addressAsLong(r), args))
                .orElseGet(() -> FunctionDescriptor.ofVoid(args));
        return LINKER.downcallHandle(address, rawFd, Linker.Option.critical(false))
                .asType(type);
    }

    private static MemoryLayout addressAsLong(MemoryLayout layout) {
        return layout instanceof AddressLayout ? ValueLayout.JAVA_LONG : layout;
    }

    /*
     * The calls that are neither hot nor critical (contexts, sockets, endpoints, setting options, the version,
     * a blocking receive's wait, NativeBlock's calloc and free) share one downcall: four 64-bit integer
     * arguments, a 64-bit integer result, errno captured. Each distinct C signature linked spins a stub class
     * and lambda forms at run time (5-8 ms of a short-lived client's start each, and no AOT cache holds them);
     * one shape for these is one stub instead of up to ten on a command-line client's path. This is sound on
     * every 64-bit ABI the FFM linker supports: pointer and int arguments travel in integer registers (an int
     * sign-extended, as Java's int-to-long conversion does), a callee ignores the argument registers it does
     * not declare, and an int result is the low half of the result register (the caller's (int) cast). None
     * of these functions is variadic, and none takes or returns a struct or a floating-point value. Only
     * addresses of memory this backend owns are passed (socket and context handles, the socket's own block,
     * endpoint strings it allocated), as to the _RAW handles. SharedDowncallTest checks it on libc.
     */

    /** The shared downcall: (function, errno capture, four longs) long; linked on the first call. */
    private static final class SharedDowncall {
        private SharedDowncall() {}

        static final MethodHandle CALL = LINKER.downcallHandle(
                FunctionDescriptor.of(
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG),
                Linker.Option.captureCallState("errno"));
    }

    /**
     * A C function (libzmq's, or libc's for {@link NativeBlock}) called through the shared downcall. A function the
     * loaded libzmq lacks throws a {@link ZmqException} naming it at each call, as {@link #orMissing} does for the
     * handles.
     */
    static final class CFunction {
        private final String name;
        /** Null when the loaded libzmq does not export the function. */
        private final MemorySegment address;

        private CFunction(String name, MemorySegment address) {
            this.name = name;
            this.address = address;
        }

        static CFunction of(String name, Supplier<MemorySegment> address) {
            try {
                return new CFunction(name, address.get());
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                return new CFunction(name, null);
            }
        }

        /** Calls the function with its arguments (pointers as addresses, ints widened); errno goes to {@code capture}. */
        long call(MemorySegment capture, long a, long b, long c, long d) {
            if (address == null) {
                throw NativeErrors.missingFunction(name, versionOrUnknown());
            }
            try {
                return (long) SharedDowncall.CALL.invokeExact(address, capture, a, b, c, d);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        long call(MemorySegment capture) {
            return call(capture, 0, 0, 0, 0);
        }

        long call(MemorySegment capture, long a) {
            return call(capture, a, 0, 0, 0);
        }

        long call(MemorySegment capture, long a, long b) {
            return call(capture, a, b, 0, 0);
        }

        long call(MemorySegment capture, long a, long b, long c) {
            return call(capture, a, b, c, 0);
        }
    }

    /*
     * Every downcall, in one holder class per group of calls that programs make together. A holder's
     * handles are linked when the holder is first used (class initialisation: once, thread-safe, and a
     * plain static final read afterwards), so a program links only the groups it uses: each handle spins a
     * stub class and lambda forms at run time, which no AOT cache can hold, and a client that sends and
     * receives does not wait for the monitor, the proxy or the forwarding calls.
     */

    /**
     * Every program: the context, its sockets and their endpoints (through the shared downcall), and each
     * socket's receive message.
     */
    static final class Sockets {
        private Sockets() {}

        static final CFunction CTX_NEW = CFunction.of("zmq_ctx_new", () -> zmq_h.zmq_ctx_new$address());
        static final CFunction CTX_TERM = CFunction.of("zmq_ctx_term", () -> zmq_h.zmq_ctx_term$address());
        static final CFunction CTX_SHUTDOWN = CFunction.of("zmq_ctx_shutdown", () -> zmq_h.zmq_ctx_shutdown$address());
        static final CFunction SOCKET = CFunction.of("zmq_socket", () -> zmq_h.zmq_socket$address());
        static final CFunction CLOSE = CFunction.of("zmq_close", () -> zmq_h.zmq_close$address());
        static final CFunction BIND = CFunction.of("zmq_bind", () -> zmq_h.zmq_bind$address());
        static final CFunction CONNECT = CFunction.of("zmq_connect", () -> zmq_h.zmq_connect$address());
        static final CFunction UNBIND = CFunction.of("zmq_unbind", () -> zmq_h.zmq_unbind$address());
        static final CFunction DISCONNECT = CFunction.of("zmq_disconnect", () -> zmq_h.zmq_disconnect$address());
        /*
         * zmq_msg_init and zmq_msg_close of the socket's own messages, by address like the hot calls below:
         * the same (long)int downcall as zmq_msg_more, so they link no stub of their own.
         */
        static final MethodHandle MSG_INIT_RAW = raw(
                "zmq_msg_init",
                () -> zmq_h.zmq_msg_init$address(),
                () -> zmq_h.zmq_msg_init$descriptor(),
                int.class,
                long.class);
        static final MethodHandle MSG_CLOSE_RAW = raw(
                "zmq_msg_close",
                () -> zmq_h.zmq_msg_close$address(),
                () -> zmq_h.zmq_msg_close$descriptor(),
                int.class,
                long.class);
    }

    /*
     * Every send and receive first tries the call that neither waits nor captures errno: a call that
     * captures errno makes and checks a slice of the capture segment each time, which code without escape
     * analysis (C1, the interpreter, C2 before the call site is hot) neither removes nor inlines (40 bytes
     * and several calls per downcall); a library cannot choose its users' JIT. Only success is read from
     * them; a failing one is followed by the capturing call (Waiting or NotWaiting, as the caller asked),
     * which tells EAGAIN/EINTR from a real error (libzmq leaves the message untouched and queues nothing
     * when a call fails).
     *
     * The hot ones (the _RAW handles) take their pointers as plain 64-bit addresses: a segment argument
     * costs several checks and calls per downcall (native-ness, liveness, offset) that only C2 compiles
     * away. They are used only with memory the socket itself owns (its block and send buffer, global
     * scope, freed on close after checkOpen) and socket handles, never with a caller's segment, whose
     * liveness and thread the segment handles check.
     */

    /** zmq_send of a frame copied into the socket's send buffer: every frame below 1 KiB a program sends. */
    static final class Send {
        private Send() {}

        static final MethodHandle SEND_TRY_RAW = raw(
                "zmq_send",
                () -> zmq_h.zmq_send$address(),
                () -> zmq_h.zmq_send$descriptor(),
                int.class,
                long.class,
                long.class,
                long.class,
                int.class);
    }

    /** Receiving a frame into the socket's message, and reading it there. */
    static final class Receive {
        private Receive() {}

        static final MethodHandle MSG_RECV_TRY_RAW = raw(
                "zmq_msg_recv",
                () -> zmq_h.zmq_msg_recv$address(),
                () -> zmq_h.zmq_msg_recv$descriptor(),
                int.class,
                long.class,
                long.class,
                int.class);
        static final MethodHandle MSG_MORE_RAW = raw(
                "zmq_msg_more",
                () -> zmq_h.zmq_msg_more$address(),
                () -> zmq_h.zmq_msg_more$descriptor(),
                int.class,
                long.class);
        /**
         * zmq_msg_data giving the raw address: the receive path copies from {@link Lib#EVERYTHING} at that
         * address, so no segment object is made per frame (the server's low-memory profile runs without C2,
         * whose escape analysis would otherwise remove them).
         */
        static final MethodHandle MSG_DATA_RAW = raw(
                "zmq_msg_data",
                () -> zmq_h.zmq_msg_data$address(),
                () -> zmq_h.zmq_msg_data$descriptor(),
                long.class,
                long.class);
        /**
         * The capturing receive after a failed try, for a caller that waits (a blocking client: a reply is rarely
         * there when it starts receiving), through the shared downcall.
         */
        static final CFunction MSG_RECV_WAIT = CFunction.of("zmq_msg_recv", () -> zmq_h.zmq_msg_recv$address());
    }

    /**
     * The capturing sends after a failed try, for a caller that waits: one whose peer's queue is full. (A
     * blocking receive waits through {@link Receive#MSG_RECV_WAIT}.)
     */
    static final class Waiting {
        private Waiting() {}

        static final MethodHandle SEND = h(
                "zmq_send",
                () -> zmq_h.zmq_send$address(),
                () -> zmq_h.zmq_send$descriptor(),
                Mode.ERRNO,
                int.class,
                P,
                P,
                long.class,
                int.class);
        static final MethodHandle MSG_SEND = h(
                "zmq_msg_send",
                () -> zmq_h.zmq_msg_send$address(),
                () -> zmq_h.zmq_msg_send$descriptor(),
                Mode.ERRNO,
                int.class,
                P,
                P,
                int.class);
    }

    /** The capturing calls after a failed try, with DONTWAIT: programs that poll (a server's front). */
    static final class NotWaiting {
        private NotWaiting() {}

        static final MethodHandle SEND_NB = h(
                "zmq_send",
                () -> zmq_h.zmq_send$address(),
                () -> zmq_h.zmq_send$descriptor(),
                Mode.CRITICAL_ERRNO,
                int.class,
                P,
                P,
                long.class,
                int.class);
        static final MethodHandle MSG_RECV_NB = h(
                "zmq_msg_recv",
                () -> zmq_h.zmq_msg_recv$address(),
                () -> zmq_h.zmq_msg_recv$descriptor(),
                Mode.CRITICAL_ERRNO,
                int.class,
                P,
                P,
                int.class);
        static final MethodHandle MSG_SEND_NB = h(
                "zmq_msg_send",
                () -> zmq_h.zmq_msg_send$address(),
                () -> zmq_h.zmq_msg_send$descriptor(),
                Mode.CRITICAL_ERRNO,
                int.class,
                P,
                P,
                int.class);
    }

    /** zmq_send straight from the caller's memory: a native segment, or a heap array of 1 KiB or more. */
    static final class SendSegment {
        private SendSegment() {}

        static final MethodHandle SEND_TRY = h(
                "zmq_send",
                () -> zmq_h.zmq_send$address(),
                () -> zmq_h.zmq_send$descriptor(),
                Mode.CRITICAL,
                int.class,
                P,
                P,
                long.class,
                int.class);
        /** zmq_send with DONTWAIT reading a Java array in place (a critical call may take heap segments). */
        static final MethodHandle SEND_HEAP_NB = h(
                "zmq_send",
                () -> zmq_h.zmq_send$address(),
                () -> zmq_h.zmq_send$descriptor(),
                Mode.CRITICAL_HEAP_ERRNO,
                int.class,
                P,
                P,
                long.class,
                int.class);
    }

    /** zmq_msg_send: forwarding a received frame, and a large frame copied into a message of its own. */
    static final class MessageSend {
        private MessageSend() {}

        static final MethodHandle MSG_SEND_TRY_RAW = raw(
                "zmq_msg_send",
                () -> zmq_h.zmq_msg_send$address(),
                () -> zmq_h.zmq_msg_send$descriptor(),
                int.class,
                long.class,
                long.class,
                int.class);
        static final MethodHandle MSG_INIT_SIZE = h(
                "zmq_msg_init_size",
                () -> zmq_h.zmq_msg_init_size$address(),
                () -> zmq_h.zmq_msg_init_size$descriptor(),
                Mode.ERRNO,
                int.class,
                P,
                long.class);
        static final MethodHandle MSG_DATA = h(
                "zmq_msg_data",
                () -> zmq_h.zmq_msg_data$address(),
                () -> zmq_h.zmq_msg_data$descriptor(),
                Mode.CRITICAL,
                P,
                P);
    }

    /** The ZAP user id of a received frame (servers that authenticate their clients). */
    static final class UserId {
        private UserId() {}

        /** {@code zmq_msg_gets(msg, property)}: the property's C string address, or 0 when the frame has none. */
        static final MethodHandle MSG_GETS_RAW = raw(
                "zmq_msg_gets",
                () -> zmq_h.zmq_msg_gets$address(),
                () -> zmq_h.zmq_msg_gets$descriptor(),
                long.class,
                long.class,
                long.class);
        /** The property name ZAP's user id is read by, as a C string that lives as long as the process. */
        static final long USER_ID_PROPERTY =
                java.lang.foreign.Arena.global().allocateFrom("User-Id").address();
    }

    /** Setting a socket option (through the shared downcall): every client sets a few (LINGER, timeouts). */
    static final class SetOption {
        private SetOption() {}

        static final CFunction SETSOCKOPT = CFunction.of("zmq_setsockopt", () -> zmq_h.zmq_setsockopt$address());
    }

    /** Reading a socket option (the last endpoint, ZMQ_EVENTS...). */
    static final class GetOption {
        private GetOption() {}

        static final MethodHandle GETSOCKOPT = h(
                "zmq_getsockopt",
                () -> zmq_h.zmq_getsockopt$address(),
                () -> zmq_h.zmq_getsockopt$descriptor(),
                Mode.ERRNO,
                int.class,
                P,
                int.class,
                P,
                P);
        /** For ZMQ_EVENTS only: libzmq processes pending commands without waiting, so the call is short. */
        static final MethodHandle GETSOCKOPT_NB = h(
                "zmq_getsockopt",
                () -> zmq_h.zmq_getsockopt$address(),
                () -> zmq_h.zmq_getsockopt$descriptor(),
                Mode.CRITICAL_ERRNO,
                int.class,
                P,
                int.class,
                P,
                P);
    }

    /** The context's options (I/O threads, maximum sockets). */
    static final class ContextOptions {
        private ContextOptions() {}

        static final MethodHandle CTX_SET = h(
                "zmq_ctx_set",
                () -> zmq_h.zmq_ctx_set$address(),
                () -> zmq_h.zmq_ctx_set$descriptor(),
                Mode.ERRNO,
                int.class,
                P,
                int.class,
                int.class);
        static final MethodHandle CTX_GET = h(
                "zmq_ctx_get",
                () -> zmq_h.zmq_ctx_get$address(),
                () -> zmq_h.zmq_ctx_get$descriptor(),
                Mode.ERRNO,
                int.class,
                P,
                int.class);
    }

    static final class Poll {
        private Poll() {}

        static final MethodHandle POLL = h(
                "zmq_poll",
                () -> zmq_h.zmq_poll$address(),
                () -> zmq_h.zmq_poll$descriptor(),
                Mode.ERRNO,
                int.class,
                P,
                int.class,
                long.class);
    }

    static final class Monitor {
        private Monitor() {}

        static final MethodHandle SOCKET_MONITOR = h(
                "zmq_socket_monitor",
                () -> zmq_h.zmq_socket_monitor$address(),
                () -> zmq_h.zmq_socket_monitor$descriptor(),
                Mode.ERRNO,
                int.class,
                P,
                P,
                int.class);
    }

    static final class Proxy {
        private Proxy() {}

        static final MethodHandle PROXY_STEERABLE = h(
                "zmq_proxy_steerable",
                () -> zmq_h.zmq_proxy_steerable$address(),
                () -> zmq_h.zmq_proxy_steerable$descriptor(),
                Mode.ERRNO,
                int.class,
                P,
                P,
                P,
                P);
    }

    /** Asked once, when the backend loads (through the shared downcall). */
    static final class Version {
        private Version() {}

        static final CFunction VERSION = CFunction.of("zmq_version", () -> zmq_h.zmq_version$address());
    }

    /** Only when an error is reported. */
    static final class ErrorText {
        private ErrorText() {}

        static final MethodHandle STRERROR = h(
                "zmq_strerror",
                () -> zmq_h.zmq_strerror$address(),
                () -> zmq_h.zmq_strerror$descriptor(),
                Mode.PLAIN,
                P,
                int.class);
    }

    /** All of native memory, to copy from an address libzmq handed out (bounds are the frame size, checked by the caller). */
    static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    /** The errno a call captured into {@code capture}. */
    static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    /** zmq_strerror's text for an errno. */
    static String strerror(int errno) {
        try {
            MemorySegment p = (MemorySegment) ErrorText.STRERROR.invokeExact(errno);
            return p.equals(MemorySegment.NULL)
                    ? "errno " + errno
                    : p.reinterpret(4096).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** libzmq's version, "major.minor.patch". */
    static String version() {
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ValueLayout.JAVA_INT, 3);
            long at = v.address();
            Version.VERSION.call(arena.allocate(CAPTURE_LAYOUT), at, at + 4, at + 8);
            return v.getAtIndex(ValueLayout.JAVA_INT, 0) + "." + v.getAtIndex(ValueLayout.JAVA_INT, 1) + "."
                    + v.getAtIndex(ValueLayout.JAVA_INT, 2);
        }
    }

    /** Downcalls only throw unchecked exceptions; pass them on unwrapped. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("unexpected checked exception from a downcall", t);
    }
}
