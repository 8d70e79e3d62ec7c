package io.stui.server.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The server's logging: registered for logback, structured lines on stderr, level from the environment. */
class StuiLogConfiguratorTest {

    @Test
    void logbackFindsItAsAConfigurator() {
        assertTrue(
                ServiceLoader.load(Configurator.class).stream().anyMatch(p -> p.type() == StuiLogConfigurator.class));
    }

    @Test
    void aTestConfigurationOnTheClassPathWins() {
        // this module's tests carry a logback-test.xml, so the configurator must leave the set-up to it
        assertEquals(
                Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY,
                new StuiLogConfigurator().configure(new LoggerContext()));
    }

    @Test
    void theLevelComesFromItsNameAndFallsBackToInfo() {
        assertSame(Level.DEBUG, root(configured("DEBUG")).getLevel());
        assertSame(Level.WARN, root(configured("warn")).getLevel());
        assertSame(Level.INFO, root(configured(null)).getLevel());
        assertSame(Level.INFO, root(configured("loud")).getLevel());
        assertSame(Level.WARN, configured(null).getLogger("org.sqlite").getLevel());
    }

    @Test
    void anEventIsOneStructuredLineOnStderr() {
        LoggerContext context = configured(null);
        ConsoleAppender<?> stderr =
                assertInstanceOf(ConsoleAppender.class, root(context).getAppender("STDERR"));
        assertEquals("System.err", stderr.getTarget());
        @SuppressWarnings("unchecked")
        Encoder<ILoggingEvent> encoder = (Encoder<ILoggingEvent>) stderr.getEncoder();
        LoggingEvent event = new LoggingEvent(
                getClass().getName(),
                context.getLogger("io.stui.server.StuiServer"),
                Level.INFO,
                "event=listening endpoint={}",
                null,
                new Object[] {"tcp://127.0.0.1:5555"});
        event.setThreadName("main");
        event.setTimeStamp(0);
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertEquals(
                "ts=1970-01-01T00:00:00.000Z level=INFO thread=main logger=StuiServer "
                        + "event=listening endpoint=tcp://127.0.0.1:5555" + System.lineSeparator(),
                line);
    }

    private static LoggerContext configured(String level) {
        LoggerContext context = new LoggerContext();
        StuiLogConfigurator.configure(context, level);
        return context;
    }

    private static ch.qos.logback.classic.Logger root(LoggerContext context) {
        return context.getLogger(Logger.ROOT_LOGGER_NAME);
    }
}
