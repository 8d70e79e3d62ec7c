package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ZSocket#receive(ZSocket.FrameReader, int)} over frames of equal and different sizes, small
 * (kept inside libzmq's zmq_msg_t, so the native backend lends the same view again) and large: every
 * frame is read with its own bytes and length, never a previous frame's.
 */
class LentFrameTest extends BackendTestBase {
    @Test
    void eachLentFrameShowsItsOwnBytes() {
        Linked link = link(SocketType.PULL, SocketType.PUSH, "inproc://lent-frames");
        ZSocket push = link.connected();
        ZSocket pull = link.bound();
        List<String> sent =
                List.of("aa", "bb", "bb", "c", "", "dd", "x".repeat(40), "y".repeat(40), "z".repeat(5000), "ee");
        for (String s : sent) {
            push.send(s);
        }
        List<String> seen = new ArrayList<>();
        for (String s : sent) {
            long n = pull.receive(
                    frame -> seen.add(new String(frame.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8)), 0);
            assertEquals(s.length(), n);
        }
        assertEquals(sent, seen);
    }
}
