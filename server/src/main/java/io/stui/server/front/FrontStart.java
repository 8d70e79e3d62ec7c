package io.stui.server.front;

import java.util.concurrent.CountDownLatch;

/**
 * The hand-shake between a front's {@code start()} and its thread: the thread opens the sockets and reports the bound
 * endpoint or why it could not; {@code start()} waits for that report. Both front modes start this way.
 */
final class FrontStart {
    private final CountDownLatch reported = new CountDownLatch(1);
    private volatile String endpoint;
    private volatile RuntimeException failure;

    /** On the front thread: the sockets are open and bound here. */
    void bound(String endpoint) {
        this.endpoint = endpoint;
        reported.countDown();
    }

    /** On the front thread: the sockets could not be opened. */
    void failed(RuntimeException e) {
        failure = e;
        reported.countDown();
    }

    /** Waits for the front thread's report: the bound endpoint, or its failure thrown here. */
    String await() {
        try {
            reported.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the front end was starting", e);
        }
        if (failure != null) {
            throw failure;
        }
        return endpoint;
    }

    /** The bound endpoint; null before the report. */
    String endpoint() {
        return endpoint;
    }
}
