package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The examples of MIGRATING-FROM-JEROMQ.md, compiled and run on both backends; a block of the guide
 * that is not in this file word for word fails {@link #everyExampleOfTheGuideIsHere()}.
 */
class MigrationGuideTest extends BackendTestBase {
    private String reply;

    @Test
    void aRequestAndItsReply() {
        try (ZSocket rep = ctx.createSocket(SocketType.REP);
                ZSocket req = ctx.createSocket(SocketType.REQ)) {
            int port = rep.bindToRandomPort("tcp://127.0.0.1");
            req.connect("tcp://127.0.0.1:" + port);
            req.send("hello");
            String request = rep.receiveString().orElseThrow();
            rep.send(request + ", world");
            reply = req.receiveString().orElseThrow();
        }
        assertEquals("hello, world", reply);
    }

    @Test
    void aMultipartMessageThroughARouter() {
        try (ZSocket router = ctx.createSocket(SocketType.ROUTER);
                ZSocket dealer = ctx.createSocket(SocketType.DEALER)) {
            router.bind("inproc://migration-router");
            dealer.connect("inproc://migration-router");
            ZMsg.newStringMsg("", "job", "42").send(dealer);
            ZMsg job = ZMsg.recvMsg(router);
            ZFrame client = job.unwrap();
            ZMsg.newStringMsg("done", job.popString() + " " + job.popString())
                    .wrap(client)
                    .send(router);
            ZMsg done = ZMsg.recvMsg(dealer);
            done.pop(); // the empty delimiter
            reply = done.popString() + ": " + done.popString();
        }
        assertEquals("done: job 42", reply);
    }

    @Test
    void optionsAndErrors() {
        try (ZSocket push = ctx.createSocket(SocketType.PUSH)) {
            push.set(SocketOption.SNDHWM, 1000).set(SocketOption.SNDTIMEO, Duration.ofSeconds(2));
            push.setLinger(0);
            try {
                push.connect("nonsense");
            } catch (ZmqException e) {
                reply = e.code().name(); // EINVAL on both backends
            }
        }
        assertEquals("EINVAL", reply);
    }

    @Test
    void aBackgroundActorWithALoop() {
        try (ZActor actor = new ZActor(ctx, (context, pipe) -> {
            try (ZLoop loop = new ZLoop(context)) {
                int[] ticks = {0};
                loop.addTimer(Duration.ofMillis(1), 3, (l, timer) -> ++ticks[0] > 0);
                loop.addReader(pipe, (l, socket) -> {
                    String command = socket.receiveString().orElseThrow();
                    if (command.equals(ZActor.TERM)) {
                        return false; // close() asks the body to end
                    }
                    socket.send(command + " after " + ticks[0] + " ticks");
                    return true;
                });
                loop.run();
            }
        })) {
            actor.pipe().send("status");
            reply = actor.pipe().receiveString().orElseThrow();
        }
        assertTrue(reply.matches("status after [0-3] ticks"), reply);
    }

    @Test
    void everyExampleOfTheGuideIsHere() throws IOException {
        String guide = Files.readString(Path.of("MIGRATING-FROM-JEROMQ.md"));
        String source = squeeze(Files.readString(Path.of("src/test/java/io/stui/zmq/MigrationGuideTest.java")));
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertEquals(4, blocks.size(), "the guide's java blocks");
        for (String block : blocks) {
            assertTrue(source.contains(squeeze(block)), "not compiled in this test:\n" + block);
        }
    }

    /** The text without any whitespace, so the formatter's line breaks do not matter. */
    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
