package io.stui.smalltalk;

/**
 * What a host hears from a workspace while it works, for streaming to clients: Transcript output as it is written
 * (before the evaluation answers) and busy/idle around each evaluation. Called on the evaluating thread, so
 * implementations must be quick and must not call back into the workspace.
 */
public interface WorkspaceListener {
    /** A piece of Transcript output, as written (a {@code show:}, a {@code cr}...). */
    default void transcript(String text) {}

    /** An evaluation starts. */
    default void busy() {}

    /** The evaluation ended (answered, failed or was suspended by the debugger). */
    default void idle() {}
}
