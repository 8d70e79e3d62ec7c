package io.stui.server.identity;

import java.util.Optional;

/** Who owns a session (the session registry answers). */
@FunctionalInterface
public interface SessionOwners {
    /**
     * The owner of a session, if it exists.
     *
     * @param includeStored also look at sessions that are not live but still restorable
     */
    Optional<String> ownerOf(String sessionId, boolean includeStored);
}
