package io.stui.server.command;

/**
 * The id of the request the calling thread is running, set by the dispatcher around each handler. An evaluation
 * records it on its session, so that {@code interrupt} with a {@code request_id} stops that request and no other.
 * A thread-local rather than a handler parameter: only the evaluations need it, and the handlers keep their
 * one-argument shape.
 */
public final class CurrentRequest {
    private static final ThreadLocal<Object> ID = new ThreadLocal<>();

    private CurrentRequest() {}

    /** Marks the start of a request on this thread; {@code id} as the request sent it (may be null). */
    public static void set(Object id) {
        ID.set(id);
    }

    /** Marks its end. */
    public static void clear() {
        ID.remove();
    }

    /** The running request's id as sent (a string or a number), or null. */
    static Object id() {
        return ID.get();
    }
}
