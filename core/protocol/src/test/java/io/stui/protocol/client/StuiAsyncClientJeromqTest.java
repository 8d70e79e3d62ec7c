package io.stui.protocol.client;

import io.stui.zmq.Backend;

/** {@link StuiAsyncClientTest} on the JEROMQ backend. */
class StuiAsyncClientJeromqTest extends StuiAsyncClientTest {
    @Override
    Backend backend() {
        return Backend.JEROMQ;
    }
}
