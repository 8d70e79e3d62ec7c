package io.stui.server.store;

/** Which of a session's two snapshot slots a context occupies. */
public enum ContextKind {
    /** Written by {@code save_context}; what {@code load_context} takes back. */
    SAVED,
    /** Written by the coalesced auto-save after evaluations; revives a workspace after a restart. */
    AUTO
}
