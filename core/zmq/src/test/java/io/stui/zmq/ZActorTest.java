package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ZActor on both backends: the pipe, $TERM, a body's failure, a body that will not stop, and a ZLoop inside. */
@Timeout(20)
class ZActorTest extends BackendTestBase {

    /** Answers each command in upper case until $TERM. */
    private static void upperCase(ZContext context, ZSocket pipe) {
        for (String m = pipe.receiveString().orElseThrow();
                !m.equals(ZActor.TERM);
                m = pipe.receiveString().orElseThrow()) {
            pipe.send(m.toUpperCase(java.util.Locale.ROOT));
        }
    }

    private ZActor actor(ZActor.Body body) {
        ZActor actor = new ZActor(ctx, body);
        actor.pipe().setRcvTimeout(TIMEOUT_MS);
        return actor;
    }

    @Test
    void theCreatorTalksToTheBodyOverThePipeAndCloseEndsIt() {
        ZActor actor = actor(ZActorTest::upperCase);
        actor.pipe().send("hello");
        assertReceives(actor.pipe(), "HELLO");
        actor.pipe().send("again");
        assertReceives(actor.pipe(), "AGAIN");
        assertTrue(actor.isAlive());
        actor.close();
        assertFalse(actor.isAlive());
        assertEquals(Optional.empty(), actor.failure());
        ZmqException closed =
                assertThrows(ZmqException.class, () -> actor.pipe().send("late"));
        assertEquals(ZmqError.ENOTSOCK, closed.code());
        actor.close(); // twice is harmless
    }

    @Test
    void theBodyUsesTheContextForItsOwnSockets() {
        ZSocket pull = socket(SocketType.PULL);
        String endpoint = bindTcp(pull);
        ZActor actor = actor((context, pipe) -> {
            try (ZSocket push = context.createSocket(SocketType.PUSH)) {
                push.connect(endpoint);
                String m;
                while (!(m = pipe.receiveString().orElseThrow()).equals(ZActor.TERM)) {
                    push.send("forwarded " + m);
                }
            }
        });
        actor.pipe().send("a");
        assertReceives(pull, "forwarded a");
        actor.close();
    }

    @Test
    void aBodysExceptionIsKeptAndTheActorEnds() {
        ZActor actor = actor((context, pipe) -> {
            pipe.receiveString();
            throw new IllegalStateException("the body failed");
        });
        actor.pipe().send("go");
        assertTrue(actor.close(Duration.ofMillis(TIMEOUT_MS)));
        Throwable failure = actor.failure().orElseThrow();
        assertInstanceOf(IllegalStateException.class, failure);
        assertEquals("the body failed", failure.getMessage());
    }

    @Test
    void aBodyThatIgnoresTermLeavesCloseWithATimeoutFalse() {
        ZActor actor = actor((context, pipe) -> {
            assertEquals(ZActor.TERM, pipe.receiveString().orElseThrow());
            pipe.send("ignored the first");
            pipe.receiveString().orElseThrow(); // ends on the second message
        });
        assertFalse(actor.close(Duration.ofMillis(20)));
        assertReceives(actor.pipe(), "ignored the first");
        assertTrue(actor.isAlive());
        actor.pipe().send("now stop");
        assertTrue(actor.close(Duration.ofMillis(TIMEOUT_MS)));
        assertFalse(actor.isAlive());
    }

    @Test
    void aLoopInsideTheActorReadsThePipeAndTicks() {
        ZActor actor = actor((context, pipe) -> {
            try (ZLoop loop = new ZLoop(context)) {
                int[] ticks = {0};
                loop.addTimer(Duration.ofMillis(1), 0, (l, t) -> {
                    ticks[0]++;
                    return true;
                });
                loop.addReader(pipe, (l, socket) -> {
                    String command = socket.receiveString().orElseThrow();
                    if (command.equals(ZActor.TERM)) {
                        return false;
                    }
                    socket.send(ticks[0] > 0 ? "ticking" : "not yet");
                    return true;
                });
                loop.run();
            }
        });
        String answer;
        do {
            actor.pipe().send("status");
            answer = actor.pipe().receiveString().orElseThrow();
        } while (answer.equals("not yet"));
        assertEquals("ticking", answer);
        actor.close();
        assertEquals(Optional.empty(), actor.failure());
    }

    @Test
    void theContextsShutdownEndsABodyWaitingOnThePipeWithoutAFailure() {
        ZActor actor = new ZActor(ctx, (context, pipe) -> pipe.receiveString());
        ctx.shutdown();
        assertTrue(actor.close(Duration.ofMillis(TIMEOUT_MS)));
        assertEquals(Optional.empty(), actor.failure(), "ETERM is a normal end");
    }
}
