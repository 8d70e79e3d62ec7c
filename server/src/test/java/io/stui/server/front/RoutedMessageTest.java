package io.stui.server.front;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutedMessageTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> text(List<byte[]> frames) {
        return frames.stream().map(f -> new String(f, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void reqPeerKeepsItsDelimiter() {
        RoutedMessage m = RoutedMessage.split(List.of(b("id"), b(""), b("{}")));
        assertEquals(List.of("id", ""), text(m.envelope()));
        assertEquals(List.of("{}"), text(m.body()));
    }

    @Test
    void dealerWithoutDelimiterGetsJustTheIdentity() {
        RoutedMessage m = RoutedMessage.split(List.of(b("id"), b("{}")));
        assertEquals(List.of("id"), text(m.envelope()));
        assertEquals(List.of("{}"), text(m.body()));
    }

    @Test
    void proxiedEnvelopeIsKeptWhole() {
        RoutedMessage m = RoutedMessage.split(List.of(b("id1"), b("id2"), b(""), b("{}")));
        assertEquals(List.of("id1", "id2", ""), text(m.envelope()));
        assertEquals(List.of("{}"), text(m.body()));
    }

    @Test
    void emptyBodyFromDealerAndExtraFramesAreBodyFrames() {
        RoutedMessage empty = RoutedMessage.split(List.of(b("id"), b("")));
        assertEquals(List.of("id"), text(empty.envelope()));
        assertEquals(List.of(""), text(empty.body()));
        RoutedMessage extra = RoutedMessage.split(List.of(b("id"), b(""), b("{}"), b("x")));
        assertEquals(List.of("{}", "x"), text(extra.body()));
    }
}
