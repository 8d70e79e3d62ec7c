package io.stui.server.session;

import io.stui.smalltalk.Workspace;
import java.util.LinkedHashSet;
import java.util.SequencedSet;

/**
 * Which request of a session is evaluating now, and the interrupts sent for requests that have not started.
 *
 * <p>{@code interrupt} runs on the front thread while evaluations run in the session's lane, so it may arrive
 * before the request it names has even been read. One lock orders the two sides: an interrupt naming a request
 * that has not started is kept and stops it as it starts; one that arrives while an evaluation starts stops it
 * (the workspace arms it for its first step); and one that arrives once an evaluation is over is forgotten with
 * it, so it never hits the next one. Ids compare as text, as sent.
 */
public final class SessionInterrupts {

    /** Interrupts kept for requests not started yet; the oldest are dropped, so unknown ids cost a bounded set. */
    static final int MAX_PENDING = 16;

    /** Ids of the newest finished evaluations: an interrupt naming one of them comes too late and is not kept. */
    static final int MAX_FINISHED = 32;

    private final SequencedSet<String> pending = new LinkedHashSet<>();
    private final SequencedSet<String> finished = new LinkedHashSet<>();
    private Workspace running;
    private String runningId;

    /**
     * The evaluation of request {@code requestId} (as sent; may be null) starts in {@code workspace}, from the
     * session's lane; an interrupt kept for it stops it at its first step.
     */
    public synchronized void started(Object requestId, Workspace workspace) {
        running = workspace;
        runningId = requestId == null ? null : requestId.toString();
        if (runningId != null && pending.remove(runningId)) {
            workspace.interruptNowOrAtStart();
        }
    }

    /** The evaluation that {@link #started} is over (whatever its outcome). */
    public synchronized void ended() {
        if (running == null) {
            return;
        }
        running.forgetInterrupt();
        if (runningId != null) {
            remember(finished, runningId, MAX_FINISHED);
        }
        running = null;
        runningId = null;
    }

    /**
     * Interrupts the evaluation running now when {@code requestId} is null or names it: true. Otherwise false, and
     * an interrupt naming a request that has not run yet is kept for it.
     */
    public synchronized boolean interrupt(String requestId) {
        if (running != null && (requestId == null || requestId.equals(runningId))) {
            running.interruptNowOrAtStart();
            return true;
        }
        if (requestId != null && !finished.contains(requestId)) {
            remember(pending, requestId, MAX_PENDING);
        }
        return false;
    }

    private static void remember(SequencedSet<String> ids, String id, int max) {
        ids.remove(id);
        ids.add(id);
        if (ids.size() > max) {
            ids.removeFirst();
        }
    }
}
