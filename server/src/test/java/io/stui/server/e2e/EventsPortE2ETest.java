package io.stui.server.e2e;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stui.server.StuiServer;
import io.stui.server.config.FrontMode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on adjacent ports: the first keeps its events socket on the second's port by default, and the second
 * is told so at start, with the flag that moves it.
 */
class EventsPortE2ETest {

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void aServerOnTheNextPortIsToldWhoHoldsItAndWhichFlagMovesIt() throws IOException {
        int port = freePortWithAFreeNext();
        String next = "tcp://127.0.0.1:" + (port + 1);
        try (StuiServer a = TestServers.start(FrontMode.FAST, first, Map.of("endpoint", "tcp://127.0.0.1:" + port))) {
            // another process may have taken the next port meanwhile: then the events socket went elsewhere
            assumeTrue(next.equals(a.eventsEndpoint()), "the next port was taken meanwhile: " + a.eventsEndpoint());
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> TestServers.start(FrontMode.FAST, second, Map.of("endpoint", next))
                            .close());
            assertTrue(e.getMessage().startsWith("Cannot bind " + next + ": "), e.getMessage());
            assertTrue(
                    e.getMessage()
                            .contains("A server on port " + port + " binds its events socket on port " + (port + 1)
                                    + " unless it is started with --events-endpoint"),
                    e.getMessage());
        }
    }

    /** A loopback port whose next port is free as well (both looked at now; a test on a busy machine may lose one). */
    private static int freePortWithAFreeNext() throws IOException {
        for (int tries = 0; tries < 50; tries++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = s.getLocalPort();
                if (port < 65534) {
                    try (ServerSocket n = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                        return port;
                    } catch (IOException taken) {
                        // try another
                    }
                }
            }
        }
        throw new IOException("no free pair of adjacent loopback ports");
    }
}
