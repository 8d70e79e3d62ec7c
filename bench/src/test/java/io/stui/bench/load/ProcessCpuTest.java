package io.stui.bench.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessCpuTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void readsWhatTheJvmCountsForItself() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double before = os.getProcessCpuTime() / 1e6;
        double read = ProcessCpu.cpuMs(ProcessHandle.current().pid()).orElseThrow();
        double after = os.getProcessCpuTime() / 1e6;
        // /proc counts in 10 ms ticks, rounded down per thread (a few threads: a few ticks)
        assertTrue(read <= after + 10 && read >= before - 200, before + " <= " + read + " <= " + after);
        assertTrue(read > 0, "a running JVM has used CPU: " + read);
    }

    @Test
    void aProcessThatDoesNotExistHasNoCpu() {
        assertFalse(ProcessCpu.cpuMs(Long.MAX_VALUE).isPresent());
    }
}
