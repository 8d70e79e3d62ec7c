package io.stui.zmq;

import java.util.Locale;
import java.util.Optional;

/**
 * The implementation under the socket API.
 *
 * <ul>
 *   <li>{@link #NATIVE}: libzmq through the generated Panama bindings (the default).</li>
 *   <li>{@link #JEROMQ}: JeroMQ, pure Java; the fallback when libzmq cannot be loaded.</li>
 * </ul>
 *
 * <p>Choose with {@code -Dstui.zmq.backend=native|jeromq} or the environment variable
 * {@code STUI_ZMQ_BACKEND} (the system property wins), or per context with
 * {@link ZContext#ZContext(Backend)}. With neither set, NATIVE is used if libzmq loads; otherwise
 * JEROMQ is used and one warning line says why. An explicit NATIVE that cannot load fails with
 * {@link BackendUnavailableException}.
 */
public enum Backend {
    NATIVE,
    JEROMQ;

    /** System property that selects the default backend. */
    public static final String PROPERTY = "stui.zmq.backend";
    /** Environment variable that selects the default backend when the property is unset. */
    public static final String ENVIRONMENT = "STUI_ZMQ_BACKEND";

    /** The backend named by the system property or environment variable, if any. */
    public static Optional<Backend> configured() {
        String value = System.getProperty(PROPERTY);
        String source = "-D" + PROPERTY;
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
            source = ENVIRONMENT;
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "native", "libzmq" -> Optional.of(NATIVE);
            case "jeromq", "java" -> Optional.of(JEROMQ);
            default ->
                throw new IllegalArgumentException(
                        source + "=" + value + " is not a ZeroMQ backend; use native or jeromq");
        };
    }

    /** The backend contexts use when none is given: configured, else NATIVE if libzmq loads, else JEROMQ. */
    public static Backend defaultBackend() {
        return BackendRegistry.defaultBackend();
    }

    /** True if this backend can be used in this JVM (for NATIVE: libzmq loads). */
    public boolean isAvailable() {
        return BackendRegistry.unavailableReason(this) == null;
    }
}
