package io.stui.server.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.stui.server.ChildJvm;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written layout prints what logback's PatternLayout prints for the server's pattern. */
class StuiLogLayoutTest {
    private final LoggerContext context = new LoggerContext();

    @Test
    void linesAreThoseOfThePattern() {
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(StuiLogConfigurator.PATTERN);
        pattern.start();
        StuiLogLayout layout = new StuiLogLayout();
        layout.setContext(context);
        layout.start();
        long[] times = {
            0,
            999,
            1_000,
            59_999,
            951_782_400_000L,
            1_764_953_244_667L,
            1_798_761_599_999L,
            4_102_444_800_001L,
            System.currentTimeMillis()
        };
        RuntimeException cause = new RuntimeException("disk full");
        IllegalStateException failure = new IllegalStateException("save failed", cause);
        failure.addSuppressed(new java.io.IOException("close failed"));
        Object[][] cases = {
            {"io.stui.server.StuiServer", Level.INFO, "main", "event=listening endpoint={}", null},
            {"Root", Level.WARN, "stui-front-1", "event=x message=\"{}\"", null},
            {"org.sqlite.core.DB", Level.ERROR, "stui-worker-2", "event=failed", failure},
            {"io.stui.server.x.", Level.DEBUG, "", "", new Error()},
        };
        for (long t : times) {
            for (Object[] c : cases) {
                LoggingEvent event = new LoggingEvent(
                        getClass().getName(),
                        context.getLogger((String) c[0]),
                        (Level) c[1],
                        (String) c[3],
                        (Throwable) c[4],
                        new Object[] {"tcp://127.0.0.1:5555"});
                event.setThreadName((String) c[2]);
                event.setTimeStamp(t);
                assertEquals(pattern.doLayout(event), layout.doLayout(event), "at " + t + " for " + c[0]);
            }
        }
    }

    @Test
    void loggingLoadsNoPatternParserNorDateFormatter(@TempDir Path dir) throws Exception {
        Set<String> loaded = ChildJvm.classesLoaded(dir, LogClassesProbe.class, "with-a-stack-trace");
        assertTrue(loaded.contains(StuiLogLayout.class.getName()), "the probe should have logged through the layout");
        assertEquals(Set.of(), matching(loaded, "ch.qos.logback.core.pattern.parser."));
        assertEquals(Set.of(), matching(loaded, "ch.qos.logback.core.pattern.color."));
        assertEquals(Set.of(), matching(loaded, "java.time.format."));
    }

    private static Set<String> matching(Set<String> loaded, String prefix) {
        return loaded.stream().filter(n -> n.startsWith(prefix)).collect(Collectors.toSet());
    }
}
