package io.stui.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stui.bench.smalltalk.InterpreterBench;
import io.stui.bench.smalltalk.LoadBenchmarks;
import io.stui.smalltalk.EvalLimits;
import io.stui.smalltalk.EvaluationThreads;
import io.stui.smalltalk.LoadResult;
import io.stui.smalltalk.SmalltalkEngine;
import io.stui.smalltalk.SourceFile;
import io.stui.smalltalk.Workspace;
import io.stui.smalltalk.image.KernelLoader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stui bench smalltalk}: the embedded Smalltalk's speed in one run, each interpreter figure next to the
 * same algorithm in Java measured in the same rounds (their ratio is what a loaded machine moves least), then
 * the 50-class Tonel load and the kernel boot.
 */
@Command(
        name = "smalltalk",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "The embedded Smalltalk's speed: benchFib and a sieve next to the same code in Java (same rounds),",
            "a 50-class Tonel load and the kernel boot. Times are thread CPU (wall in brackets): min / median."
        })
public final class SmalltalkCommand implements Callable<Integer> {
    @Option(names = "--fib", description = "benchFib argument (default: ${DEFAULT-VALUE}).")
    int fib = 30;

    @Option(names = "--sieve", description = "Sieve passes per run (default: ${DEFAULT-VALUE}).")
    int sieve = 20;

    @Option(names = "--warmup", description = "Unmeasured runs of each figure first (default: ${DEFAULT-VALUE}).")
    int warmup = 8;

