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

    /** An exchange outside the measured load: the success answer, or an exception saying why not. */
    private Answer call(CommandKind kind, byte[] frame, String id) {
        long t = System.nanoTime();
        byte[] reply = exchange(frame)
                .orElseThrow(() -> new IllegalStateException(setupName(kind) + " got no answer within "
                        + spec.timeout().toMillis() + " ms"));
        return settle(kind, reply, id, Long.MIN_VALUE, t, t)
                .orElseThrow(() -> new IllegalStateException(setupName(kind) + " failed: " + firstErrorSeen()));
    }

    @Override
    void loop() {
        reopen();
        try {
            if (needsSession()) {
                String id = nextId();
                sessionId = sessionFrom(call(CommandKind.SESSION, requests.createSession(id, clientId), id));
                prepare(this::call);
            }
            while (true) {
                long intended = awaitNextIntended();
                if (!clock.claim(intended)) {
                    break;
                }
                CommandKind kind = pick();
                String id = nextId();
                byte[] frame = requests.encode(kind, id, sessionId, debugId);
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
                finish(this::call);
                exchange(requests.closeSession(nextId(), sessionId)); // tidy up; its outcome does not count
            }
        } finally {
            socket.close();
        }
    }
}
