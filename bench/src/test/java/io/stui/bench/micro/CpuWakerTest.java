package io.stui.bench.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuWakerTest {
    @Test
    void startsNicedLoopsAndEndsThemOnClose() throws Exception {
        List<ProcessHandle> loops;
        try (CpuWaker w = CpuWaker.start(2)) {
            loops = w.processes();
            assertEquals(2, loops.size());
            for (ProcessHandle p : loops) {
                assertTrue(p.isAlive());
                // field 19 of /proc/PID/stat (after the command in brackets) is the nice value; it is set once
                // `nice` has exec'd the loop's shell, so wait (bounded) until the command is no longer `nice`
                Path statFile = Path.of("/proc", Long.toString(p.pid()), "stat");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                String stat = Files.readString(statFile);
                while (stat.contains("(nice)") && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                    stat = Files.readString(statFile);
                }
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                assertEquals("19", f[16], stat);
            }
        }
        for (ProcessHandle p : loops) {
            p.onExit().get(5, TimeUnit.SECONDS);
            assertFalse(p.isAlive());
        }
    }
}
