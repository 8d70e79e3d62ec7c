package io.stui.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/** Resident memory of a process, read from Linux's {@code /proc/<pid>/status}. */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** Current resident set size in MiB; empty when not on Linux or the process is gone. */
    public static OptionalDouble rssMb(long pid) {
        return field(pid, "VmRSS:");
    }

    /** Peak resident set size ("high water mark") in MiB since the process started. */
    public static OptionalDouble peakRssMb(long pid) {
        return field(pid, "VmHWM:");
    }

    private static OptionalDouble field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    long kb = Long.parseLong(
                            line.substring(name.length()).replace("kB", "").trim());
                    return OptionalDouble.of(kb / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }
}
