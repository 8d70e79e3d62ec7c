package io.stui.server.repl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZMessage;
import io.stui.zmq.ZSocket;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The REPL's subscription to its session's events: Transcript output goes to {@code transcript} as the server
 * writes it, and each {@code idle} is counted so that the REPL prints an answer only after the Transcript output
 * that came before it ({@link #awaitIdle}). One thread owns the SUB socket.
 */
public final class ReplEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often the thread looks at {@link #closed} while no event arrives. */
    private static final int POLL_MS = 200;

    private final ZContext context = new ZContext();
    private final ZSocket socket;
    private final Consumer<String> transcript;
    private final Thread thread;
    private volatile boolean closed;
    private long idles;
    private boolean live;

    private ReplEvents(String endpoint, String topic, String authToken, Consumer<String> transcript) {
        this.transcript = transcript;
        this.socket = context.createSocket(SocketType.SUB);
        socket.setRcvTimeout(POLL_MS);
        socket.connect(endpoint);
        socket.subscribe(topic);
        if (authToken != null) {
            // a server with a token file opens a session's topic to its owner's token only (PROTOCOL.md, Private
            // events)
            socket.subscribe(topic + "\0" + authToken);
        }
        this.thread = new Thread(this::run, "stui-repl-events");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Subscribes to {@code topic} on {@code endpoint}; empty when the server did not confirm the subscription within
     * {@code wait} (then the REPL prints the Transcript with each answer instead).
     */
    public static Optional<ReplEvents> subscribe(
            String endpoint, String topic, Consumer<String> transcript, Duration wait) {
        return subscribe(endpoint, topic, null, transcript, wait);
    }

    /** As {@link #subscribe(String, String, Consumer, Duration)}, presenting {@code authToken} (null: none). */
    public static Optional<ReplEvents> subscribe(
            String endpoint, String topic, String authToken, Consumer<String> transcript, Duration wait) {
        ReplEvents e = new ReplEvents(endpoint, topic, authToken, transcript);
        if (e.awaitLive(wait)) {
            return Optional.of(e);
        }
        e.close();
        return Optional.empty();
    }

    private void run() {
        while (!closed) {
            Optional<ZMessage> m;
            try {
                m = socket.receiveMessage();
            } catch (RuntimeException e) {
                break; // the context is closing
            }
            if (m.isEmpty() || m.get().frames().size() != 2) {
                continue;
            }
            JsonNode event;
            try {
                event = JSON.readTree(m.get().frames().get(1));
            } catch (IOException e) {
                continue;
            }
            switch (event.path("event").asText()) {
                case "transcript" -> transcript.accept(event.at("/result/text").asText());
                case "idle" -> counted(true);
                case "subscribed" -> counted(false);
                default -> {}
            }
        }
        socket.close();
    }

    private synchronized void counted(boolean idle) {
        if (idle) {
            idles++;
        } else {
            live = true;
        }
        notifyAll();
    }

    private synchronized boolean awaitLive(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        try {
            while (!live && System.nanoTime() < end) {
                wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return live;
    }

    /** The number of {@code idle} events seen so far. */
    public synchronized long idles() {
        return idles;
    }

    /** Waits until more than {@code seen} idle events have arrived, at most {@code wait}; true if they did. */
    public synchronized boolean awaitIdle(long seen, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        try {
            while (idles <= seen && System.nanoTime() < end) {
                wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return idles > seen;
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2 * POLL_MS + 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
    }
}
