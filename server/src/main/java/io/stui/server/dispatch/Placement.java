package io.stui.server.dispatch;

import io.stui.protocol.request.Request;

/** Where a request runs; each row of the {@link CommandTable} names one (or a {@link Placer} choosing one). */
public enum Placement implements Placer {
    /** On the front thread, always: cheap enough (it reads counters) to answer while every worker is busy. */
    INLINE,
    /**
     * On the front thread when the front allows it and the request's session has nothing pending, inside the
     * session's turn (the front hands its sockets over if it takes long); otherwise as {@link #SERIAL}. For the
     * engine's interactive commands, usually short.
     */
    IN_PLACE,
    /** On a worker, after the earlier requests of the session it names (with no session named, on any worker). */
    SERIAL,
    /** On any worker, in no particular order: the request names no session. */
    WORKER;

    /** A fixed placement places every request the same way. */
    @Override
    public Placement place(Request request) {
        return this;
    }
}
