package io.stui.bench.cli;

import io.stui.bench.load.LoadGenerator;
import io.stui.bench.load.LoadSpec;
import java.io.PrintStream;
import java.util.Locale;

/**
 * One status line, rewritten every second on the terminal while a load runs (requests, rate,
 * errors). Nothing at all when standard output is not a terminal (CI logs stay clean).
 */
final class LiveProgress implements AutoCloseable {
    private final Thread thread;
    private final PrintStream err = System.err;

    private LiveProgress(LoadGenerator generator, LoadSpec spec) {
        this.thread = Thread.ofPlatform().daemon().name("load-progress").start(() -> loop(generator, spec));
    }

    /** Starts the display if the JVM has a console; otherwise returns an instance that does nothing. */
    static LiveProgress startIfTerminal(LoadGenerator generator, LoadSpec spec) {
        return System.console() != null ? new LiveProgress(generator, spec) : null;
    }

    private void loop(LoadGenerator g, LoadSpec spec) {
        long lastCount = 0;
        try {
            while (true) {
                Thread.sleep(1000); // a display refresh period, not synchronisation
                if (g.warmingUp()) {
                    err.print("\r  warming up...                                           ");
                    continue;
                }
                long count = g.recorder().count();
                err.printf(
                        Locale.ROOT,
                        "\r  %5.1f s  %9d requests  %8d req/s  %d errors   ",
                        g.measuredSecondsSoFar(),
                        count,
                        count - lastCount,
                        g.recorder().errors());
                lastCount = count;
            }
        } catch (InterruptedException e) {
            err.print("\r" + " ".repeat(70) + "\r");
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(2000);
    }
}
