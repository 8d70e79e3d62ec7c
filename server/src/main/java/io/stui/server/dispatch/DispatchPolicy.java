package io.stui.server.dispatch;

import io.stui.server.exec.MemoryReserve;
import io.stui.server.identity.IdentityResolver;
import io.stui.server.identity.OwnershipGuard;
import java.time.Duration;
import java.util.List;

/**
 * What the dispatcher applies around every command besides running it: who sent it and whether they may touch
 * the session it names, and what its answer gets (size limit, retries, owed warnings, the memory to make it).
 *
 * @param reserve    heap held back so that an answer can still be made when the shared heap runs out
 * @param identities who sent each request
 * @param ownership  refuses another identity's sessions; null checks nothing (no authentication configured)
 * @param answers    the answer size limit, the retry cache and the warnings owed to a session's client
 */
public record DispatchPolicy(
        MemoryReserve reserve, IdentityResolver identities, OwnershipGuard ownership, AnswerRules answers) {

    /** No authentication, no reserve, no answer limit beyond the protocol's, no retry cache, no warnings. */
    public static DispatchPolicy none() {
        return new DispatchPolicy(
                new MemoryReserve(0),
                IdentityResolver.none(),
                null,
                new AnswerRules(Integer.MAX_VALUE - 8, RetryCache.of(Duration.ZERO), r -> null, s -> List.of()));
    }
}
