package io.stui.zmq;

import io.stui.zmq.internal.jeromq.JeromqProvider;
import io.stui.zmq.internal.panama.NativeProvider;
import io.stui.zmq.spi.BackendProvider;
import org.slf4j.LoggerFactory;

/** Loads backends once and resolves the default one. */
final class BackendRegistry {
    private BackendRegistry() {}

    /** Loaded on first use: class initialisation is the JVM's own once-only lock. */
    private static final class NativeHolder {
        static final Throwable FAILURE;
        static final BackendProvider PROVIDER;

        static {
            BackendProvider provider = null;
            Throwable failure = null;
            try {
                provider = NativeProvider.load();
            } catch (Throwable e) { // UnsatisfiedLinkError, ExceptionInInitializerError, NoClassDefFoundError...
                failure = e;
            }
            PROVIDER = provider;
            FAILURE = failure;
        }
    }

    private static Backend defaultBackend;

    /** Resolved once; a bad property value throws every time instead of poisoning a class initialiser. */
    static synchronized Backend defaultBackend() {
        if (defaultBackend == null) {
            defaultBackend = Backend.configured().orElseGet(() -> {
                if (NativeHolder.PROVIDER != null) {
                    return Backend.NATIVE;
                }
                // The logger is looked up here, not in a static field: starting the logging framework costs a
                // short-lived client (stui eval) about 20 ms it does not otherwise spend.
                LoggerFactory.getLogger(BackendRegistry.class)
                        .warn(
                                "libzmq could not be loaded ({}); using the JeroMQ backend. Install libzmq 4.3 or set -D{}=jeromq to silence this.",
                                describe(NativeHolder.FAILURE),
                                Backend.PROPERTY);
                return Backend.JEROMQ;
            });
        }
        return defaultBackend;
    }

    static BackendProvider provider(Backend backend) {
        return switch (backend) {
            case JEROMQ -> JeromqProvider.INSTANCE;
            case NATIVE -> {
                if (NativeHolder.PROVIDER == null) {
                    throw new BackendUnavailableException(
                            "The native ZeroMQ backend is unavailable: libzmq could not be loaded ("
                                    + describe(NativeHolder.FAILURE)
                                    + "). Install libzmq 4.3 (native/install-libzmq.sh), run with "
                                    + "--enable-native-access=ALL-UNNAMED, or choose the JeroMQ backend.",
                            NativeHolder.FAILURE);
                }
                yield NativeHolder.PROVIDER;
            }
        };
    }

    static String unavailableReason(Backend backend) {
        if (backend == Backend.NATIVE && NativeHolder.PROVIDER == null) {
            return describe(NativeHolder.FAILURE);
        }
        return null;
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }
}
