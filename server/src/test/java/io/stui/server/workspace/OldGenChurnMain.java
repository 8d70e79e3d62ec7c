package io.stui.server.workspace;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;

/**
 * Child-JVM program of {@link OldGenerationCeilingTest}: keeps a ring of entries that each outlive
 * a few young collections among short-lived garbage (like a session's history entries among the
 * garbage of its requests), so they are promoted and die in the old generation, then prints the old generation's peak occupancy. Argument: {@code ceiling}
 * to install the {@link OldGenerationCeiling} (8 MiB floor, factor 1.5) or {@code none}.
 */
public final class OldGenChurnMain {

    private OldGenChurnMain() {}

    public static void main(String[] args) {
        boolean withCeiling = args.length > 0 && args[0].equals("ceiling");
        OldGenerationCeiling ceiling = withCeiling
                ? OldGenerationCeiling.install(8L << 20, 1.5)
                        .orElseThrow(() -> new IllegalStateException("not the serial collector"))
                : null;
        MemoryPoolMXBean old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().equals(OldGenerationCeiling.SERIAL_OLD_POOL))
                .findFirst()
                .orElseThrow();
        byte[][] ring = new byte[20_000][];
        byte[][] scratch = new byte[64][]; // keeps the short-lived arrays real heap allocations
        long sum = 0;
        for (int i = 0; i < 300_000; i++) {
            // the short-lived garbage of a request, then its long-lived entry
            for (int t = 0; t < 40; t++) {
                byte[] temp = new byte[200];
                temp[1] = (byte) t;
                scratch[(i + t) & 63] = temp;
                sum += scratch[(i + t + 1) & 63] == null ? 0 : 1;
            }
            byte[] b = new byte[200];
            b[0] = (byte) i;
            byte[] gone = ring[i % ring.length];
            sum += gone == null ? 0 : gone[0];
            ring[i % ring.length] = b;
        }
        System.out.println("peakOldBytes=" + old.getPeakUsage().getUsed() + " collections="
                + (ceiling == null ? 0 : ceiling.collections()) + " checksum=" + sum);
    }
}
