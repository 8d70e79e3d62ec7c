package io.stui.bench.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessMemoryTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void readsThisJvmsResidentMemory() {
        long pid = ProcessHandle.current().pid();
        double rss = ProcessMemory.rssMb(pid).orElseThrow();
        double peak = ProcessMemory.peakRssMb(pid).orElseThrow();
        assertTrue(rss > 10 && rss < 100_000, "rss " + rss);
        assertTrue(peak >= rss, "peak " + peak + " < rss " + rss);
    }

    @Test
    void aProcessThatDoesNotExistHasNoMemory() {
        assertFalse(ProcessMemory.rssMb(Long.MAX_VALUE).isPresent());
    }
}
