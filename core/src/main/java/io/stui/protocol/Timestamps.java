package io.stui.protocol;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 UTC timestamps as the protocol writes them: millisecond precision, {@code Z} suffix.
 * The date-and-seconds part is formatted once per second and reused, as answers are stamped many
 * thousand times a second.
 */
public final class Timestamps {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private record Second(long epochSecond, String text) {
    }

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private Timestamps() {
    }

    /** The current time, e.g. {@code 2025-08-30T10:30:00.123Z}. */
    public static String now() {
        return format(System.currentTimeMillis());
    }

    /** This instant truncated to milliseconds, in ISO-8601 UTC. */
    public static String format(Instant instant) {
        return format(instant.toEpochMilli());
    }

    /** Milliseconds since the epoch, in ISO-8601 UTC with millisecond precision. */
    public static String format(long epochMilli) {
        long second = Math.floorDiv(epochMilli, 1000L);
        int milli = (int) Math.floorMod(epochMilli, 1000L);
        Second s = last;
        if (s.epochSecond() != second) {
            s = new Second(second, SECONDS.format(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC)));
            last = s;
        }
        char[] ms = {'.', (char) ('0' + milli / 100), (char) ('0' + milli / 10 % 10), (char) ('0' + milli % 10), 'Z'};
        return s.text().concat(new String(ms));
    }
}
