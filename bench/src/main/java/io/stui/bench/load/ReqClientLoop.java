package io.stui.bench.load;

import io.stui.protocol.Answer;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZSocket;
import java.util.Optional;

/**
 * A REQ client: one request in flight, strict send/receive alternation, as the clients in the
 * field use. A request that times out counts as an error and the socket is closed and opened
 * again (a REQ socket cannot send before it has received), as the Lazy Pirate pattern does.
 */
final class ReqClientLoop extends ClientLoop {
    private ZSocket socket;

    ReqClientLoop(
            LoadSpec spec,
            RunClock clock,
            LatencyRecorder recorder,
            RequestFactory requests,
            ZContext context,
            int index,
            String runId) {
        super(spec, clock, recorder, requests, context, index, runId);
    }

    private void reopen() {
        if (socket != null) {
            socket.close();
        }
        socket = open(SocketType.REQ);
        socket.setRcvTimeout((int) spec.timeout().toMillis());
    }

    /** Sends one frame and waits for its answer; empty on timeout (the socket is then reopened). */
    private Optional<byte[]> exchange(byte[] frame) {
        socket.send(frame);
        Optional<byte[]> reply = socket.receive();
        if (reply.isEmpty()) {
            reopen();
        }
        return reply;
    }

    @Override
    void loop() {
        reopen();
        try {
            if (needsSession()) {
                String id = nextId();
                long t = System.nanoTime();
                byte[] reply = exchange(requests.createSession(id, clientId))
                        .orElseThrow(() -> new IllegalStateException("create_session got no answer within "
                                + spec.timeout().toMillis() + " ms"));
                Answer a = settle(CommandKind.SESSION, reply, id, Long.MIN_VALUE, t, t)
                        .orElseThrow(() -> new IllegalStateException("create_session failed: " + firstErrorSeen()));
                sessionId = sessionFrom(a);
            }
            while (true) {
                long intended = awaitNextIntended();
                if (!clock.claim(intended)) {
                    break;
                }
                CommandKind kind = pick();
                String id = nextId();
                byte[] frame = requests.encode(kind, id, sessionId);
                long sent = Math.max(intended, System.nanoTime());
                Optional<byte[]> reply = exchange(frame);
                long done = System.nanoTime();
                if (reply.isEmpty()) {
                    countError(
                            intended,
                            kind.label() + " timed out after " + spec.timeout().toMillis() + " ms");
                } else {
                    settle(kind, reply.get(), id, intended, sent, done);
                }
            }
            if (sessionId != null && !spec.fifoReplies()) {
                exchange(requests.closeSession(nextId(), sessionId)); // tidy up; its outcome does not count
            }
        } finally {
            socket.close();
        }
    }
}
