package io.stui.server.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The server's logging set-up, in code rather than in a {@code logback.xml}: reading XML made logback
 * load an XML parser and its configuration model (about 600 classes, 2.4 MiB of the server's resident
 * memory under load) to build one appender. Structured lines on stderr, one per event
 * ({@code ts=... level=... thread=... logger=... key=value...}), so stdout stays for answers; the level
 * from {@code STUI_LOG_LEVEL} (default INFO). A configuration file named with
 * {@code -Dlogback.configurationFile=...}, or a {@code logback-test.xml} on the class path (the test
 * suites' quieter set-up), still wins: this configurator then steps aside.
 */
public final class StuiLogConfigurator extends ContextAwareBase implements Configurator {
    /** The line format of every log event (written by {@link StuiLogLayout}, which does not parse it). */
    public static final String PATTERN =
            "ts=%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} level=%level thread=%thread logger=%logger{0} %msg%n%ex";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || StuiLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, System.getenv("STUI_LOG_LEVEL"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up {@code context} with the root level named by {@code level} (INFO when null or not a level name). */
    static void configure(LoggerContext context, String level) {
        StuiLogLayout layout = new StuiLogLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        context.getLogger("org.sqlite").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        root.addAppender(stderr);
    }
}
