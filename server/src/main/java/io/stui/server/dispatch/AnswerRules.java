package io.stui.server.dispatch;

import io.stui.protocol.request.Request;
import io.stui.protocol.request.SessionScoped;
import java.util.List;
import java.util.function.Function;

/**
 * What the dispatcher applies to every answer beyond running the command: the size limit, the retry cache and
 * the warnings owed to a session's client.
 *
 * @param maxAnswerBytes the largest answer sent (setting {@code max-answer-bytes}); larger ones become a
 *                       {@code ResponseTooLarge} error
 * @param retries        first answers kept for retries
 * @param identity       who sent a request, for the retry cache: today the {@code client_id} named by the request
 *                       or owning its session, null when unknown; the one place to change when identities are
 *                       authenticated
 * @param warnings       texts owed to a session's client, taken by session id and given in its next answer
 */
public record AnswerRules(
        long maxAnswerBytes,
        RetryCache retries,
        Function<Request, String> identity,
        Function<String, List<String>> warnings) {

    /** The session a request names, whose owed warnings its answer carries; null for none. */
    static String sessionOf(Request request) {
        return request instanceof SessionScoped s ? s.sessionId() : null;
    }
}
