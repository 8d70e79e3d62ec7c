package io.stui.server.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer queue alone: one doorbell per take however many answers wait, every answer forwarded in order. */
class AnswerQueueTest {

    private static final byte[] BELL = new byte[0];

    @Test
    void manyAnswersRingOnceAndAllAreForwardedInOrder() throws Exception {
        try (ZContext ctx = new ZContext()) {
            AnswerQueue queue = new AnswerQueue(ctx);
            try (ZSocket pull = queue.bindDoorbell()) {
                pull.setRcvTimeout(5_000);
                List<String> sent = new ArrayList<>();
                AnswerQueue.Sender sender =
                        (envelope, answer, length) -> sent.add(new String(answer, 0, length, StandardCharsets.UTF_8));
                Thread worker = Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 3; i++) {
                        queue.accepted();
                        queue.add(List.of(new byte[] {1}), ("a" + i).getBytes(StandardCharsets.UTF_8));
                    }
                    queue.closeOwnPush();
                });
                worker.join();
                assertEquals(3, queue.inFlight());
                assertTrue(pull.receive(BELL, 0) >= 0, "the first answer rang");
                assertEquals(-1, pull.receive(BELL, ZSocket.DONTWAIT), "the next two did not ring again");
                queue.takeDoorbells(pull);
                assertEquals(3, queue.forward(sender));
                assertEquals(List.of("a0", "a1", "a2"), sent);
                assertEquals(0, queue.inFlight());

                Thread again = Thread.ofPlatform().start(() -> {
                    queue.accepted();
                    queue.add(List.of(new byte[] {1}), "b".getBytes(StandardCharsets.UTF_8));
                    queue.closeOwnPush();
                });
                again.join();
                assertTrue(pull.receive(BELL, 0) >= 0, "after a take the bell is armed again");
                queue.takeDoorbells(pull);
                assertEquals(1, queue.forward(sender));
                assertEquals("b", sent.getLast());
            } finally {
                queue.closeAll();
            }
        }
    }
}
