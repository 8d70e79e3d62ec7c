package io.stui.smalltalk;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads able to run Smalltalk directly: they have the big stack deep recursion needs (512 MiB reserved, not
 * committed; {@code -Dstui.smalltalk.stackMiB=N} changes it). {@link Workspace#evaluate} called on such a thread
 * runs the code right there instead of handing it to the workspace's own thread and waiting, which saves two
 * thread hand-offs per call. A host that evaluates a lot (the server's workers) creates its threads here.
 */
public final class EvaluationThreads {
    /** Stack of evaluation threads. */
    private static final long STACK_BYTES = Long.getLong("stui.smalltalk.stackMiB", 512L) << 20;

    private EvaluationThreads() {}

    /** The marker type: a thread created by {@link #factory}. */
    private static final class EvaluationThread extends Thread {
        EvaluationThread(Runnable task, String name) {
            super(null, task, name, STACK_BYTES);
        }
    }

    /**
     * A factory of daemon evaluation threads named {@code prefix-1}, {@code prefix-2}, …
     */
    public static ThreadFactory factory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new EvaluationThread(task, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Whether the current thread was made by {@link #factory} (and so may run Smalltalk directly). */
    public static boolean isCurrent() {
        return Thread.currentThread() instanceof EvaluationThread;
    }
}
