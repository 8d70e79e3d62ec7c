package io.stui.zmq.internal.panama;

import io.stui.zmq.Backend;
import io.stui.zmq.spi.BackendProvider;
import io.stui.zmq.spi.ContextDriver;

/** The libzmq (Panama) backend. */
public final class NativeProvider implements BackendProvider {
    private final String version;

    private NativeProvider(String version) {
        this.version = version;
    }

    /**
     * Loads libzmq through the generated bindings and asks its version; the other downcalls are linked
     * when first used ({@link Lib}'s holder classes).
     *
     * @throws Throwable what class initialisation of the bindings threw (UnsatisfiedLinkError,
     *                   ExceptionInInitializerError, IllegalArgumentException...) when libzmq cannot be loaded
     */
    public static BackendProvider load() {
        String version = Lib.version();
        NativeErrors.code(0); // links the errno table now rather than at the first error
        return new NativeProvider(version);
    }

    @Override
    public Backend backend() {
        return Backend.NATIVE;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public ContextDriver newContext() {
        return new NativeContext(version);
    }
}
