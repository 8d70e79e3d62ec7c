package io.stui.protocol.client;

import io.stui.zmq.Backend;

/** {@link StuiClientTest} on the JEROMQ backend. */
class StuiClientJeromqTest extends StuiClientTest {
    @Override
    Backend backend() {
        return Backend.JEROMQ;
    }
}
