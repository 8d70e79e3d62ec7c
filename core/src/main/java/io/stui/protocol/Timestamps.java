package io.stui.protocol;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** ISO-8601 UTC timestamps as the protocol writes them: millisecond precision, {@code Z} suffix. */
public final class Timestamps {
    private Timestamps() {
    }

    /** The current time, e.g. {@code 2025-08-30T10:30:00.123Z}. */
    public static String now() {
        return format(Instant.now());
    }

    /** This instant truncated to milliseconds, in ISO-8601 UTC. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
