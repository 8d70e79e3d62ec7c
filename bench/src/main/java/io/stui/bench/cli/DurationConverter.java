package io.stui.bench.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Reads {@code 10}, {@code 10s}, {@code 500ms}, {@code 2m} as durations (a bare number is seconds). */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(
                        Long.parseLong(v.substring(0, v.length() - 2).trim()));
            }
            if (v.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000));
            }
            if (v.endsWith("s")) {
                v = v.substring(0, v.length() - 1);
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(v.trim()) * 1000));
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 10s, 500ms, 2m)");
        }
    }
}
