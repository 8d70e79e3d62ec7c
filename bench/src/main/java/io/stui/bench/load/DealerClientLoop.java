package io.stui.bench.load;

import io.stui.protocol.Answer;
import io.stui.protocol.ClientCodec;
import io.stui.protocol.StuiException;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZPoller;
import io.stui.zmq.ZSocket;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A pipelining DEALER client: up to {@code pipeline} requests in flight, answers matched by id
 * (or by order against a fixed-reply server). Requests are single frames without a delimiter,
 * which the STUI server accepts. An open-loop DEALER client sends on schedule whenever the window
 * has room; a full window delays sends, and that delay counts in the response time.
 */
final class DealerClientLoop extends ClientLoop {
    /** What is known about a request in flight. */
    private record Pending(String id, CommandKind kind, long intended, long sent) {}

    private final Map<String, Pending> byId = new HashMap<>();
    private final ArrayDeque<Pending> inOrder = new ArrayDeque<>();

    DealerClientLoop(
            LoadSpec spec,
            RunClock clock,
            LatencyRecorder recorder,
            RequestFactory requests,
            ZContext context,
            int index,
            String runId) {
        super(spec, clock, recorder, requests, context, index, runId);
    }

    @Override
    void loop() {
        ZSocket socket = open(SocketType.DEALER);
        try (ZPoller poller = new ZPoller(context)) {
            poller.register(socket, ZPoller.POLLIN);
            Exchange exchange = (kind, frame, id) -> call(socket, poller, kind, frame, id);
            if (needsSession()) {
                String id = nextId();
                sessionId = sessionFrom(exchange.call(CommandKind.SESSION, requests.createSession(id, clientId), id));
                prepare(exchange);
            }
            long timeoutNanos = spec.timeout().toNanos();
            boolean sending = true;
            long nextIntended = schedule == null ? 0 : schedule.nextIntended();
            while (sending || !inOrder.isEmpty()) {
                long now = System.nanoTime();
                boolean room = inOrder.size() < spec.pipeline();
                if (sending && room && (schedule == null || now >= nextIntended)) {
                    long intended = schedule == null ? now : nextIntended;
                    if (!clock.claim(intended)) {
                        sending = false;
                        continue;
                    }
                    CommandKind kind = pick();
                    String id = nextId();
                    byte[] frame = requests.encode(kind, id, sessionId, debugId);
                    Pending p = new Pending(id, kind, intended, Math.max(intended, System.nanoTime()));
                    socket.send(frame);
                    byId.put(id, p);
                    inOrder.add(p);
                    if (schedule != null) {
                        nextIntended = schedule.nextIntended();
                    }
                    drain(socket); // pick up answers that are already there without waiting
                    continue;
                }
                expire(now, timeoutNanos);
                // Wait for an answer, or until the next request is due when the window has room.
                long waitNanos = sending && room ? nextIntended - now : timeoutNanos;
                long ms = Math.min(waitNanos, timeoutNanos) / 1_000_000;
                if (ms > 0) {
                    if (poller.poll(ms) > 0) {
                        drain(socket);
                    }
                } else {
                    drain(socket);
                    if (waitNanos > 0) {
                        LockSupport.parkNanos(Math.min(waitNanos, 200_000));
                    }
                }
                if (clock.stopped()) {
                    sending = false;
                }
            }
            if (sessionId != null && !spec.fifoReplies()) {
                finish(exchange);
            }
        } finally {
            socket.close();
        }
    }

    /** Reads every answer already waiting. */
    private void drain(ZSocket socket) {
        while (true) {
            Optional<byte[]> first = socket.receive(ZSocket.DONTWAIT);
            if (first.isEmpty()) {
                return;
            }
            byte[] body = first.get();
            while (socket.hasReceiveMore()) { // a delimiter frame, if the server sent one: keep the last frame
                body = socket.receive().orElseThrow();
            }
            long done = System.nanoTime();
            if (spec.fifoReplies()) {
                Pending p = inOrder.poll();
                if (p != null) {
                    byId.remove(p.id());
                    settle(p.kind(), body, null, p.intended(), p.sent(), done);
                }
                continue;
            }
            // decode once: the id picks the request, the same answer is then recorded
            Answer a;
            try {
                a = ClientCodec.INSTANCE.decode(body);
            } catch (StuiException e) {
                a = null;
            }
            Pending p = match(a == null ? null : a.requestIdText());
            if (p != null) {
                settle(p.kind(), a, null, p.intended(), p.sent(), done);
            }
        }
    }

    /** The request an answer with this id belongs to (removed from the window), or null for a late or unknown answer. */
    private Pending match(String id) {
        Pending p = id == null ? null : byId.remove(id);
        if (p == null) {
            // An answer nobody waits for: a request that already timed out, or an answer without id.
            Pending oldest = inOrder.peek();
            countError(oldest == null ? clock.measureStart : oldest.intended(), "answer for unknown request id " + id);
            return null;
        }
        inOrder.remove(p);
        return p;
    }

    /** Counts requests that waited longer than the timeout as errors and forgets them. */
    private void expire(long now, long timeoutNanos) {
        for (Iterator<Pending> it = inOrder.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (now - p.sent() <= timeoutNanos) {
                break; // later requests were sent later
            }
            it.remove();
            byId.remove(p.id());
            countError(
                    p.intended(),
                    p.kind().label() + " timed out after " + spec.timeout().toMillis() + " ms");
        }
    }

    /** One exchange outside the measured load (nothing else in flight): the success answer, or why not. */
    private Answer call(ZSocket socket, ZPoller poller, CommandKind kind, byte[] frame, String id) {
        long t = System.nanoTime();
        socket.send(frame);
        while (System.nanoTime() - t < spec.timeout().toNanos()) {
            if (poller.poll(Math.max(1, spec.timeout().toMillis())) > 0) {
                byte[] body = socket.receive().orElseThrow();
                while (socket.hasReceiveMore()) {
                    body = socket.receive().orElseThrow();
                }
                return settle(kind, body, id, Long.MIN_VALUE, t, t)
                        .orElseThrow(() -> new IllegalStateException(setupName(kind) + " failed: " + firstErrorSeen()));
            }
        }
        throw new IllegalStateException(
                setupName(kind) + " got no answer within " + spec.timeout().toMillis() + " ms");
    }
}
