package io.stui.protocol;

import java.nio.charset.StandardCharsets;
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

    /** Bytes {@link #formatInto(long, byte[])} writes at most ({@code uuuu-MM-ddTHH:mm:ss.SSSZ}, years past 9999 longer). */
    static final int MAX_LENGTH = 32;

    /** One second's date-and-time text, as ASCII bytes. */
    private record Second(long epochSecond, byte[] ascii) {
        static Second of(long epochSecond) {
            return new Second(
                    epochSecond,
                    SECONDS.format(LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC))
                            .getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static volatile Second last = new Second(Long.MIN_VALUE, new byte[0]);

    private Timestamps() {}

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
        byte[] text = new byte[MAX_LENGTH];
        return new String(text, 0, formatInto(epochMilli, text), StandardCharsets.US_ASCII);
    }

    /**
     * Writes the current time as {@link #now()} would, as ASCII bytes, into {@code dst} (at least
     * {@link #MAX_LENGTH} long) and returns the number of bytes: for answers, which are stamped without a String.
     */
    static int nowInto(byte[] dst) {
        return formatInto(System.currentTimeMillis(), dst);
    }

    /** As {@link #format(long)}, as ASCII bytes into {@code dst}; returns the number of bytes written. */
    static int formatInto(long epochMilli, byte[] dst) {
        byte[] head = second(epochMilli).ascii();
        int n = head.length;
        System.arraycopy(head, 0, dst, 0, n);
        int milli = (int) Math.floorMod(epochMilli, 1000L);
        dst[n] = '.';
        dst[n + 1] = (byte) ('0' + milli / 100);
        dst[n + 2] = (byte) ('0' + milli / 10 % 10);
        dst[n + 3] = (byte) ('0' + milli % 10);
        dst[n + 4] = 'Z';
        return n + 5;
    }

    /** The formatted second {@code epochMilli} falls in, made once per second. */
    private static Second second(long epochMilli) {
        long second = Math.floorDiv(epochMilli, 1000L);
        Second s = last;
        if (s.epochSecond() != second) {
            s = Second.of(second);
            last = s;
        }
        return s;
    }
}
