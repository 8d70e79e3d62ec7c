package io.stui.bench.load;

import java.time.Duration;
import java.util.Objects;

/**
 * One load to run against a STUI endpoint.
 *
 * @param endpoint      ZeroMQ endpoint of the server, e.g. {@code tcp://127.0.0.1:5555}
 * @param clients       concurrent clients, each with its own socket and thread
 * @param socket        REQ (strict alternation) or DEALER (pipelined)
 * @param pipeline      requests a DEALER client keeps in flight (1 for REQ)
 * @param rate          open loop: total target requests/s over all clients; 0 means closed loop
 * @param warmup        time run first and not measured
 * @param duration      measured time (ignored when {@code requests} is positive)
 * @param requests      measured request count over all clients, or 0 to run for {@code duration}
 * @param mix           request kinds and their weights
 * @param code          Smalltalk source that evaluate requests send
 * @param timeout       how long a request may wait for its answer before it counts as an error
 * @param fifoReplies   match answers to requests by order rather than by id (for a server whose
 *                      answers carry a fixed id, such as the C ceiling server)
 */
public record LoadSpec(
        String endpoint,
        int clients,
        SocketKind socket,
        int pipeline,
        double rate,
        Duration warmup,
        Duration duration,
        long requests,
        CommandMix mix,
        String code,
        Duration timeout,
        boolean fifoReplies) {

    /** The socket pattern a client uses. */
    public enum SocketKind {
        REQ,
        DEALER
    }

    public LoadSpec {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(mix, "mix");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(timeout, "timeout");
        if (clients < 1 || clients > 1024) {
            throw new IllegalArgumentException("clients must be from 1 to 1024, got " + clients);
        }
        if (socket == SocketKind.REQ && pipeline != 1) {
            throw new IllegalArgumentException(
                    "a REQ client has exactly one request in flight; use --socket dealer to pipeline");
        }
        if (pipeline < 1 || pipeline > 10_000) {
            throw new IllegalArgumentException("pipeline must be from 1 to 10000, got " + pipeline);
        }
        if (rate < 0 || Double.isNaN(rate)) {
            throw new IllegalArgumentException("rate must be positive (open loop) or 0 (closed loop), got " + rate);
        }
        if (requests < 0) {
            throw new IllegalArgumentException("requests must not be negative");
        }
        if (requests == 0 && (duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException("give a positive duration or a request count");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** True when requests follow a schedule (open loop) rather than previous answers. */
    public boolean openLoop() {
        return rate > 0;
    }

    /** Short description for reports, e.g. {@code 5 REQ clients, open loop at 400 req/s}. */
    public String describe() {
        String loop = openLoop() ? "open loop at %.0f req/s".formatted(rate) : "closed loop";
        String pipe = socket == SocketKind.DEALER ? " (pipeline " + pipeline + ")" : "";
        String amount = requests > 0 ? requests + " requests" : duration.toMillis() / 1000.0 + " s";
        return "%d %s clients%s, %s, %s after %.1f s warm-up, mix %s"
                .formatted(clients, socket, pipe, loop, amount, warmup.toMillis() / 1000.0, mix);
    }
}
