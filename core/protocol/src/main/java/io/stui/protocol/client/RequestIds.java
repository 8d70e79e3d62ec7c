package io.stui.protocol.client;

import io.stui.protocol.Encoding;
import io.stui.protocol.MessageIds;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids of one client: UUIDs in the envelope encoding (as its clients send), and
 * {@code <random prefix>-<counter>} in the command encoding, so ids of different clients differ.
 */
final class RequestIds {
    private final String prefix =
            "j" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    private final AtomicLong counter = new AtomicLong();

    String next(Encoding encoding) {
        return encoding == Encoding.ENVELOPE ? MessageIds.newUuid() : prefix + "-" + counter.incrementAndGet();
    }
}
