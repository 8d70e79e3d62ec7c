package io.stui.smalltalk;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A workspace's interrupt flag, which the interpreter checks between steps, plus an interrupt armed for the
 * evaluation that starts next. A caller on another thread (a server's front) cannot tell whether an evaluation it
 * knows about has reached the interpreter yet: {@link #interruptNowOrAtStart()} stops it either way, where setting
 * the flag alone would be undone by the evaluation's start. Starting and arming share one lock, so neither wins a
 * race against the other.
 */
final class InterruptFlag extends AtomicBoolean {
    private boolean armed;

    /** An evaluation starts (or a suspended one resumes): it is interrupted only when an interrupt was armed. */
    synchronized void start() {
        set(armed);
        armed = false;
    }

    /** Stops the running evaluation, or the next one to start when none has started yet. */
    synchronized void interruptNowOrAtStart() {
        armed = true;
        set(true);
    }

    /** Forgets an armed interrupt that no evaluation took. */
    synchronized void disarm() {
        armed = false;
    }
}
