package io.stui.protocol.client;

import io.stui.zmq.Backend;

/** {@link StuiClientTest} on the NATIVE backend. */
class StuiClientNativeTest extends StuiClientTest {
    @Override
    Backend backend() {
        return Backend.NATIVE;
    }
}
