package io.stui.bench.micro;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Busy loops at the lowest scheduling priority ({@code nice -n 19}), one per CPU, while a run lasts.
 * On a virtual machine an idle vCPU halts, and a thread woken on it waits until the hypervisor runs
 * it again: on this project's VM that made round trips 2 to 5 times slower on an idle machine than
 * on a busy one. A niced loop keeps the vCPUs from halting and yields to any normal-priority
 * thread that wakes up (it costs PUSH/PULL throughput a few percent). The loops are separate
 * processes, ended by {@link #close()} or, if the JVM exits first, by a shutdown hook.
 */
final class CpuWaker implements AutoCloseable {
    private final List<Process> loops = new ArrayList<>();
    private final Thread hook = new Thread(this::stop, "cpu-waker-stop");

    private CpuWaker() {}

    /** Starts {@code count} niced busy loops. */
    static CpuWaker start(int count) throws IOException {
        CpuWaker w = new CpuWaker();
        Runtime.getRuntime().addShutdownHook(w.hook);
        try {
            for (int i = 0; i < count; i++) {
                w.loops.add(new ProcessBuilder("nice", "-n", "19", "sh", "-c", "while :; do :; done")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start());
            }
        } catch (IOException e) {
            w.close();
            throw new IOException(
                    "cannot start the busy loops of --keep-cpus-awake (nice and sh are needed): " + e.getMessage(), e);
        }
        return w;
    }

    /** The running loops' processes (for tests). */
    List<ProcessHandle> processes() {
        return loops.stream().map(Process::toHandle).toList();
    }

    private void stop() {
        for (Process p : loops) {
            p.destroy();
        }
        for (Process p : loops) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (or ran) stop() itself
        }
    }
}
