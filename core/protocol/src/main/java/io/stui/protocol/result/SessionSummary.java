package io.stui.protocol.result;

import java.time.Instant;

/**
 * One session in {@code list_client_sessions}.
 *
 * @param sessionId       the session
 * @param createdAt       creation time
 * @param lastModified    last change
 * @param timeout         idle seconds before expiry
 * @param isActive        whether it is open
 * @param timeUntilExpiry seconds left if left idle
 */
public record SessionSummary(
        String sessionId,
        Instant createdAt,
        Instant lastModified,
        long timeout,
        boolean isActive,
        long timeUntilExpiry) {}
