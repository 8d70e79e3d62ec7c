package io.stui.server.log;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes {@link StuiLogConfigurator#PATTERN}'s line by hand: {@code ts=<UTC time to the millisecond> level=
 * thread= logger=<simple name> <message>}, then the stack trace of a throwable as {@code %ex} prints it. Logback's
 * {@code PatternLayout} would parse the pattern and build its converters (its parser, about 150 classes of
 * converter and colour tables): some 250 classes, 1.5 MiB of the server's metaspace, for one fixed line
 * ({@code java.time.format} is loaded anyway: logback's status printer formats its own times with it). {@code StuiLogLayoutTest} holds it to {@code PatternLayout}'s output.
 */
final class StuiLogLayout extends LayoutBase<ILoggingEvent> {
    /** Prints throwables exactly as {@code %ex}; made at the first event that carries one. */
    private volatile ThrowableProxyConverter throwables;

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        line.append("ts=");
        timestamp(line, event.getTimeStamp());
        line.append(" level=").append(event.getLevel());
        line.append(" thread=").append(event.getThreadName());
        String logger = event.getLoggerName();
        line.append(" logger=").append(logger, logger.lastIndexOf('.') + 1, logger.length());
        line.append(' ').append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        if (event.getThrowableProxy() != null) {
            line.append(throwables().convert(event));
        }
        return line.toString();
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC. */
    static void timestamp(StringBuilder out, long epochMillis) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        pad(out, (int) Math.floorMod(epochMillis, 1000), 3).append('Z');
    }

    private static StringBuilder pad(StringBuilder out, int value, int digits) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < digits; i++) {
            out.append('0');
        }
        return out.append(s);
    }

    private ThrowableProxyConverter throwables() {
        ThrowableProxyConverter c = throwables;
        if (c == null) {
            synchronized (this) {
                c = throwables;
                if (c == null) {
                    c = new ThrowableProxyConverter();
                    c.setContext(getContext());
                    c.start();
                    throwables = c;
                }
            }
        }
        return c;
    }
}
