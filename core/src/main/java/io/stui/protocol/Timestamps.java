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

    /** Characters {@link #formatInto(long, char[])} writes at most ({@code uuuu-MM-ddTHH:mm:ss.SSSZ}). */
    static final int MAX_LENGTH = 32;

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
        char[] text = new char[MAX_LENGTH];
        return new String(text, 0, formatInto(epochMilli, text));
    }

    /**
     * Writes the current time as {@link #now()} would into {@code dst} (at least {@link #MAX_LENGTH}
     * long) and returns the number of characters: for answers, which are stamped without a String.
     */
    static int nowInto(char[] dst) {
        return formatInto(System.currentTimeMillis(), dst);
    }

    /** As {@link #format(long)}, into {@code dst}; returns the number of characters written. */
    static int formatInto(long epochMilli, char[] dst) {
        long second = Math.floorDiv(epochMilli, 1000L);
        int milli = (int) Math.floorMod(epochMilli, 1000L);
        Second s = last;
        if (s.epochSecond() != second) {
            s = new Second(second, SECONDS.format(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC)));
            last = s;
        }
        String head = s.text();
        int n = head.length();
        head.getChars(0, n, dst, 0);
        dst[n] = '.';
        dst[n + 1] = (char) ('0' + milli / 100);
        dst[n + 2] = (char) ('0' + milli / 10 % 10);
        dst[n + 3] = (char) ('0' + milli % 10);
        dst[n + 4] = 'Z';
        return n + 5;
    }
}
