package io.stui.protocol;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh message ids for envelope answers and requests: random (version 4) UUIDs drawn from
 * {@link ThreadLocalRandom}. Message ids only need to be unique, not unguessable, so they skip the
 * cost and contention of {@code SecureRandom}; never use them as secrets (session ids are not made here).
 */
public final class MessageIds {
    private MessageIds() {}

    /** A random version 4 UUID in its canonical text form. */
    public static String newUuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long lsb = (r.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(msb, lsb).toString();
    }
}
