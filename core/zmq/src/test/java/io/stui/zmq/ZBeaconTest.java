package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two beacons find each other over loopback broadcast; prefixes filter, a beacon ignores its own. */
class ZBeaconTest {
    private static final String LOOPBACK_BROADCAST = "127.255.255.255";

    private static int freeUdpPort() throws Exception {
        try (DatagramChannel c = DatagramChannel.open()) {
            c.bind(new InetSocketAddress(0));
            return ((InetSocketAddress) c.getLocalAddress()).getPort();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void twoBeaconsOnOnePortHearEachOtherAndNotThemselves() throws Exception {
        int port = freeUdpPort();
        BlockingQueue<String> heardByA = new LinkedBlockingQueue<>();
        BlockingQueue<String> heardByB = new LinkedBlockingQueue<>();
        try (ZBeacon a = new ZBeacon(LOOPBACK_BROADCAST, port, utf8("SVC a tcp://127.0.0.1:1"));
                ZBeacon b = new ZBeacon(LOOPBACK_BROADCAST, port, utf8("SVC b tcp://127.0.0.1:2"))) {
            a.setPrefix(utf8("SVC"));
            b.setPrefix(utf8("SVC"));
            a.setListener((sender, data) -> heardByA.add(new String(data, StandardCharsets.UTF_8)));
            b.setListener((sender, data) -> heardByB.add(new String(data, StandardCharsets.UTF_8)));
            a.setBroadcastInterval(Duration.ofMillis(50));
            b.setBroadcastInterval(Duration.ofMillis(50));
            a.start();
            b.start();
            String first = heardByA.poll(10, TimeUnit.SECONDS);
            assertNotNull(first, "a heard nothing");
            assertEquals("SVC b tcp://127.0.0.1:2", first, "a hears b, never itself");
            assertEquals("SVC a tcp://127.0.0.1:1", heardByB.poll(10, TimeUnit.SECONDS));
            for (String s : heardByA) {
                assertEquals("SVC b tcp://127.0.0.1:2", s);
            }
        }
    }

    @Test
    void aPrefixFiltersBeacons() throws Exception {
        int port = freeUdpPort();
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (ZBeacon other = new ZBeacon(LOOPBACK_BROADCAST, port, utf8("OTHER x"));
                ZBeacon wanted = new ZBeacon(LOOPBACK_BROADCAST, port, utf8("WANTED y"));
                ZBeacon listener = new ZBeacon(LOOPBACK_BROADCAST, port, utf8("LISTENER"))) {
            listener.setPrefix(utf8("WANTED"));
            listener.setListener((sender, data) -> heard.add(new String(data, StandardCharsets.UTF_8)));
            listener.start();
            other.setBroadcastInterval(Duration.ofMillis(20));
            other.start();
            wanted.start();
            assertEquals("WANTED y", heard.poll(10, TimeUnit.SECONDS));
            assertTrue(heard.stream().allMatch(s -> s.startsWith("WANTED")), heard.toString());
        }
    }

    @Test
    void aBeaconIsSmall() {
        assertThrows(IllegalArgumentException.class, () -> new ZBeacon(LOOPBACK_BROADCAST, 5670, new byte[256]));
    }
}
