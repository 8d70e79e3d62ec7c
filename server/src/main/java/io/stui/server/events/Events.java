package io.stui.server.events;

import java.util.Map;

/**
 * Where the server's parts raise events for subscribers (see {@link EventPublisher}). Callers ask {@link #wants}
 * first, so that nothing is built for a topic nobody listens to: that check is the whole cost of events then.
 */
public interface Events {

    /** The topic of the default image's events (sessions use their id). */
    String IMAGE = "image";

    /** Events switched off ({@code events-endpoint none}). */
    Events NONE = new Events() {
        @Override
        public boolean wants(String topic) {
            return false;
        }

        @Override
        public void publish(String topic, String kind, String requestId, Map<String, Object> fields) {}
    };

    /** True when some subscriber listens to {@code topic}. */
    boolean wants(String topic);

    /** Queues an event; never blocks (a full queue drops it and counts the drop). */
    void publish(String topic, String kind, String requestId, Map<String, Object> fields);

    /** The topic of a session id, null meaning the default image. */
    static String topicOf(String sessionId) {
        return sessionId == null ? IMAGE : sessionId;
    }
}
