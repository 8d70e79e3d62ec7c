package io.stui.server.front;

import java.time.Duration;
import java.util.List;

/**
 * The server's network face: a ROUTER socket clients talk to, and the frames of each request handed to a
 * {@link Dispatcher}. It knows sockets and frames only. Two implementations: {@link FastFront} (work may run in
 * place on the front's own thread) and {@link PlainFront} (the zguide shape: a ROUTER in front of a worker pool,
 * the oracle the fast one is tested against).
 */
public interface Front extends AutoCloseable {

    /** Decides what to do with one request's body frames. */
    interface Dispatcher {
        /**
         * Called on the thread holding the front. Arranges for {@code reply} to be called exactly once, from any
         * thread: this one too, before returning, which is how cheap commands and work run in place answer
         * (the latter inside its session's turn).
         */
        void dispatch(List<byte[]> body, Reply reply, InPlace here);

        /**
         * As above, for a request whose connection the ZAP handler authenticated as {@code userId} (null: it did
         * not, or the front records no user ids). The front only carries it; the dispatcher decides what it means.
         */
        default void dispatch(List<byte[]> body, String userId, Reply reply, InPlace here) {
            dispatch(body, reply, here);
        }
    }

    /** Lets a dispatcher run work that may take long on the front's own thread. */
    interface InPlace {
        /** Whether such work may run on this thread now; when false it must go elsewhere. */
        boolean allowed();

        /**
         * Call right before running such work here, once the request's place in its session's order is settled:
         * from then on the front hands its sockets to another thread if the work takes long, and that thread
         * reads the requests that follow.
         */
        void starting();
    }

    /** Sends one answer back to the peer a request came from. Thread-safe; use once. */
    interface Reply {
        /**
         * Sends the first {@code length} bytes of {@code answer}, which are read during the call only: an answer
         * the holder sends at once leaves straight from the caller's array, one that must wait is copied.
         */
        void send(byte[] answer, int length);

        /**
         * The identity frame of the peer the request came from (not to be changed), so that clients can be served
         * fairly; null when unknown.
         */
        default byte[] peer() {
            return null;
        }
    }

    /**
     * Socket and thread settings of a front.
     *
     * @param reliefAfter how long work in place may keep the front's thread before another thread takes the sockets
     *                    (fast front only)
     * @param maxRelieved how many requests may run at once on threads that handed the front over (fast front only)
     */
    record Settings(
            String endpoint,
            long maxMessageSize,
            String curveSecretKeyZ85,
            Duration reliefAfter,
            int maxRelieved,
            boolean plainServer,
            boolean recordUserIds) {

        /** Settings without PLAIN authentication or user ids. */
        public Settings(
                String endpoint, long maxMessageSize, String curveSecretKeyZ85, Duration reliefAfter, int maxRelieved) {
            this(endpoint, maxMessageSize, curveSecretKeyZ85, reliefAfter, maxRelieved, false, false);
        }
    }

    /** Binds the sockets on the front's thread and returns the endpoint actually bound. */
    String start();

    /** The endpoint the ROUTER socket is bound to (a wildcard port resolved). */
    String endpoint();

    /** Requests accepted whose answers have not yet been handed to the ROUTER socket. */
    int inFlight();

    /** How many times another thread has taken the sockets over from a busy holder (0 for a plain front). */
    int handovers();

    /** Stops taking requests at once (no further requests are read). */
    void stopAccepting();

    /**
     * Stops taking requests, sends the answers of accepted work for up to {@code drain}, and closes the sockets.
     * Call after the workers have finished.
     */
    void close(Duration drain);

    @Override
    default void close() {
        close(Duration.ofSeconds(5));
    }
}
