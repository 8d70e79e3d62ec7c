package io.stui.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stui.bench.nativec.CPrograms;
import io.stui.bench.nativec.CeilingServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pinning a real process's threads to CPUs (Linux), and the CPU lists the load command reads. */
@Timeout(30)
class CpuAffinityTest {

    @Test
    void readsCpuListsAsTasksetWritesThem() {
        assertEquals(cpus(1), CpuAffinity.parse("1"));
        assertEquals(cpus(0, 2, 3, 4), CpuAffinity.parse("0,2-4"));
        assertEquals(cpus(0, 1), CpuAffinity.parse(" 0 , 1 "));
        assertEquals("0,2-4", CpuAffinity.format(CpuAffinity.parse("4,3,2,0")));
        assertEquals("1023", CpuAffinity.format(CpuAffinity.parse("1023")));
    }

    @Test
    void aListThatIsNotCpusIsRefusedNamingThePart() {
        Map<String, String> bad = Map.of(
                "", "an empty CPU list",
                "a", "'a' is not a CPU number or range",
                "1,,2", "'' is not a CPU number or range",
                "-1", "'-1' is not a CPU number or range",
                "1-2-3", "'1-2-3' is not a CPU number or range",
                "3-1", "'3-1' is a range that runs backwards",
                "1024", "'1024' is not a CPU number or range (CPUs are 0 to 1023)");
        bad.forEach((list, message) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuAffinity.parse(list));
            assertTrue(e.getMessage().startsWith(message), list + ": " + e.getMessage());
        });
    }

    @Test
    void aCpuThisMachineDoesNotOfferIsRefusedSayingWhichItHas() throws IOException {
        BitSet available = CpuAffinity.available();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CpuAffinity.checkAvailable(cpus(1023)));
        assertEquals(
                "CPU 1023 is not available here (available: " + CpuAffinity.format(available) + ")", e.getMessage());
        IOException gone = assertThrows(IOException.class, () -> CpuAffinity.pin(Integer.MAX_VALUE, available));
        assertEquals("no process " + Integer.MAX_VALUE, gone.getMessage());
    }

    @Test
    void pinsEveryThreadOfAProcessAndGivesTheirSetsBack() throws IOException {
        BitSet available = CpuAffinity.available();
        BitSet last = cpus(available.length() - 1);
        try (CeilingServer ceiling = CPrograms.locate(null).startCeiling(30)) {
            long pid = ceiling.pid();
            Map<Integer, String> before = allowed(pid);
            assertTrue(before.size() >= 2, "the ceiling runs libzmq's I/O thread too: " + before);

            try (CpuAffinity.Pinned pinned = CpuAffinity.pin(pid, last)) {
                Map<Integer, String> during = allowed(pid);
                assertEquals(before.keySet(), during.keySet());
                during.values().forEach(set -> assertEquals(CpuAffinity.format(last), set, "every thread: " + during));
            }
            assertEquals(before, allowed(pid));
        }
    }

    /** Each thread's {@code Cpus_allowed_list} from {@code /proc/<pid>/task/<tid>/status}. */
    private static Map<Integer, String> allowed(long pid) throws IOException {
        Map<Integer, String> sets = new TreeMap<>();
        List<Integer> tids = CpuAffinity.threads(pid);
        for (int tid : tids) {
            for (String line :
                    Files.readAllLines(Path.of("/proc", Long.toString(pid), "task", Integer.toString(tid), "status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    sets.put(tid, line.substring("Cpus_allowed_list:".length()).trim());
                }
            }
        }
        return sets;
    }

    private static BitSet cpus(int... ids) {
        BitSet set = new BitSet();
        for (int id : ids) {
            set.set(id);
        }
        return set;
    }
}
