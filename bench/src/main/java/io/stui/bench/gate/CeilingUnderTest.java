package io.stui.bench.gate;

import io.stui.bench.nativec.CeilingServer;
import java.util.OptionalLong;

/** The C ROUTER ceiling server as the server under test (to check the gate itself, or to see the limit). */
public final class CeilingUnderTest implements ServerUnderTest {
    private final CeilingServer server;

    public CeilingUnderTest(CeilingServer server) {
        this.server = server;
    }

    @Override
    public String endpoint() {
        return server.endpoint();
    }

    @Override
    public String description() {
        return "C ROUTER ceiling server (fixed reply, libzmq directly), pid " + server.pid() + ", " + server.endpoint();
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(server.pid());
    }

    @Override
    public boolean fixedReplies() {
        return true;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
