package io.stui.zmq.spi;

import io.stui.zmq.Backend;

/** Creates contexts of one backend. Internal SPI. */
public interface BackendProvider {
    Backend backend();

    /** The ZeroMQ version this backend speaks. */
    String version();

    ContextDriver newContext();
}
