package io.stui.server.events;

import io.stui.server.identity.SessionOwners;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which subscriptions of the events socket take effect on a server that authenticates its clients: a session's
 * topic only for the identity that owns the session, {@link Events#IMAGE} (the shared default image) for any
 * identity, nothing else (no empty prefix, no partial id). Without this gate anyone who learnt a session id could
 * read its Transcript.
 *
 * <p>The subscriber's identity is its connection's ZAP user id (CURVE key or PLAIN username, as on the request
 * socket) or, on a server with a token file, a token carried in the subscription itself: the topic, a NUL byte,
 * then the token. The gate answers the topic the subscriber is given, so a token never becomes a topic.
 */
public final class SubscriptionGate {

    private final SessionOwners owners;
    private final Function<String, Optional<String>> tokens;

    /**
     * @param owners who owns each live session
     * @param tokens the identity a token names ({@code TokenFile::identityOf}), or null when the server takes none
     */
    public SubscriptionGate(SessionOwners owners, Function<String, Optional<String>> tokens) {
        this.owners = owners;
        this.tokens = tokens;
    }

    /** Where a subscription's topic ends: at its NUL byte, or at its end when it has none. */
    static int topicEnd(byte[] subscription, int offset) {
        int end = offset;
        while (end < subscription.length && subscription[end] != 0) {
            end++;
        }
        return end;
    }

    /** The topic of a subscription (what a subscriber unsubscribing names too). */
    static String topicOf(byte[] subscription, int offset) {
        return new String(subscription, offset, topicEnd(subscription, offset) - offset, StandardCharsets.UTF_8);
    }

    /**
     * The topic a subscription gives its subscriber, or null when it is refused.
     *
     * @param subscription the subscription as the events socket received it
     * @param offset       where the topic starts (after the subscribe flag)
     * @param userId       the ZAP user id of the subscriber's connection, or null
     */
    public String admit(byte[] subscription, int offset, String userId) {
        int end = topicEnd(subscription, offset);
        String topic = new String(subscription, offset, end - offset, StandardCharsets.UTF_8);
        String identity = identityOf(subscription, end, userId);
        if (identity == null || topic.isEmpty()) {
            return null;
        }
        if (topic.equals(Events.IMAGE)) {
            return topic;
        }
        return owners.ownerOf(topic, false)
                .filter(identity::equals)
                .map(o -> topic)
                .orElse(null);
    }

    /** Whether a topic still names something a subscriber may hold (the image, or a live session). */
    boolean live(String topic) {
        return topic.equals(Events.IMAGE) || owners.ownerOf(topic, false).isPresent();
    }

    private String identityOf(byte[] subscription, int nul, String userId) {
        if (userId != null && !userId.isEmpty()) {
            return userId;
        }
        if (tokens == null || nul >= subscription.length) {
            return null;
        }
        String token = new String(subscription, nul + 1, subscription.length - nul - 1, StandardCharsets.UTF_8);
        return tokens.apply(token).orElse(null);
    }
}