    @Option(names = "--rounds", description = "Measured runs of each figure (default: ${DEFAULT-VALUE}).")
    int rounds = 10;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (fib < 1 || fib > 40 || sieve < 1 || warmup < 0 || rounds < 1)
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "need 1 <= --fib <= 40, --sieve >= 1, --warmup >= 0, --rounds >= 1");
        AtomicReference<Object> out = new AtomicReference<>();
        // an evaluation thread runs Smalltalk itself, so its CPU time is the whole cost of each figure
        Thread t = EvaluationThreads.factory("bench-smalltalk").newThread(() -> {
            try {
                out.set(run());
            } catch (Throwable e) {
                out.set(e);
            }
        });
        t.start();
        t.join();
        if (out.get() instanceof Throwable e) throw e instanceof Exception ex ? ex : new RuntimeException(e);
        return 0;
    }

    private record Boot(double coldMs, InterpreterBench.Stats cpu, InterpreterBench.Stats wall) {}

    private Object run() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        double load0 = loadAverage();
        long w0 = System.nanoTime();
        SmalltalkEngine engine = SmalltalkEngine.boot();
        double coldBoot = (System.nanoTime() - w0) / 1e6;
        InterpreterBench.Figure fibFig, sieveFig;
        InterpreterBench.Stats loadCpu, loadWall;
        try (Workspace ws = engine.newWorkspace()) {
            InterpreterBench b = new InterpreterBench(ws);
            fibFig = b.benchFib(fib, warmup, rounds);
            print(pw, fibFig, "calls", fibFig.work());
            sieveFig = b.sieve(sieve, warmup, rounds);
            print(pw, sieveFig, "Pharo bytecodes", sieveFig.work());
        }
        try (Workspace ws = engine.newWorkspace()) {
            List<SourceFile> files = LoadBenchmarks.generatedPackage();
            double[][] t = timed(warmup, rounds, () -> {
                ws.clear();
                LoadResult r = ws.load(files, EvalLimits.defaults());
                if (!r.ok()) throw new IllegalStateException("load failed: " + r);
            });
            loadCpu = InterpreterBench.Stats.of(t[0]);
            loadWall = InterpreterBench.Stats.of(t[1]);
            pw.printf(
                    Locale.ROOT,
                    "load 50 classes   %8.1f / %8.1f ms   [wall %.1f / %.1f]   (target < 1000 ms)%n",
                    loadCpu.min(),
                    loadCpu.median(),
                    loadWall.min(),
                    loadWall.median());
        }
        double[][] bt = timed(Math.min(warmup, 3), Math.max(3, rounds / 2), KernelLoader::boot);
        Boot boot = new Boot(coldBoot, InterpreterBench.Stats.of(bt[0]), InterpreterBench.Stats.of(bt[1]));
        pw.printf(
                Locale.ROOT,
                "kernel boot       %8.1f / %8.1f ms   [wall %.1f / %.1f]   (first, cold: %.1f ms wall)%n",
                boot.cpu().min(),
                boot.cpu().median(),
                boot.wall().min(),
                boot.wall().median(),
                coldBoot);
        double load1 = loadAverage();
        pw.printf(Locale.ROOT, "load average %.2f -> %.2f%n", load0, load1);
        pw.flush();
        if (json != null) writeJson(fibFig, sieveFig, loadCpu, loadWall, boot, load0, load1);
        return null;
    }

    private static void print(PrintWriter pw, InterpreterBench.Figure f, String unit, long work) {
        pw.printf(
                Locale.ROOT,
                "%-9s Smalltalk %8.1f / %8.1f ms   [wall %.1f / %.1f]   %.2f M %s/s (at median)%n",
                f.name(),
                f.stCpu().min(),
                f.stCpu().median(),
                f.stWall().min(),
                f.stWall().median(),
                work / f.stCpu().median() / 1e3,
                unit);
        pw.printf(
                Locale.ROOT,
                "%-9s Java      %8.2f / %8.2f ms   [wall %.2f / %.2f]   Smalltalk/Java %.1fx (CPU medians)%n",
                f.name(),
                f.javaCpu().min(),
                f.javaCpu().median(),
                f.javaWall().min(),
                f.javaWall().median(),
                f.ratio());
        pw.flush();
    }

    /** Thread CPU and wall milliseconds of {@code rounds} runs after {@code warmup} unmeasured ones. */
    private static double[][] timed(int warmup, int rounds, Runnable r) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) r.run();
        double[] cpu = new double[rounds], wall = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            r.run();
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            wall[i] = (System.nanoTime() - w0) / 1e6;
        }
        return new double[][] {cpu, wall};
    }

    private static double loadAverage() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os.getSystemLoadAverage();
    }

    private void writeJson(
            InterpreterBench.Figure fibFig,
            InterpreterBench.Figure sieveFig,
            InterpreterBench.Stats loadCpu,
            InterpreterBench.Stats loadWall,
            Boot boot,
            double load0,
            double load1)
            throws Exception {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("fib", fib).put("sieve_passes", sieve).put("warmup", warmup).put("rounds", rounds);
        root.put("load_average_before", load0).put("load_average_after", load1);
        figure(root.putObject("bench_fib"), fibFig, "calls_per_s");
        figure(root.putObject("sieve"), sieveFig, "pharo_bytecodes_per_s");
        stats(root.putObject("load_50_classes"), loadCpu, loadWall);
        ObjectNode b = root.putObject("kernel_boot");
        stats(b, boot.cpu(), boot.wall());
        b.put("cold_wall_ms", boot.coldMs());
        om.enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), root);
    }

    private static void figure(ObjectNode n, InterpreterBench.Figure f, String rateName) {
        n.put("work", f.work());
        stats(n.putObject("smalltalk"), f.stCpu(), f.stWall());
        stats(n.putObject("java"), f.javaCpu(), f.javaWall());
        n.put("ratio_cpu_median", f.ratio());
        n.put(rateName, f.work() / f.stCpu().median() * 1e3);
    }

    private static void stats(ObjectNode n, InterpreterBench.Stats cpu, InterpreterBench.Stats wall) {
        n.put("cpu_ms_min", cpu.min()).put("cpu_ms_median", cpu.median());
        n.put("wall_ms_min", wall.min()).put("wall_ms_median", wall.median());
    }
}
