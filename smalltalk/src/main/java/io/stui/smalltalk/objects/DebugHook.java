package io.stui.smalltalk.objects;

/**
 * What the interpreter tells a debugger. Only a debug-mode evaluation has one ({@code Interp.debug}); every
 * other evaluation pays a null check per send and nothing else.
 */
public interface DebugHook {
    /** Called on the evaluation's thread before each real send; {@code frame.pos()} is the send's offset. */
    void beforeSend(Context frame);

    /**
     * Called when an exception found no handler. Answers true when the evaluation should go on as if the
     * exception's default action answered nil (a resumed {@code halt}); false to fail as usual.
     */
    boolean unhandled(StObject exception, Context signalContext);

    /** True once the run was terminated from its own thread (time-out) and must not touch the workspace. */
    boolean detached();
}
