package io.stui.server.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The plain front: never offers its thread for work, answers from its own thread and from others. */
class PlainFrontTest {

    @Test
    void answersInlineAndFromOtherThreadsAndNeverRunsWorkInPlace() {
        AtomicBoolean offered = new AtomicBoolean();
        Front.Dispatcher dispatcher = (body, reply, here) -> {
            offered.compareAndSet(false, here.allowed());
            String text = new String(body.getFirst(), StandardCharsets.UTF_8);
            byte[] answer = ("answer " + text).getBytes(StandardCharsets.UTF_8);
            if (text.startsWith("later")) {
                Thread.ofPlatform().start(() -> reply.send(answer, answer.length));
            } else {
                reply.send(answer, answer.length);
            }
        };
        try (ZContext ctx = new ZContext()) {
            PlainFront front = new PlainFront(
                    ctx,
                    new Front.Settings("tcp://127.0.0.1:*", 1 << 20, null, Duration.ofMillis(1), 1),
                    dispatcher,
                    Thread.ofPlatform().daemon().factory());
            front.start();
            try (ZSocket client = ctx.createSocket(SocketType.DEALER)) {
                client.setLinger(0);
                client.setRcvTimeout(5_000);
                client.connect(front.endpoint());
                for (String text : List.of("now", "later", "now again")) {
                    client.send(new byte[0], ZSocket.SNDMORE);
                    client.send(text.getBytes(StandardCharsets.UTF_8), 0);
                    assertEquals(0, client.receive(0).orElseThrow().length);
                    assertEquals("answer " + text, new String(client.receive(0).orElseThrow(), StandardCharsets.UTF_8));
                }
            } finally {
                front.close(Duration.ofSeconds(2));
            }
            assertFalse(offered.get(), "a plain front never lets work run on its thread");
            assertEquals(0, front.inFlight());
            assertEquals(0, front.handovers());
        }
    }
}
