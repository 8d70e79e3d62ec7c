package io.stui.smalltalk;

import java.util.List;

/**
 * What a debug operation answers: where the evaluation stands now.
 *
 * @param debugId       the run's id in its workspace ({@code d1}, ...)
 * @param state         suspended, finished (it answered a value or failed) or terminated
 * @param reason        why it is suspended: {@code breakpoint}, {@code step}, {@code halt} or {@code exception}; null otherwise
 * @param exception     the unhandled exception's description when {@code reason} is {@code exception}
 * @param frames        every frame, innermost first (empty unless suspended)
 * @param locals        the variables of frame 0
 * @param result        the evaluation's result once finished or terminated (a failure when it failed)
 */
public record DebugState(
        String debugId,
        State state,
        String reason,
        String exception,
        List<DebugFrame> frames,
        List<DebugVariable> locals,
        EvalResult result) {
    public enum State {
        SUSPENDED,
        FINISHED,
        TERMINATED
    }

    public DebugState {
        frames = List.copyOf(frames);
        locals = List.copyOf(locals);
    }

    public boolean suspended() {
        return state == State.SUSPENDED;
    }

    /** The method of frame 0 ({@code null} unless suspended). */
    public String currentMethod() {
        return frames.isEmpty() ? null : frames.get(0).method();
    }

    /** The line of frame 0 in its method's source (0 unless suspended). */
    public int currentLine() {
        return frames.isEmpty() ? 0 : frames.get(0).line();
    }
}
