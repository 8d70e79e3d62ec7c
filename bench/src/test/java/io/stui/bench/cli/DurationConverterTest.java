package io.stui.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {
    private final DurationConverter c = new DurationConverter();

    @Test
    void readsSecondsMillisecondsAndMinutes() {
        assertEquals(Duration.ofSeconds(10), c.convert("10"));
        assertEquals(Duration.ofSeconds(10), c.convert("10s"));
        assertEquals(Duration.ofMillis(1500), c.convert("1.5s"));
        assertEquals(Duration.ofMillis(500), c.convert("500ms"));
        assertEquals(Duration.ofMinutes(2), c.convert("2m"));
    }

    @Test
    void refusesWhatIsNotADuration() {
        CommandLine.TypeConversionException e =
                assertThrows(CommandLine.TypeConversionException.class, () -> c.convert("soon"));
        assertEquals("'soon' is not a duration (e.g. 10s, 500ms, 2m)", e.getMessage());
    }
}
