package io.stui.bench.gate;

import java.util.OptionalLong;

/** The server a gate measures: where it listens and how to stop it. */
public interface ServerUnderTest extends AutoCloseable {
    /** ZeroMQ endpoint clients connect to. */
    String endpoint();

    /** One line for reports, e.g. {@code STUI server (native backend), child JVM pid 1234}. */
    String description();

    /** Process id when the server runs in its own process (for its resident memory). */
    OptionalLong pid();

    /** True when answers carry a fixed id (the C ceiling server), so clients match them by order. */
    boolean fixedReplies();

    @Override
    void close() throws Exception;
}
