package io.stui.protocol.client;

import io.stui.protocol.Decoded;
import io.stui.protocol.ErrorCode;
import io.stui.protocol.ProtocolCodec;
import io.stui.protocol.StuiException;
import io.stui.protocol.request.Request;
import io.stui.protocol.result.BrowseClassResult;
import io.stui.protocol.result.ClassInfo;
import io.stui.protocol.result.CommandResult;
import io.stui.protocol.result.CreateSessionResult;
import io.stui.protocol.result.EvaluateResult;
import io.stui.protocol.result.GetMethodResult;
import io.stui.protocol.result.ListClassesResult;
import io.stui.protocol.result.MethodInfo;
import io.stui.protocol.result.PingResult;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZMessage;
import io.stui.zmq.ZPoller;
import io.stui.zmq.ZSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny STUI server for client tests: a ROUTER on loopback that decodes each request with the
 * real codec and answers ping, evaluate (of integer sums), create_session and the browsing
 * commands (whose answers name the session they were asked in: package "Session &lt;id&gt;", or
 * "Kernel" without one), and errors otherwise. In batch mode it holds {@code batch} requests and answers them in reverse order, so
 * a pipelining client must match answers by id.
 */
final class AnswerLoop implements AutoCloseable {
    private final ZContext context;
    private final String endpoint;
    private final int batch;
    private final Thread thread;
    private final CountDownLatch bound = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean stop;
    private volatile RuntimeException failure;

    /** Serves on {@code endpoint} (e.g. {@code tcp://127.0.0.1:40123}); batch 1 answers at once. */
    AnswerLoop(ZContext context, String endpoint, int batch) {
        this.context = context;
        this.endpoint = endpoint;
        this.batch = batch;
        this.thread = Thread.ofPlatform().daemon().name("answer-loop").start(this::run);
        try {
            if (!bound.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("answer loop did not bind " + endpoint);
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    int requestsSeen() {
        return requests.get();
    }

    private void run() {
        try (ZSocket router = context.createSocket(SocketType.ROUTER);
                ZPoller poller = new ZPoller(context)) {
            router.setLinger(0);
            router.bind(endpoint);
            bound.countDown();
            poller.register(router, ZPoller.POLLIN);
            List<ZMessage> held = new ArrayList<>();
            while (!stop) {
                if (poller.poll(20) == 0) {
                    continue;
                }
                ZMessage msg;
                while ((msg = router.receiveMessage(ZSocket.DONTWAIT).orElse(null)) != null) {
                    requests.incrementAndGet();
                    held.add(msg);
                    if (held.size() >= batch) {
                        Collections.reverse(held);
                        for (ZMessage m : held) {
                            router.send(answer(m), 0);
                        }
                        held.clear();
                    }
                }
            }
        } catch (RuntimeException e) {
            failure = e;
            bound.countDown();
        }
    }

    /** [identity, (empty), body] in, [identity, (empty), answer] out. */
    private static ZMessage answer(ZMessage request) {
        List<byte[]> frames = request.frames();
        byte[] body = frames.getLast();
        ZMessage out = new ZMessage();
        for (int i = 0; i < frames.size() - 1; i++) {
            out.add(frames.get(i));
        }
        Decoded d = ProtocolCodec.INSTANCE.decode(body);
        byte[] reply = switch (d) {
            case Decoded.Failed f -> ProtocolCodec.INSTANCE.encodeError(f.meta(), f.error());
            case Decoded.Ok ok -> {
                try {
                    yield ProtocolCodec.INSTANCE.encodeResult(ok.meta(), handle(ok.request()));
                } catch (StuiException e) {
                    yield ProtocolCodec.INSTANCE.encodeError(ok.meta(), e);
                }
            }
        };
        return out.add(reply);
    }

    private static CommandResult handle(Request request) {
        return switch (request) {
            case Request.Ping p ->
                new PingResult(p.message() == null ? "pong" : p.message(), "ready", 0, "test", "test");
            case Request.Evaluate e -> {
                long sum = 0;
                for (String term : e.code().split("\\+")) {
                    try {
                        sum += Long.parseLong(term.trim());
                    } catch (NumberFormatException x) {
                        throw new StuiException(ErrorCode.EVALUATION_ERROR, "MessageNotUnderstood: " + term.trim());
                    }
                }
                yield new EvaluateResult(Long.toString(sum), "SmallInteger", 0, false, "", null);
            }
            case Request.CreateSession c ->
                new CreateSessionResult(
                        "s-" + c.clientId(), c.clientId(), Instant.parse("2025-08-30T10:30:00Z"), 3600, true);
            case Request.BrowseClass b ->
                new BrowseClassResult(classInfo(b.className(), b.sessionId()), List.of(), List.of(), List.of(), null);
            case Request.ListClasses l -> new ListClassesResult(List.of(classInfo(l.pattern(), l.sessionId())), 1);
            case Request.GetMethod g ->
                new GetMethodResult(new MethodInfo(
                        g.methodName(),
                        g.methodName(),
                        classInfo(g.className(), g.sessionId()).packageName(),
                        g.isClassMethod(),
                        List.of(),
                        null));
            default -> throw new StuiException(ErrorCode.SESSION_NOT_FOUND, "Session not found: " + request);
        };
    }

    private static ClassInfo classInfo(String name, String sessionId) {
        return new ClassInfo(
                name, "Object", "", sessionId == null ? "Kernel" : "Session " + sessionId, sessionId == null);
    }

    @Override
    public void close() {
        stop = true;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
