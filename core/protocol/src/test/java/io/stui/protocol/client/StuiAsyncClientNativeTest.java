package io.stui.protocol.client;

import io.stui.zmq.Backend;

/** {@link StuiAsyncClientTest} on the NATIVE backend. */
class StuiAsyncClientNativeTest extends StuiAsyncClientTest {
    @Override
    Backend backend() {
        return Backend.NATIVE;
    }
}
