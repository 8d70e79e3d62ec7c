package io.stui.bench.load;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Pins every thread of a process to a set of CPUs (Linux {@code sched_setaffinity}, called through the
 * FFM API), and gives each thread its CPU set back afterwards.
 *
 * <p>Why the load command needs it: on a small machine the scheduler places the server's threads, the
 * load generator's threads and the C ceiling's threads differently from one run to the next, and that
 * placement moves a server's requests/s by a fifth between adjacent runs. Two servers pinned to the
 * same CPUs are compared under the same placement.
 */
public final class CpuAffinity {
    /** glibc's {@code cpu_set_t}: 1,024 CPUs, one bit each. */
    static final int MAX_CPUS = 1024;

    private static final long SET_BYTES = MAX_CPUS / 8;
    private static final int EPERM = 1;
    private static final int ESRCH = 3;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final FunctionDescriptor AFFINITY_CALL = FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);
    private static final MethodHandle SET = libc("sched_setaffinity");
    private static final MethodHandle GET = libc("sched_getaffinity");

    private CpuAffinity() {}

    private static MethodHandle libc(String name) {
        return LINKER.defaultLookup()
                .find(name)
                .map(f -> LINKER.downcallHandle(f, AFFINITY_CALL, Linker.Option.captureCallState("errno")))
                .orElse(null);
    }

    /**
     * A CPU list as {@code taskset -c} and {@code /proc/<pid>/status} write it: numbers and ranges
     * separated by commas, e.g. {@code 1}, {@code 0,2} or {@code 0-3}.
     *
     * @throws IllegalArgumentException naming the part that is not a CPU number or range
     */
    public static BitSet parse(String list) {
        if (list == null || list.isBlank()) {
            throw new IllegalArgumentException("an empty CPU list (give e.g. 1, 0,2 or 0-3)");
        }
        BitSet cpus = new BitSet();
        for (String part : list.split(",", -1)) {
            String[] ends = part.trim().split("-", -1);
            if (ends.length > 2) {
                throw new IllegalArgumentException("'" + part + "' is not a CPU number or range");
            }
            int from = cpu(ends[0], part);
            int to = ends.length == 2 ? cpu(ends[1], part) : from;
            if (to < from) {
                throw new IllegalArgumentException("'" + part + "' is a range that runs backwards");
            }
            cpus.set(from, to + 1);
        }
        return cpus;
    }

    private static int cpu(String number, String part) {
        try {
            int n = Integer.parseInt(number.trim());
            if (n >= 0 && n < MAX_CPUS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the whole part
        }
        throw new IllegalArgumentException(
                "'" + part + "' is not a CPU number or range (CPUs are 0 to " + (MAX_CPUS - 1) + ")");
    }

    /** {@code cpus} written the way {@link #parse} reads it, ranges joined: {@code 0-2,5}. */
    public static String format(BitSet cpus) {
        StringBuilder s = new StringBuilder();
        for (int from = cpus.nextSetBit(0); from >= 0; from = cpus.nextSetBit(from + 1)) {
            int to = cpus.nextClearBit(from) - 1;
            s.append(s.isEmpty() ? "" : ",").append(from).append(to > from ? "-" + to : "");
            from = to;
        }
        return s.toString();
    }

    /** The CPUs this process may run on. */
    public static BitSet available() throws IOException {
        checkSupported();
        return get(0).orElseThrow(() -> new IOException("cannot read this process's CPU set"));
    }

    /**
     * Pins every thread of process {@code pid} to {@code cpus}. Threads it starts later inherit the set
     * from the thread that starts them. Closing the result gives each thread the set it had before (a
     * thread started meanwhile gets the process's main thread's former set); a process that has ended by
     * then is left alone.
     *
     * @throws IllegalArgumentException if {@code cpus} is empty or names a CPU this process may not use
     * @throws IOException              if the process does not exist, or a thread cannot be pinned
     */
    public static Pinned pin(long pid, BitSet cpus) throws IOException {
        checkAvailable(cpus);
        Map<Integer, BitSet> before = new HashMap<>();
        for (int tid : threads(pid)) {
            try {
                Optional<BitSet> former = get(tid);
                if (former.isPresent() && set(tid, cpus)) { // a thread that has just ended is skipped
                    before.put(tid, former.get());
                }
            } catch (IOException e) {
                new Pinned(pid, before).close(); // undo the threads already pinned
                throw new IOException("cannot pin thread " + tid + " of process " + pid + ": " + e.getMessage(), e);
            }
        }
        return new Pinned(pid, before);
    }

    /**
     * Checks that this process may use every CPU of {@code cpus} (so may the processes it pins).
     *
     * @throws IllegalArgumentException naming the CPUs that are not available, and those that are
     * @throws IOException              if CPUs cannot be pinned here (not Linux)
     */
    public static void checkAvailable(BitSet cpus) throws IOException {
        BitSet available = available();
        BitSet outside = (BitSet) cpus.clone();
        outside.andNot(available);
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("no CPU given (available: " + format(available) + ")");
        }
        if (!outside.isEmpty()) {
            throw new IllegalArgumentException(
                    "CPU " + format(outside) + " is not available here (available: " + format(available) + ")");
        }
    }

    /** A process whose threads are pinned; {@link #close} gives them their former CPU sets back. */
    public static final class Pinned implements AutoCloseable {
        private final long pid;
        private final Map<Integer, BitSet> before;

        private Pinned(long pid, Map<Integer, BitSet> before) {
            this.pid = pid;
            this.before = before;
        }

        @Override
        public void close() {
            BitSet main = before.get((int) pid);
            List<Integer> tids;
            try {
                tids = threads(pid);
            } catch (IOException e) {
                return; // the process has ended
            }
            for (int tid : tids) {
                BitSet former = before.getOrDefault(tid, main);
                if (former != null) {
                    try {
                        set(tid, former);
                    } catch (IOException e) {
                        // its former set is no longer usable (a CPU went offline): it keeps the pinned one
                    }
                }
            }
        }
    }

    private static void checkSupported() throws IOException {
        if (SET == null || GET == null || !Files.isDirectory(Path.of("/proc/self/task"))) {
            throw new IOException("pinning to CPUs needs Linux (sched_setaffinity and /proc)");
        }
    }

    /** The thread ids of process {@code pid}, from {@code /proc/<pid>/task}. */
    static List<Integer> threads(long pid) throws IOException {
        List<Integer> tids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(t -> tids.add(Integer.parseInt(t.getFileName().toString())));
        } catch (NoSuchFileException e) {
            throw new IOException("no process " + pid, e);
        }
        return tids;
    }

    /** Thread {@code tid}'s CPU set (0: the calling thread); empty if the thread has ended. Linux only: callers check. */
    private static Optional<BitSet> get(int tid) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment set = arena.allocate(SET_BYTES);
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc = (int) GET.invokeExact(state, tid, SET_BYTES, set);
            if (rc != 0) {
                int errno = (int) ERRNO.get(state, 0L);
                if (errno == ESRCH) {
                    return Optional.empty();
                }
                throw new IOException("sched_getaffinity failed, errno " + errno);
            }
            return Optional.of(BitSet.valueOf(set.toArray(ValueLayout.JAVA_BYTE)));
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Sets thread {@code tid}'s CPU set; false if the thread has ended. */
    private static boolean set(int tid, BitSet cpus) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment set = arena.allocate(SET_BYTES);
            byte[] bits = cpus.toByteArray();
            MemorySegment.copy(bits, 0, set, ValueLayout.JAVA_BYTE, 0, bits.length);
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc = (int) SET.invokeExact(state, tid, SET_BYTES, set);
            if (rc == 0) {
                return true;
            }
            int errno = (int) ERRNO.get(state, 0L);
            return switch (errno) {
                case ESRCH -> false;
                case EPERM -> throw new IOException("not permitted (the process belongs to another user)");
                default -> throw new IOException("sched_setaffinity failed, errno " + errno);
            };
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
