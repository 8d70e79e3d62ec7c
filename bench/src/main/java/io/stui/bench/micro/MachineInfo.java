package io.stui.bench.micro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line describing the machine a benchmark ran on, for reports. */
public final class MachineInfo {
    private MachineInfo() {}

    /** CPU model and count, memory, OS and JVM. */
    public static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: keep "unknown CPU"
        }
        long memMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        String total = "";
        try {
            total = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MB RAM")
                    .findFirst()
                    .orElse("");
        } catch (IOException | RuntimeException e) {
            total = "";
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " CPUs" + (total.isEmpty() ? "" : ", " + total)
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", max heap "
                + memMb + " MB)";
    }
}
