package io.stui.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * CPU time a process has used so far (user + system, all its threads), read from Linux's
 * {@code /proc/<pid>/stat}: on a shared machine the load stretches wall-clock times but hardly moves this.
 */
public final class ProcessCpu {
    /** The kernel's clock ticks per second as {@code /proc} counts them (USER_HZ, 100 on every Linux build we run). */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {}

    /** User + system CPU time in milliseconds; empty when not on Linux or the process is gone. */
    public static OptionalDouble cpuMs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime: fields 14 and 15
            return OptionalDouble.of(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }
}
