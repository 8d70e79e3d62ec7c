package io.stui.zmq.internal.jeromq;

import io.stui.zmq.Backend;
import io.stui.zmq.spi.BackendProvider;
import io.stui.zmq.spi.ContextDriver;

/** The JeroMQ (pure Java) backend. */
public final class JeromqProvider implements BackendProvider {
    /** The one instance. */
    public static final JeromqProvider INSTANCE = new JeromqProvider();

    private JeromqProvider() {}

    @Override
    public Backend backend() {
        return Backend.JEROMQ;
    }

    @Override
    public String version() {
        return zmq.ZMQ.ZMQ_VERSION_MAJOR + "." + zmq.ZMQ.ZMQ_VERSION_MINOR + "." + zmq.ZMQ.ZMQ_VERSION_PATCH;
    }

    @Override
    public ContextDriver newContext() {
        return new JeromqContext(version());
    }
}
